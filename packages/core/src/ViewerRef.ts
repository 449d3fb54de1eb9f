import { objectRef } from "./Builder.js"
import type { Principal } from "./Principal.js"

/**
 * The `Viewer` type of `viewer { ... }`: who the server thinks is asking. The host implements
 * it; the plugin that keeps the org chart adds `person`.
 */
export const ViewerRef = objectRef<Principal>("Viewer")
