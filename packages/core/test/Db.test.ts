import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import { Db, type DbService, openDb, parseDatabaseUrl } from "../src/Db.js"
import { DbError } from "../src/Errors.js"
import { testDatabase, testDialects } from "../src/testing.js"

describe("parseDatabaseUrl", () => {
  it.effect("reads :memory:, sqlite:PATH, file:PATH and a plain path as SQLite", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* parseDatabaseUrl(":memory:"), { dialect: "sqlite", file: ":memory:" })
      assert.deepStrictEqual(yield* parseDatabaseUrl("sqlite:./x.db"), { dialect: "sqlite", file: resolve("x.db") })
      assert.deepStrictEqual(yield* parseDatabaseUrl("sqlite:///tmp/x.db"), { dialect: "sqlite", file: "/tmp/x.db" })
      assert.deepStrictEqual(yield* parseDatabaseUrl("file:data/x.db"), {
        dialect: "sqlite",
        file: resolve("data/x.db"),
      })
      assert.deepStrictEqual(yield* parseDatabaseUrl("data/teamops.db"), {
        dialect: "sqlite",
        file: resolve("data/teamops.db"),
      })
      assert.deepStrictEqual(yield* parseDatabaseUrl("/var/lib/teamops.db"), {
        dialect: "sqlite",
        file: "/var/lib/teamops.db",
      })
    }),
  )

  it.effect("reads postgres:// and postgresql:// as PostgreSQL, unchanged", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* parseDatabaseUrl("postgres://ana:secret@db.example.com:5432/teamops"), {
        dialect: "postgres",
        url: "postgres://ana:secret@db.example.com:5432/teamops",
      })
      assert.deepStrictEqual(yield* parseDatabaseUrl(" postgresql://db/teamops "), {
        dialect: "postgres",
        url: "postgresql://db/teamops",
      })
    }),
  )

  it.effect("refuses another scheme with a message saying what is expected", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(parseDatabaseUrl("mysql://x"))
      assert.instanceOf(error, DbError)
      assert.strictEqual(
        error.message,
        `unsupported database URL "mysql://x" (expected a file path, sqlite:PATH or postgres://…)`,
      )
      assert.include((yield* Effect.flip(parseDatabaseUrl(""))).message, "unsupported database URL")
      assert.include((yield* Effect.flip(parseDatabaseUrl("sqlite:"))).message, "unsupported database URL")
    }),
  )
})

describe("openDb", () => {
  it.scoped("fails with a DbError saying it cannot reach an unreachable PostgreSQL", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(openDb("postgres://postgres@127.0.0.1:1/none"))
      assert.instanceOf(error, DbError)
      assert.include(error.message, "cannot reach the database at postgres://postgres@127.0.0.1:1/none")
      assert.strictEqual(error.reason, "unavailable")
    }),
  )

  it.scoped("does not show a password in the message", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(openDb("postgres://ana:s3cret@127.0.0.1:1/none"))
      assert.include(error.message, "cannot reach the database at postgres://ana:***@127.0.0.1:1/none")
      assert.notInclude(error.message, "s3cret")
    }),
  )

  it.effect("creates the directories of a SQLite file and closes it with the scope", () =>
    Effect.gen(function* () {
      const dir = mkdtempSync(join(tmpdir(), "teamops-db-"))
      try {
        const file = join(dir, "nested", "teamops.db")
        const db = yield* Effect.scoped(openDb(`sqlite:${file}`))
        assert.strictEqual(db.dialect, "sqlite")
        assert.strictEqual(db.location, file)
        assert.isTrue(existsSync(file))
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }),
  )
})

/** A fresh database of `dialect` with a table `t(id)`, dropped when the scope closes. */
const freshDb = (dialect: "sqlite" | "postgres") =>
  Effect.gen(function* () {
    const test = yield* Effect.acquireRelease(
      Effect.promise(() => testDatabase(dialect)),
      (t) => Effect.promise(() => t.drop()),
    )
    const db = yield* openDb(test.url)
    yield* db.query((k) =>
      k.schema
        .createTable("t")
        .addColumn("id", "text", (c) => c.primaryKey())
        .execute(),
    )
    return db
  })

const insert = (db: DbService, id: string) => db.query((k) => k.insertInto("t").values({ id }).execute())
const ids = (db: DbService) =>
  db
    .query((k) => k.selectFrom("t").select("id").orderBy("id").execute())
    .pipe(Effect.map((rows) => rows.map((r) => r.id)))

describe.each(testDialects())("Db on %s", (dialect) => {
  it.scoped("reports its dialect", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      assert.strictEqual(db.dialect, dialect)
    }),
  )

  it.scoped("query turns a rejection into a DbError", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const error = yield* Effect.flip(db.query((k) => k.selectFrom("missing").selectAll().execute()))
      assert.instanceOf(error, DbError)
      assert.match(error.message, /missing/)
      assert.strictEqual(error.reason, "other")
    }),
  )

  it.scoped("says why: a unique index or a foreign key refused the row", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* db.query((k) =>
        k.schema
          .createTable("child")
          .addColumn("parent", "text", (c) => c.references("t.id"))
          .execute(),
      )
      yield* insert(db, "a")
      const duplicate = yield* Effect.flip(insert(db, "a"))
      assert.strictEqual(duplicate.reason, "unique")
      const orphan = yield* Effect.flip(db.query((k) => k.insertInto("child").values({ parent: "none" }).execute()))
      assert.strictEqual(orphan.reason, "foreign-key")
      // A transaction rolled back by a failed statement keeps that statement's reason.
      const rolledBack = yield* Effect.flip(db.transaction(Effect.ignore(insert(db, "a"))))
      assert.strictEqual(rolledBack.reason, "unique")
    }),
  )

  it.scoped("a transaction commits when its effect succeeds", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const result = yield* db.transaction(
        Effect.gen(function* () {
          yield* insert(db, "a")
          yield* insert(db, "b")
          // Reads inside the transaction see its own writes.
          assert.deepStrictEqual(yield* ids(db), ["a", "b"])
          return "done"
        }),
      )
      assert.strictEqual(result, "done")
      assert.deepStrictEqual(yield* ids(db), ["a", "b"])
    }),
  )

  it.scoped("a transaction rolls back when its effect fails, and the failure comes through", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* insert(db, "kept")
      const failure = yield* Effect.flip(db.transaction(Effect.zipRight(insert(db, "a"), Effect.fail("no" as const))))
      assert.strictEqual(failure, "no")
      assert.deepStrictEqual(yield* ids(db), ["kept"])
    }),
  )

  it.scoped("a transaction rolls back when a statement in it fails", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* insert(db, "kept")
      const error = yield* Effect.flip(db.transaction(Effect.zipRight(insert(db, "a"), insert(db, "kept"))))
      assert.instanceOf(error, DbError)
      assert.deepStrictEqual(yield* ids(db), ["kept"])
    }),
  )

  it.scoped("a transaction rolls back on a defect", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const exit = yield* Effect.exit(db.transaction(Effect.zipRight(insert(db, "a"), Effect.die(new Error("bug")))))
      assert.isTrue(Exit.isFailure(exit))
      assert.deepStrictEqual(yield* ids(db), [])
      // The database is usable after the rollback.
      yield* db.transaction(insert(db, "b"))
      assert.deepStrictEqual(yield* ids(db), ["b"])
    }),
  )

  it.scoped("a nested transaction joins the outer one: an outer failure undoes the inner work", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      const failure = yield* Effect.flip(
        db.transaction(
          Effect.gen(function* () {
            yield* insert(db, "outer")
            yield* db.transaction(insert(db, "inner"))
            assert.deepStrictEqual(yield* ids(db), ["inner", "outer"])
            return yield* Effect.fail("late failure")
          }),
        ),
      )
      assert.strictEqual(failure, "late failure")
      assert.deepStrictEqual(yield* ids(db), [])
    }),
  )

  it.scoped("a nested transaction's failure, caught by the outer one, does not roll back on its own", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* db.transaction(
        Effect.gen(function* () {
          yield* insert(db, "outer")
          yield* db.transaction(Effect.zipRight(insert(db, "inner"), Effect.fail("inner failed"))).pipe(Effect.ignore)
        }),
      )
      // The inner work ran in the outer transaction, which committed.
      assert.deepStrictEqual(yield* ids(db), ["inner", "outer"])
    }),
  )

  it.scoped("a statement that fails in a transaction dooms it, even when the failure is caught", () =>
    Effect.gen(function* () {
      const db = yield* freshDb(dialect)
      yield* insert(db, "kept")
      // PostgreSQL aborts the transaction at the failed statement and would turn the COMMIT
      // into a silent rollback: the transaction must fail on both stores instead.
      const error = yield* Effect.flip(
        db.transaction(
          Effect.gen(function* () {
            yield* insert(db, "outer")
            yield* db.transaction(insert(db, "kept")).pipe(Effect.ignore)
            return "looks fine"
          }),
        ),
      )
      assert.instanceOf(error, DbError)
      assert.include(error.message, "the transaction was rolled back: a statement in it failed:")
      assert.deepStrictEqual(yield* ids(db), ["kept"])
      // The next transaction starts clean.
      yield* db.transaction(insert(db, "after"))
      assert.deepStrictEqual(yield* ids(db), ["after", "kept"])
    }),
  )

  it.scoped("Db.layer provides the service", () =>
    Effect.gen(function* () {
      const test = yield* Effect.acquireRelease(
        Effect.promise(() => testDatabase(dialect)),
        (t) => Effect.promise(() => t.drop()),
      )
      const one = yield* Effect.flatMap(Db, (db) =>
        db.query((k) => k.selectNoFrom((eb) => eb.val(1).as("one")).executeTakeFirstOrThrow()),
      ).pipe(Effect.provide(Db.layer(test.url)))
      assert.strictEqual(Number(one.one), 1)
    }),
  )
})
