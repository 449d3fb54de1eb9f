import { Effect } from "effect"
import { type Kysely, type Migration, type MigrationResult, Migrator, sql } from "kysely"
import { Db } from "./Db.js"
import { isPostgres } from "./Dialect.js"
import { PluginError } from "./Errors.js"

export type { Migration }

/**
 * A plugin's migrations by name. They run in the order of their names (`0001_init`,
 * `0002_…`), each once, recorded in the plugin's own history table; a name is never
 * changed once released.
 */
export type Migrations = Readonly<Record<string, Migration>>

/** The prefix of a plugin's tables: its id with `-` written `_` (`acme-sales` → `acme_sales`). */
export const tablePrefix = (pluginId: string) => pluginId.replaceAll("-", "_")

/**
 * Brings a plugin's tables up to date. The pending migrations run in one transaction with
 * their history rows, on both stores: a failure leaves the plugin's tables as they were
 * before the boot (none half migrated), and names the plugin and the migration.
 */
export const migrate = (
  pluginId: string,
  migrations: Migrations,
): Effect.Effect<ReadonlyArray<string>, PluginError, Db> =>
  Effect.gen(function* () {
    const db = yield* Db
    // Kysely looks for the history tables in every schema unless told which one: a history
    // table in another schema of the same PostgreSQL database would pass for this one's.
    const schema = isPostgres(db.kysely) ? yield* currentSchema(pluginId, db.kysely) : undefined
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => migrations },
      migrationTableName: `${tablePrefix(pluginId)}_migrations`,
      migrationLockTableName: `${tablePrefix(pluginId)}_migrations_lock`,
      ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    })
    const { error, results } = yield* Effect.promise(() => migrator.migrateToLatest())
    if (error !== undefined) {
      const failed = results?.find((r: MigrationResult) => r.status === "Error")
      const what = failed ? `migration "${failed.migrationName}" failed` : "migrations failed"
      const why = error instanceof Error ? error.message : String(error)
      return yield* new PluginError({ pluginId, message: `${what}: ${why}` })
    }
    return (results ?? []).map((r) => r.migrationName)
  })

/** The migrations a plugin (or the host) brings, by its id. */
export interface MigrationHistory {
  readonly pluginId: string
  readonly migrations: Migrations
}

// The history of each plugin as recorded, in one statement over every history table.
const recordedHistories = (db: Kysely<any>, histories: ReadonlyArray<MigrationHistory>, schema: string | undefined) => {
  const selects = histories.map(({ pluginId }) =>
    (schema === undefined ? db : db.withSchema(schema))
      .selectFrom(`${tablePrefix(pluginId)}_migrations`)
      .select([sql<string>`cast(${pluginId} as text)`.as("plugin"), "name"]),
  )
  const [first, ...rest] = selects
  return first === undefined ? Promise.resolve([]) : rest.reduce((all, one) => all.unionAll(one), first).execute()
}

const sameNames = (recorded: ReadonlyArray<string>, migrations: Migrations) => {
  const names = Object.keys(migrations)
  return recorded.length === names.length && names.every((name) => recorded.includes(name))
}

/**
 * The plugins of `histories` whose history table records exactly their migrations, so that
 * they have nothing to run: one statement in all, where each plugin's migrator would send
 * several (its tables looked up, its lock taken, its history read). A history table missing
 * (a new database, a new plugin) answers none, and each plugin then migrates as usual, which
 * also reports a history that names a migration the plugin no longer has.
 */
export const upToDate = (histories: ReadonlyArray<MigrationHistory>): Effect.Effect<ReadonlySet<string>, never, Db> =>
  Effect.gen(function* () {
    const db = yield* Db
    const schema = isPostgres(db.kysely) ? yield* currentSchema("teamops", db.kysely) : undefined
    const rows = yield* Effect.tryPromise(() => recordedHistories(db.kysely, histories, schema))
    const recorded = new Map<string, Array<string>>()
    for (const row of rows as ReadonlyArray<{ plugin: string; name: string }>) {
      recorded.set(row.plugin, [...(recorded.get(row.plugin) ?? []), row.name])
    }
    return new Set(
      histories.filter((h) => sameNames(recorded.get(h.pluginId) ?? [], h.migrations)).map((h) => h.pluginId),
    )
  }).pipe(Effect.orElseSucceed(() => new Set<string>()))

const currentSchema = (pluginId: string, db: Kysely<any>) =>
  Effect.tryPromise({
    try: () => sql<{ schema: string | null }>`select current_schema() as schema`.execute(db),
    catch: (cause) =>
      new PluginError({
        pluginId,
        message: `migrations failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      }),
  }).pipe(Effect.map((r) => r.rows[0]?.schema ?? undefined))
