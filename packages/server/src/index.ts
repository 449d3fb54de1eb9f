export { seedDemo } from "./Demo.js"
export { bootHost, type Host, type HostConfig, type PluginStatus, stderrLogger } from "./Host.js"
export { orderPlugins } from "./PluginOrder.js"
export { createServer, type ServerConfig, type TeamopsServer } from "./Server.js"
export { type AuditFilter, type AuditRecord, appendAudit, readAudit } from "./access/AuditLog.js"
export {
  createToken,
  listTokens,
  type NewToken,
  revokeToken,
  type StoredToken,
  type TokenOwner,
} from "./access/TokenStore.js"
export { type SsoConfig } from "./access/Sso.js"
export { personalTokenDays } from "./access/AccessSchema.js"
