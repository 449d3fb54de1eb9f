import { Effect } from "effect"
import { type Kysely, type Migration, type MigrationResult, Migrator, PostgresAdapter } from "kysely"
import { Db } from "./Db.js"
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
 * Brings a plugin's tables up to date. Each migration runs in its own transaction
 * where the database allows it; a failure names the plugin and the migration.
 */
export const migrate = (
  pluginId: string,
  migrations: Migrations,
): Effect.Effect<ReadonlyArray<string>, PluginError, Db> =>
  Effect.gen(function* () {
    const db = yield* Db
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => ({ ...migrations }) },
      migrationTableName: `${tablePrefix(pluginId)}_migrations`,
      migrationLockTableName: `${tablePrefix(pluginId)}_migrations_lock`,
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

/**
 * Whether a migration runs on PostgreSQL, for the few column definitions that differ
 * (binary collation of sort keys, so both stores order text the same way).
 */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter
