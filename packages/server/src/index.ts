export { type BootedPlugins, defaultPlugins } from "./DefaultPlugins.js"
export { bootHost, type Host, type HostConfig, type PluginStatus } from "./Host.js"
export { orderPlugins } from "./PluginOrder.js"
export { createServer, type ServerConfig, type TeamopsServer } from "./Server.js"
