export { teamops } from "./commands.js"
export { HostFile, readHostFile } from "./HostFile.js"
