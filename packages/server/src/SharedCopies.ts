import { realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { type Plugin, PluginError } from "@teamops/core"
import { Effect } from "effect"

// Each must exist once in a process: a plugin with its own copy of graphql throws errors the
// server does not recognise (its callers read "Unexpected error."), and one with its own
// effect has services and errors the host's runtime cannot match.
const shared = ["graphql", "effect"] as const

/** Where `name` is loaded from by the module at `file`; undefined when it cannot be found from there. */
const resolvedFrom = (file: string, name: string) => {
  try {
    return realpathSync(createRequire(file).resolve(name))
  } catch {
    return undefined
  }
}

/**
 * Refuses a plugin whose module loads a copy of graphql or effect other than the host's: the
 * plugin declares them as peer dependencies, so that the application installs each once.
 */
export const checkSharedCopies = (plugins: ReadonlyArray<Plugin<any>>, hostFile: string = import.meta.url) =>
  Effect.forEach(
    plugins,
    (plugin) => {
      if (plugin.origin === undefined) return Effect.void
      for (const name of shared) {
        const host = resolvedFrom(hostFile, name)
        const own = resolvedFrom(plugin.origin, name)
        if (host !== undefined && own !== undefined && own !== host) {
          return new PluginError({
            pluginId: plugin.id,
            message: `plugin "${plugin.id}" loads its own copy of ${name} (${own}), not the host's (${host}): make ${name} a peer dependency of the plugin and install it once`,
          })
        }
      }
      return Effect.void
    },
    { discard: true },
  )
