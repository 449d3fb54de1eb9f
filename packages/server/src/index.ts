export { seedDemo } from "./Demo.js"
export { bootHost, type Host, type HostConfig, type PluginStatus, stderrLogger } from "./Host.js"
export { orderPlugins } from "./PluginOrder.js"
export { createServer, type ServerConfig, type TeamopsServer } from "./Server.js"
