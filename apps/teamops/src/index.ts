export { teamops } from "./commands.js"
export { type BootedPlugins, defaultPlugins } from "./DefaultPlugins.js"
export { type ImportNotes, type ImportOptions, type ImportTally, importEventsFile } from "./EventsImport.js"
export { HostFile, readHostFile } from "./HostFile.js"
