import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { type Plugin, toInputError } from "@teamops/core"
import { SsoConfig } from "@teamops/server"
import { Effect, Schema } from "effect"
import { CliError } from "./CliError.js"
import { defaultPlugins } from "./DefaultPlugins.js"

/**
 * `teamops.config.js` in the working directory (plain ESM, default export) says which
 * plugins to load, which may fail without stopping the host, and each plugin's settings:
 *
 *   import { orgPlugin } from "@teamops/org"
 *   export default { plugins: [orgPlugin], optional: [], pluginConfig: {} }
 *
 * and, in `server`, the server's limits and defences (docs/security.md).
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
  // Decoded on its own, with unknown keys refused (see decodeServer).
  server: Schema.optional(Schema.Unknown),
})

// A key left out is absent, not undefined, as createServer's options expect.
const exact = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

const PositiveInt = Schema.Int.pipe(Schema.positive({ message: () => "expected a positive whole number" }))

/** `server`: the limits, CORS origins, persisted operations, rate limit, introspection and single sign-on. */
export const ServerSection = Schema.Struct({
  limits: exact(
    Schema.Struct({
      maxDepth: exact(PositiveInt),
      maxAliases: exact(PositiveInt),
      maxTokens: exact(PositiveInt),
      maxDirectives: exact(PositiveInt),
      maxCost: exact(PositiveInt),
      maxBodyBytes: exact(PositiveInt),
      maxBatchOperations: exact(PositiveInt),
      requestTimeoutMs: exact(PositiveInt),
      maxConcurrentOperations: exact(PositiveInt),
    }),
  ),
  cors: exact(Schema.Struct({ origins: Schema.Array(Schema.String) })),
  persistedOperations: exact(Schema.Struct({ file: Schema.NonEmptyString, only: exact(Schema.Boolean) })),
  rateLimit: exact(Schema.Struct({ requestsPerMinute: PositiveInt })),
  introspection: exact(Schema.Boolean),
  sso: exact(SsoConfig),
})
export type ServerSection = typeof ServerSection.Type

/** What the file chose; the `server` settings sit beside the plugins, as `createServer` takes them. */
export interface HostChoice extends ServerSection {
  readonly plugins: ReadonlyArray<Plugin<any>>
  readonly optional: ReadonlyArray<string>
  readonly pluginConfig: Readonly<Record<string, unknown>>
}

// Unknown keys are refused, so that a misspelt limit is not silently left at its default.
const decodeServer = (raw: unknown, cwd: string) =>
  Schema.decodeUnknown(ServerSection, { errors: "all", onExcessProperty: "error" })(raw).pipe(
    Effect.mapError((e) => toInputError(e, ["server"]).message),
    // The persisted documents' file is found from the working directory, as the config file is.
    Effect.map(({ persistedOperations, ...rest }) => ({
      ...rest,
      ...(persistedOperations
        ? { persistedOperations: { ...persistedOperations, file: resolve(cwd, persistedOperations.file) } }
        : {}),
    })),
  )

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
    const server = yield* decodeServer(decoded.server ?? {}, cwd).pipe(
      Effect.mapError((message) => new CliError({ message: `${file}: ${message}` })),
    )
    return {
      ...server,
      plugins: decoded.plugins ?? defaultPlugins,
      optional: decoded.optional ?? [],
      pluginConfig: decoded.pluginConfig ?? {},
    }
  })
