export { teamops } from "./commands.js"
export { type BootedPlugins, defaultPlugins } from "./DefaultPlugins.js"
export { HostFile, readHostFile } from "./HostFile.js"
