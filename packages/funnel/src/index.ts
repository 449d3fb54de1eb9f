export { funnelPlugin } from "./plugin.js"
