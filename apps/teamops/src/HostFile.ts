import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import type { Plugin } from "@teamops/core"
import { Effect, Schema } from "effect"
import { CliError } from "./CliError.js"
import { defaultPlugins } from "./DefaultPlugins.js"

/**
 * `teamops.config.js` in the working directory (plain ESM, default export) says which
 * plugins to load, which may fail without stopping the host, and each plugin's settings:
 *
 *   import { orgPlugin } from "@teamops/org"
 *   export default { plugins: [orgPlugin], optional: [], pluginConfig: {} }
 */
// Plugins are checked for shape only and passed on as they are: the host validates them.
const PluginValue = Schema.declare(
  (u): u is Plugin<any> => typeof u === "object" && u !== null && "id" in u && "version" in u,
  { message: () => "expected a plugin made with definePlugin(...)" },
)

export const HostFile = Schema.Struct({
  plugins: Schema.optional(Schema.Array(PluginValue)),
  optional: Schema.optional(Schema.Array(Schema.String)),
  pluginConfig: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
})

export interface HostChoice {
  readonly plugins: ReadonlyArray<Plugin<any>>
  readonly optional: ReadonlyArray<string>
  readonly pluginConfig: Readonly<Record<string, unknown>>
}

export const readHostFile = (cwd: string): Effect.Effect<HostChoice, CliError> =>
  Effect.gen(function* () {
    const file = resolve(cwd, "teamops.config.js")
    if (!existsSync(file)) return { plugins: defaultPlugins, optional: [], pluginConfig: {} }
    const loaded = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(file).href) as Promise<{ default?: unknown }>,
      catch: (e) => new CliError({ message: `cannot load ${file}: ${e instanceof Error ? e.message : String(e)}` }),
    })
    const decoded = yield* Schema.decodeUnknown(HostFile)(loaded.default ?? {}).pipe(
      Effect.mapError((e) => new CliError({ message: `${file}: ${e.message}` })),
    )
    return {
      plugins: decoded.plugins ?? defaultPlugins,
      optional: decoded.optional ?? [],
      pluginConfig: decoded.pluginConfig ?? {},
    }
  })
