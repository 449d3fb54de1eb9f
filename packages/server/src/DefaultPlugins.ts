import type { Plugin } from "@teamops/core"
import { orgPlugin } from "@teamops/org"

export type BootedPlugins = ReadonlyArray<Plugin<any>>

/** The plugins a host loads when its configuration names none. */
export const defaultPlugins: BootedPlugins = [orgPlugin]
