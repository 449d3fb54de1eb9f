import {
  type Contributed,
  Contributions,
  createBuilder,
  Db,
  type DbError,
  type DbService,
  type ExtensionPoint,
  invariant,
  type Migrations,
  makeRun,
  makeRunQuery,
  migrate,
  Outbox,
  openDb,
  type Plugin,
  PluginError,
  type SchemaKit,
  toInputError,
  upToDate,
} from "@teamops/core"
import {
  Cause,
  Context,
  DateTime,
  Effect,
  Either,
  ExecutionStrategy,
  Exit,
  Layer,
  Logger,
  ManagedRuntime,
  Schema,
  Scope,
} from "effect"
import { assertValidSchema, type GraphQLSchema, lexicographicSortSchema } from "graphql"
import { checkRules } from "./access/PluginRules.js"
import { checkSubscriptions, makeEventBus } from "./events/EventBus.js"
import { hostMigrations } from "./HostMigrations.js"
import { hostSchema } from "./HostSchema.js"
import type { Limits } from "./hardening/Limits.js"
import type { RateLimitConfig } from "./hardening/RateLimit.js"
import { orderPlugins } from "./PluginOrder.js"
import { checkRoutes } from "./PluginRoutes.js"
import { checkSharedCopies } from "./SharedCopies.js"

export interface HostConfig {
  /** A file path, `sqlite:PATH`, `:memory:` or `postgres://…`. */
  readonly databaseUrl: string
  readonly plugins: ReadonlyArray<Plugin<any>>
  /** Ids of plugins that may fail to boot; they are then left out with their dependants. */
  readonly optional?: ReadonlyArray<string>
  /** Each plugin's configuration, by plugin id, decoded with the plugin's `config` schema. */
  readonly pluginConfig?: Readonly<Record<string, unknown>>
  /** Sees every SQL statement (tests count them). */
  readonly onStatement?: (sql: string) => void
  /** Limits of one request, each defaulting as in `hardening/Limits.ts`; published by `limits { … }`. */
  readonly limits?: Partial<Limits>
  /** Requests each caller may send a minute (default 600), per server process. */
  readonly rateLimit?: RateLimitConfig
}

export interface PluginStatus {
  readonly id: string
  readonly version: string
  readonly status: "booted" | "left-out"
  readonly reason?: string
}

/** A booted host: the database, one runtime for every resolver, one schema. */
export interface Host {
  readonly db: DbService
  readonly runtime: ManagedRuntime.ManagedRuntime<any, never>
  readonly schema: GraphQLSchema
  readonly plugins: ReadonlyArray<PluginStatus>
  readonly booted: ReadonlyArray<Plugin<any>>
}

// Logs go to stderr so that stdout carries only results.
export const stderrLogger = Logger.replace(Logger.defaultLogger, Logger.withConsoleError(Logger.logfmtLogger))

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Boots the plugins: validates the manifests, orders them by `dependsOn` (ties by id),
 * migrates the host then each plugin, hands every contribution to the owner of its
 * extension point, builds the plugin layers into one runtime, and builds the schema once.
 * Everything opened lives as long as the scope.
 */
export const bootHost = (config: HostConfig): Effect.Effect<Host, PluginError | DbError, Scope.Scope> =>
  Effect.gen(function* () {
    yield* checkSharedCopies(config.plugins)
    const db = yield* openDb(config.databaseUrl, config.onStatement ? { onStatement: config.onStatement } : {})
    const scope = yield* Effect.scope
    // An optional plugin that fails after other plugins took in its contributions (in its
    // layer or its schema) is dropped and the boot starts over without it, so that nothing it
    // contributed stays applied. Its own tables stay, as migrated.
    const dropped = new Map<string, string>()
    for (;;) {
      const attempt = yield* Scope.fork(scope, ExecutionStrategy.sequential)
      const result = yield* bootAttempt(config, db, dropped).pipe(Scope.extend(attempt))
      if (result._tag === "Booted") return result.host
      yield* Scope.close(attempt, Exit.void)
      for (const [id, reason] of result.dropped) dropped.set(id, reason)
    }
  }).pipe(Effect.provide(stderrLogger))

type Attempt =
  | { readonly _tag: "Booted"; readonly host: Host }
  | { readonly _tag: "Again"; readonly dropped: ReadonlyMap<string, string> }

/**
 * One boot without the plugins `dropped` by an earlier attempt: validates the manifests,
 * orders them by `dependsOn` (ties by id), migrates the host then each plugin, hands every
 * contribution to the owner of its extension point, builds the plugin layers into one
 * runtime, builds the schema once, and starts the plugins.
 */
const bootAttempt = (
  config: HostConfig,
  db: DbService,
  dropped: ReadonlyMap<string, string>,
): Effect.Effect<Attempt, PluginError | DbError, Scope.Scope> =>
  Effect.gen(function* () {
    const optional = new Set(config.optional ?? [])
    const ordering = orderPlugins(config.plugins, optional)
    if (ordering._tag === "Refused") return yield* new PluginError(ordering.problem)
    const leftOut = new Map([...ordering.order.leftOut.map((p) => [p.pluginId, p.message] as const), ...dropped])
    // Optional plugins that failed once others had taken in their contributions.
    const failedLate = new Map<string, string>()

    // Runs one boot step of a plugin; an optional plugin that fails is left out, and so is
    // every plugin that depends on one left out.
    const step = <A>(plugin: Plugin<any>, effect: Effect.Effect<A, PluginError, Db>, late = false) =>
      Effect.gen(function* () {
        const gone = plugin.dependsOn.find((dep) => leftOut.has(dep))
        if (gone !== undefined) {
          leftOut.set(plugin.id, `plugin "${plugin.id}" depends on "${gone}", which was left out`)
          return undefined
        }
        if (leftOut.has(plugin.id)) return undefined
        const result = yield* Effect.either(effect)
        if (Either.isRight(result)) return result.right
        if (!optional.has(plugin.id)) return yield* result.left
        leftOut.set(plugin.id, result.left.message)
        if (late) failedLate.set(plugin.id, result.left.message)
        yield* Effect.logWarning(`left out: ${result.left.message}`)
        return undefined
      })
    const alive = () => ordering.order.plugins.filter((p) => !leftOut.has(p.id))

    const withDb = Effect.provideService(Db, db)
    // A database migrated by an earlier boot is found so in one statement, rather than by
    // each plugin's migrator in turn.
    const migrated = yield* upToDate([
      { pluginId: "teamops", migrations: hostMigrations },
      ...ordering.order.plugins.map((p) => ({ pluginId: p.id, migrations: p.migrations })),
    ]).pipe(withDb)
    const migrateIfBehind = (pluginId: string, migrations: Migrations) =>
      migrated.has(pluginId) ? Effect.succeed([]) : migrate(pluginId, migrations)
    yield* migrateIfBehind("teamops", hostMigrations).pipe(withDb)
    yield* unknownSections(config).pipe(withDb)

    const configs = new Map<string, unknown>()
    for (const plugin of ordering.order.plugins) {
      yield* step(plugin, decodeConfig(plugin, config.pluginConfig?.[plugin.id])).pipe(
        Effect.tap((decoded) => Effect.sync(() => configs.set(plugin.id, decoded))),
        withDb,
      )
    }
    const contributed = new Map<ExtensionPoint<any, any>, Array<Contributed<unknown>>>()
    for (const plugin of alive()) {
      const decoded = yield* step(plugin, decodeContributions(plugin, configs.get(plugin.id), alive())).pipe(withDb)
      for (const { point, value } of decoded ?? []) {
        contributed.set(point, [...(contributed.get(point) ?? []), { pluginId: plugin.id, value }])
      }
    }
    for (const plugin of alive()) {
      yield* step(
        plugin,
        Effect.all([checkSubscriptions(plugin, alive()), checkRoutes(plugin), checkRules(plugin)]),
      ).pipe(withDb)
    }
    for (const plugin of alive()) {
      yield* step(
        plugin,
        migrateIfBehind(plugin.id, plugin.migrations).pipe(
          Effect.mapError(
            (e) => new PluginError({ pluginId: plugin.id, message: `plugin "${plugin.id}": ${e.message}` }),
          ),
          Effect.zipLeft(recordVersion(plugin)),
        ),
      ).pipe(withDb)
    }

    const scope = yield* Effect.scope
    const contributions = Contributions.of({
      // Not those of a plugin left out after its contributions were decoded (a failed migration).
      of: (point) =>
        (contributed.get(point) ?? []).filter((c) => !leftOut.has(c.pluginId)) as ReadonlyArray<Contributed<any>>,
    })
    const bus = makeEventBus(db)
    let context = Context.make(Db, db).pipe(Context.add(Contributions, contributions), Context.add(Outbox, bus.outbox))
    for (const plugin of alive()) {
      const built = yield* step(plugin, buildLayer(plugin, configs.get(plugin.id), context, scope), true).pipe(withDb)
      if (built !== undefined) context = Context.merge(context, built)
    }

    const runtime = yield* Effect.acquireRelease(
      Effect.sync(() => ManagedRuntime.make(Layer.merge(Layer.succeedContext(context), stderrLogger))),
      (rt) => Effect.promise(() => rt.dispose()),
    )
    const builder = createBuilder()
    // First, so that plugins can add fields to the host's types (`Viewer`).
    hostSchema(builder, schemaKit(runtime, "teamops"), config, alive())
    for (const plugin of alive()) {
      yield* step(
        plugin,
        Effect.try({
          try: () => plugin.schema?.(builder, schemaKit(runtime, plugin.id)),
          catch: (e) =>
            new PluginError({ pluginId: plugin.id, message: `plugin "${plugin.id}": schema failed: ${messageOf(e)}` }),
        }),
        true,
      ).pipe(withDb)
    }
    if (failedLate.size > 0) return { _tag: "Again", dropped: failedLate } as const
    const schema = yield* Effect.try({
      try: () => {
        // Checked now rather than at the first request, which would answer 500.
        const built = builder.toSchema()
        assertValidSchema(built)
        return lexicographicSortSchema(built)
      },
      catch: (e) =>
        new PluginError({ pluginId: "teamops", message: `the GraphQL schema does not build: ${messageOf(e)}` }),
    })
    const booted = alive()
    // Last, once nothing can leave a plugin out: what a plugin does to the database with
    // others' contributions (publishing their ladders) is done only for plugins that booted.
    for (const plugin of booted) yield* startPlugin(plugin, context)
    yield* bus.start(booted, context, scope)
    const plugins: Array<PluginStatus> = [
      ...booted.map((p) => ({ id: p.id, version: p.version, status: "booted" as const })),
      ...config.plugins
        .filter((p) => leftOut.has(p.id))
        .map((p) => ({
          id: p.id,
          version: p.version,
          status: "left-out" as const,
          reason: leftOut.get(p.id) as string,
        })),
    ]
    return { _tag: "Booted", host: { db, runtime, schema, plugins, booted } } as const
  })

const schemaKit = (runtime: ManagedRuntime.ManagedRuntime<any, never>, pluginId: string): SchemaKit => {
  const run = makeRun(runtime, pluginId)
  return { pluginId, run, runQuery: makeRunQuery(run), invariant: (message) => invariant(pluginId, message) }
}

const decodeConfig = (plugin: Plugin<any>, raw: unknown) =>
  plugin.config === undefined
    ? Effect.succeed(raw)
    : Schema.decodeUnknown(plugin.config, { errors: "all", onExcessProperty: "error" })(raw ?? {}).pipe(
        Effect.mapError(
          (e) =>
            new PluginError({
              pluginId: plugin.id,
              message: `plugin "${plugin.id}": invalid configuration at ${toInputError(e, ["plugins", plugin.id]).message}`,
            }),
        ),
      )

const decodeContributions = (plugin: Plugin<any>, config: unknown, alive: ReadonlyArray<Plugin<any>>) =>
  Effect.forEach(
    typeof plugin.contributes === "function" ? plugin.contributes(config) : plugin.contributes,
    ({ point, value }, index) => {
      const where = `plugin "${plugin.id}": contribution ${point.name}[${index}]`
      const ownerLoaded = alive.some((p) => p.id === point.owner)
      if (point.owner !== plugin.id && !plugin.dependsOn.includes(point.owner)) {
        return new PluginError({
          pluginId: plugin.id,
          message: `${where} goes to plugin "${point.owner}", which is not in dependsOn`,
        })
      }
      if (!ownerLoaded) {
        return new PluginError({
          pluginId: plugin.id,
          message: `${where} goes to plugin "${point.owner}", which is not loaded`,
        })
      }
      return Schema.decodeUnknown(point.schema, { errors: "all" })(value).pipe(
        Effect.map((decoded) => ({ point, value: decoded })),
        Effect.mapError(
          (e) => new PluginError({ pluginId: plugin.id, message: `${where} is invalid: ${toInputError(e).message}` }),
        ),
      )
    },
  )

/** Runs a plugin's `start`; a failure stops the boot, as others may have acted on the plugin by then. */
const startPlugin = (plugin: Plugin<any>, context: Context.Context<any>) =>
  plugin.start === undefined
    ? Effect.void
    : (plugin.start as Effect.Effect<void, unknown, any>).pipe(
        Effect.provide(context),
        Effect.catchAllCause((cause) =>
          Effect.fail(
            new PluginError({
              pluginId: plugin.id,
              message: `plugin "${plugin.id}": start failed: ${messageOf(Cause.squash(cause))}`,
            }),
          ),
        ),
      )

/**
 * A configuration section whose plugin is not in the list is refused: a misspelt plugin id
 * would otherwise leave that plugin on its defaults without a word.
 */
const unknownSections = (config: HostConfig) => {
  const known = new Set(config.plugins.map((p) => p.id))
  const unknown = Object.keys(config.pluginConfig ?? {}).filter((id) => !known.has(id))
  return unknown.length === 0
    ? Effect.void
    : new PluginError({
        pluginId: "teamops",
        message: `the configuration has ${unknown.length === 1 ? "a section" : "sections"} for ${unknown
          .map((id) => `"${id}"`)
          .join(", ")}, which ${unknown.length === 1 ? "is" : "are"} not loaded; loaded: ${[...known]
          .map((id) => `"${id}"`)
          .join(", ")}`,
      })
}

const recordVersion = (plugin: Plugin<any>) =>
  Effect.gen(function* () {
    const db = yield* Db
    const migratedAt = DateTime.formatIso(yield* DateTime.now)
    yield* db.query((k) =>
      k
        .insertInto("teamops_plugins")
        .values({ id: plugin.id, version: plugin.version, migrated_at: migratedAt })
        .onConflict((oc) => oc.column("id").doUpdateSet({ version: plugin.version, migrated_at: migratedAt }))
        .execute(),
    )
  }).pipe(
    Effect.mapError((e) => new PluginError({ pluginId: plugin.id, message: `plugin "${plugin.id}": ${e.message}` })),
  )

const buildLayer = (plugin: Plugin<any>, config: unknown, context: Context.Context<any>, scope: Scope.Scope) => {
  const layer = typeof plugin.layer === "function" ? plugin.layer(config) : plugin.layer
  if (layer === undefined) return Effect.succeed(Context.empty() as Context.Context<any>)
  return Layer.buildWithScope(Layer.provide(layer, Layer.succeedContext(context)), scope).pipe(
    Effect.mapError(
      (e) => new PluginError({ pluginId: plugin.id, message: `plugin "${plugin.id}": layer failed: ${messageOf(e)}` }),
    ),
    Effect.catchAllDefect((d) =>
      Effect.fail(
        new PluginError({ pluginId: plugin.id, message: `plugin "${plugin.id}": layer failed: ${messageOf(d)}` }),
      ),
    ),
  ) as Effect.Effect<Context.Context<any>, PluginError>
}

/** Whether a booted host can serve: the database answers. */
export const databaseAnswers = (host: Host) =>
  host.db
    .query((k) => k.selectNoFrom((eb) => eb.val(1).as("one")).execute())
    .pipe(
      Effect.as(true),
      Effect.catchAll(() => Effect.succeed(false)),
      Effect.timeoutTo({ duration: "2 seconds", onSuccess: (ok) => ok, onTimeout: () => false }),
    )
