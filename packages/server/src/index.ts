export { personalTokenDays } from "./access/AccessSchema.js"
export { type AuditFilter, type AuditRecord, appendAudit, readAudit } from "./access/AuditLog.js"
export { SsoConfig } from "./access/Sso.js"
export {
  createToken,
  listTokens,
  type NewToken,
  revokeToken,
  type StoredToken,
  type TokenOwner,
} from "./access/TokenStore.js"
export { seedDemo } from "./Demo.js"
export { bootHost, type Host, type HostConfig, type PluginStatus, stderrLogger } from "./Host.js"
export type { CorsConfig } from "./hardening/Cors.js"
export { csrfHeader } from "./hardening/Csrf.js"
export { defaultLimits, type Limits } from "./hardening/Limits.js"
export type { PersistedOperationsConfig } from "./hardening/PersistedOperations.js"
export { defaultRateLimit, type RateLimitConfig } from "./hardening/RateLimit.js"
export { orderPlugins } from "./PluginOrder.js"
export { createServer, type ServerConfig, type TeamopsServer } from "./Server.js"
