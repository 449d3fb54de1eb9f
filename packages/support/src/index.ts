export { supportPlugin } from "./plugin.js"
