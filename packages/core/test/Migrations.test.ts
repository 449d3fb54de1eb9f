import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Kysely, sql } from "kysely"
import pg from "pg"
import { Db, openDb } from "../src/Db.js"
import { isPostgres } from "../src/Dialect.js"
import { PluginError } from "../src/Errors.js"
import { type Migration, type Migrations, migrate, tablePrefix, upToDate } from "../src/Migrations.js"
import { testDatabase, testDialects } from "../src/testing.js"

/** A fresh database of `dialect`, dropped when the scope closes; `onStatement` sees what it is sent. */
const freshDb = (dialect: "sqlite" | "postgres", onStatement?: (sql: string) => void) =>
  Effect.gen(function* () {
    const test = yield* Effect.acquireRelease(
      Effect.promise(() => testDatabase(dialect)),
      (t) => Effect.promise(() => t.drop()),
    )
    return yield* openDb(test.url, onStatement ? { onStatement } : {})
  })

/** The tables of the current schema (the test database's search path on PostgreSQL). */
const tables = (db: Kysely<any>) =>
  isPostgres(db)
    ? sql<{
        name: string
      }>`select table_name as name from information_schema.tables where table_schema = current_schema()`
        .execute(db)
        .then((r) => r.rows.map((row) => row.name).sort())
    : sql<{ name: string }>`select name from sqlite_master where type = 'table'`
        .execute(db)
        .then((r) => r.rows.map((row) => row.name).sort())

/** Migrations that record, in a table and in `ran`, the order in which they run. */
const recording = (ran: Array<string>, names: ReadonlyArray<string>): Migrations =>
  Object.fromEntries(
    names.map((name): [string, Migration] => [
      name,
      {
        up: async (db) => {
          ran.push(name)
          if (name === "0001_init") {
            await db.schema
              .createTable("acme_sales_log")
              .addColumn("name", "text", (c) => c.primaryKey())
              .addColumn("position", "integer", (c) => c.notNull())
              .execute()
          }
          await sql`insert into acme_sales_log (name, position) select ${name}, count(*) from acme_sales_log`.execute(
            db,
          )
        },
      },
    ]),
  )

describe("tablePrefix", () => {
  it("writes the plugin id with underscores", () => {
    assert.strictEqual(tablePrefix("acme-sales"), "acme_sales")
    assert.strictEqual(tablePrefix("org"), "org")
    assert.strictEqual(tablePrefix("a-b-c"), "a_b_c")
  })
})

describe.each(testDialects())("migrate on %s", (dialect) => {
  it.scoped("runs migrations in name order, whatever the order of the record's keys", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const ran: Array<string> = []
      // Keys deliberately out of order.
      const migrations = recording(ran, ["0003_third", "0001_init", "0010_tenth", "0002_second"])
      assert.deepStrictEqual(Object.keys(migrations), ["0003_third", "0001_init", "0010_tenth", "0002_second"])

      const applied = yield* migrate("acme-sales", migrations).pipe(Effect.provideService(Db, db))
      assert.deepStrictEqual(applied, ["0001_init", "0002_second", "0003_third", "0010_tenth"])
      assert.deepStrictEqual(ran, ["0001_init", "0002_second", "0003_third", "0010_tenth"])
      const log = yield* db.query((k) =>
        k.selectFrom("acme_sales_log").select(["name", "position"]).orderBy("position").execute(),
      )
      assert.deepStrictEqual(
        log.map((r) => [r.name, Number(r.position)]),
        [
          ["0001_init", 0],
          ["0002_second", 1],
          ["0003_third", 2],
          ["0010_tenth", 3],
        ],
      )
    }),
  )

  it.scoped("runs each migration once; a later one added runs alone", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const ran: Array<string> = []
      const run = (names: ReadonlyArray<string>) =>
        migrate("acme-sales", recording(ran, names)).pipe(Effect.provideService(Db, db))

      assert.deepStrictEqual(yield* run(["0002_second", "0001_init"]), ["0001_init", "0002_second"])
      assert.deepStrictEqual(yield* run(["0002_second", "0001_init"]), [])
      assert.deepStrictEqual(ran, ["0001_init", "0002_second"])

      assert.deepStrictEqual(yield* run(["0003_third", "0002_second", "0001_init"]), ["0003_third"])
      assert.deepStrictEqual(ran, ["0001_init", "0002_second", "0003_third"])
    }),
  )

  it.scoped("records its history in <prefix>_migrations", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* migrate("acme-sales", recording([], ["0001_init", "0002_second"])).pipe(Effect.provideService(Db, db))
      const names = yield* Effect.promise(() => tables(db.kysely))
      assert.includeMembers(names, ["acme_sales_migrations", "acme_sales_migrations_lock", "acme_sales_log"])
      const history = yield* db.query((k) =>
        k.selectFrom("acme_sales_migrations").select("name").orderBy("name").execute(),
      )
      assert.deepStrictEqual(
        history.map((r) => r.name),
        ["0001_init", "0002_second"],
      )
    }),
  )

  it.scoped("keeps each plugin's history apart", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const withDb = Effect.provideService(Db, db)
      const table = (name: string): Migrations => ({
        "0001_init": { up: (k) => k.schema.createTable(name).addColumn("id", "text").execute() },
      })
      assert.deepStrictEqual(yield* migrate("acme-sales", table("acme_sales_deals")).pipe(withDb), ["0001_init"])
      // Same migration name, other plugin: it runs, in its own history.
      assert.deepStrictEqual(yield* migrate("acme-billing", table("acme_billing_invoices")).pipe(withDb), ["0001_init"])
      const names = yield* Effect.promise(() => tables(db.kysely))
      assert.includeMembers(names, ["acme_sales_migrations", "acme_billing_migrations"])
    }),
  )

  it.scoped("finds plugins whose every migration ran up to date, in one statement over their histories", () =>
    Effect.gen(function* () {
      const sent: Array<string> = []
      const db = yield* freshDb(dialect, (sql) => sent.push(sql))
      const withDb = Effect.provideService(Db, db)
      const sales = recording([], ["0001_init", "0002_second"])
      const billing: Migrations = {
        "0001_init": { up: (k) => k.schema.createTable("acme_billing_invoices").addColumn("id", "text").execute() },
      }
      // Before any history table exists, no plugin is up to date.
      assert.deepStrictEqual([...(yield* upToDate([{ pluginId: "acme-sales", migrations: sales }]).pipe(withDb))], [])
      yield* migrate("acme-sales", sales).pipe(withDb)
      yield* migrate("acme-billing", billing).pipe(withDb)

      sent.length = 0
      const both = yield* upToDate([
        { pluginId: "acme-sales", migrations: sales },
        { pluginId: "acme-billing", migrations: billing },
      ]).pipe(withDb)
      assert.deepStrictEqual([...both].sort(), ["acme-billing", "acme-sales"])
      // One statement reads every history; PostgreSQL is first asked its current schema.
      assert.strictEqual(sent.filter((sql) => sql.includes("_migrations")).length, 1)
      assert.strictEqual(sent.length, dialect === "postgres" ? 2 : 1)

      // A migration added, or one the history names but the plugin no longer has: not up to date,
      // so that the migrator runs the one and reports the other.
      const added = recording([], ["0001_init", "0002_second", "0003_third"])
      const removed = recording([], ["0001_init"])
      const behind = yield* upToDate([
        { pluginId: "acme-sales", migrations: added },
        { pluginId: "acme-billing", migrations: billing },
      ]).pipe(withDb)
      assert.deepStrictEqual([...behind], ["acme-billing"])
      const ahead = yield* upToDate([{ pluginId: "acme-sales", migrations: removed }]).pipe(withDb)
      assert.deepStrictEqual([...ahead], [])
      // A plugin never migrated beside them: its history table is missing, and none is up to date.
      const withNew = yield* upToDate([
        { pluginId: "acme-sales", migrations: sales },
        { pluginId: "acme-crm", migrations: {} },
      ]).pipe(withDb)
      assert.deepStrictEqual([...withNew], [])
    }),
  )

  it.scoped("an empty set of migrations applies nothing", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      assert.deepStrictEqual(yield* migrate("acme-sales", {}).pipe(Effect.provideService(Db, db)), [])
    }),
  )

  it.scoped("a failing migration fails with a PluginError naming the plugin and the migration", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const error = yield* Effect.flip(
        migrate("acme-sales", {
          "0001_init": { up: (k) => k.schema.createTable("acme_sales_deals").addColumn("id", "text").execute() },
          "0002_broken": {
            up: async () => {
              throw new Error("column amount is missing")
            },
          },
        }).pipe(Effect.provideService(Db, db)),
      )
      assert.instanceOf(error, PluginError)
      assert.strictEqual(error.pluginId, "acme-sales")
      assert.strictEqual(error.message, `migration "0002_broken" failed: column amount is missing`)
    }),
  )

  it.scoped("a migration the database refuses names it with the database's reason", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const error = yield* Effect.flip(
        migrate("acme-sales", {
          "0001_init": {
            up: async (k) => {
              await sql`select * from acme_sales_nowhere`.execute(k)
            },
          },
        }).pipe(Effect.provideService(Db, db)),
      )
      assert.strictEqual(error.pluginId, "acme-sales")
      assert.match(error.message, /^migration "0001_init" failed: .*acme_sales_nowhere/)
    }),
  )

  it.scoped("a plugin's pending migrations apply together: a failing second one undoes the first", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const withDb = Effect.provideService(Db, db)
      const init = {
        up: (k: Kysely<any>) => k.schema.createTable("acme_sales_deals").addColumn("id", "text").execute(),
      }
      const failed = yield* Effect.flip(
        migrate("acme-sales", {
          "0001_init": init,
          "0002_amounts": {
            up: async () => {
              throw new Error("forgot the currency")
            },
          },
        }).pipe(withDb),
      )
      assert.strictEqual(failed.message, `migration "0002_amounts" failed: forgot the currency`)
      assert.notInclude(yield* Effect.promise(() => tables(db.kysely)), "acme_sales_deals")
      const amounts = {
        up: (k: Kysely<any>) => k.schema.alterTable("acme_sales_deals").addColumn("amount", "integer").execute(),
      }
      assert.deepStrictEqual(
        yield* migrate("acme-sales", { "0001_init": init, "0002_amounts": amounts }).pipe(withDb),
        ["0001_init", "0002_amounts"],
      )
    }),
  )

  it.scoped("a failed migration leaves nothing half done: fixed, it runs on the next boot", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const withDb = Effect.provideService(Db, db)
      const createDeals = (k: Kysely<any>) => k.schema.createTable("acme_sales_deals").addColumn("id", "text").execute()
      const broken = yield* Effect.flip(
        migrate("acme-sales", {
          "0001_init": {
            up: async (k) => {
              await createDeals(k)
              throw new Error("forgot the amounts")
            },
          },
        }).pipe(withDb),
      )
      assert.include(broken.message, `migration "0001_init" failed: forgot the amounts`)
      assert.notInclude(yield* Effect.promise(() => tables(db.kysely)), "acme_sales_deals")
      assert.deepStrictEqual(yield* migrate("acme-sales", { "0001_init": { up: createDeals } }).pipe(withDb), [
        "0001_init",
      ])
    }),
  )
})

describe.runIf(testDialects().includes("postgres"))("migrate on postgres, schemas of one database", () => {
  it.scoped("each schema gets its own history table", () =>
    Effect.gen(function* () {
      const test = yield* Effect.acquireRelease(
        Effect.promise(() => testDatabase("postgres")),
        (t) => Effect.promise(() => t.drop()),
      )
      const inSchema = (schema: string, searchPath = schema) =>
        Effect.gen(function* () {
          const url = new URL(test.url)
          url.searchParams.set("options", `-c search_path=${searchPath}`)
          const admin = new pg.Client({ connectionString: test.url })
          yield* Effect.promise(async () => {
            await admin.connect()
            await admin.query(`create schema ${schema}`)
            await admin.end()
          })
          return yield* openDb(url.toString())
        })
      const first = yield* inSchema("tenant_a")
      const second = yield* inSchema("tenant_b")
      const migrations = recording([], ["0001_init"])
      assert.deepStrictEqual(yield* migrate("acme-sales", migrations).pipe(Effect.provideService(Db, first)), [
        "0001_init",
      ])
      assert.deepStrictEqual(yield* migrate("acme-sales", migrations).pipe(Effect.provideService(Db, second)), [
        "0001_init",
      ])
      assert.includeMembers(yield* Effect.promise(() => tables(second.kysely)), [
        "acme_sales_migrations",
        "acme_sales_log",
      ])
      // Each schema's history is its own: a third, never migrated, is not up to date, even
      // though its search path reaches the history of another.
      const third = yield* inSchema("tenant_c", "tenant_c,tenant_a")
      assert.deepStrictEqual(
        [...(yield* upToDate([{ pluginId: "acme-sales", migrations }]).pipe(Effect.provideService(Db, third)))],
        [],
      )
      assert.deepStrictEqual(
        [...(yield* upToDate([{ pluginId: "acme-sales", migrations }]).pipe(Effect.provideService(Db, second)))],
        ["acme-sales"],
      )
    }),
  )
})
