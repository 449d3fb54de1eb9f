import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import type SQLite from "better-sqlite3"
import { Context, Effect, Exit, FiberRef, Layer, Option, type Scope } from "effect"
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type Transaction } from "kysely"
import type pg from "pg"
import type { Dialect } from "./Dialect.js"
import { DbError, type DbErrorReason } from "./Errors.js"

/** Where the data lives, parsed from a database URL or path. */
export type DbLocation =
  | { readonly dialect: "sqlite"; readonly file: string }
  | { readonly dialect: "postgres"; readonly url: string }

/**
 * Reads a database URL: `postgres://…` or `postgresql://…` for PostgreSQL; a file path,
 * `sqlite:PATH`, `file:PATH` or `:memory:` for the embedded SQLite store.
 */
export const parseDatabaseUrl = (url: string): Effect.Effect<DbLocation, DbError> => {
  const text = url.trim()
  if (/^postgres(?:ql)?:\/\//i.test(text)) return Effect.succeed({ dialect: "postgres", url: text })
  const local = /^(?:sqlite|file):(?:\/\/)?(.*)$/i.exec(text)
  const file = local ? (local[1] ?? "") : text
  if (text === "" || file === "" || (local === null && /^[a-z][a-z0-9+.-]*:\/\//i.test(text))) {
    return Effect.fail(
      new DbError({
        message: `unsupported database URL ${JSON.stringify(url)} (expected a file path, sqlite:PATH or postgres://…)`,
      }),
    )
  }
  return Effect.succeed({ dialect: "sqlite", file: file === ":memory:" ? file : resolve(file) })
}

/** Options for opening a database. `onStatement` sees every SQL statement sent (tests count them). */
export interface DbOptions {
  readonly onStatement?: (sql: string) => void
}

/**
 * The database of the host, shared by every plugin. Statements run inside the current
 * {@link DbService.transaction} when there is one.
 */
export interface DbService {
  readonly dialect: Dialect
  /** The URL or path it was opened with, without credentials. */
  readonly location: string
  /** Runs Kysely work; a rejection becomes a {@link DbError}. */
  readonly query: <A, DB = any>(work: (db: Kysely<DB>) => Promise<A>) => Effect.Effect<A, DbError>
  /** Runs `effect` in one transaction: committed if it succeeds, rolled back if it fails. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | DbError, R>
  /**
   * Calls `callback` once the current transaction commits (at once outside a transaction);
   * never when it rolls back. For what must not happen before the data is there to read.
   */
  readonly afterCommit: (callback: () => void) => Effect.Effect<void>
  /** The Kysely instance outside any transaction (for migrations). */
  readonly kysely: Kysely<any>
}

export class Db extends Context.Tag("@teamops/core/Db")<Db, DbService>() {
  /** Opens the database at `url` for the lifetime of the layer. */
  static readonly layer = (url: string, options: DbOptions = {}): Layer.Layer<Db, DbError> =>
    Layer.scoped(Db, openDb(url, options))
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

// PostgreSQL's SQLSTATE classes 08 (connection) and 57P (operator intervention), and 53300
// (too many connections); the socket errors of Node; SQLite's busy and unopenable files.
const unavailable =
  /^(08...|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|SQLITE_BUSY.*|SQLITE_LOCKED.*|SQLITE_CANTOPEN.*)$/

/** Why a driver refused a statement, from the error codes of `pg` and better-sqlite3. */
const reasonOf = (cause: unknown): DbErrorReason => {
  const code = (cause as { code?: unknown } | null)?.code
  if (typeof code !== "string") {
    return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(describe(cause))
      ? "unavailable"
      : "other"
  }
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY")
    return "unique"
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") return "foreign-key"
  return unavailable.test(code) ? "unavailable" : "other"
}

const dbError = (message: string, cause: unknown) => new DbError({ message, reason: reasonOf(cause), cause })

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")

// Each store's driver is loaded when a database of its kind is opened: a process on SQLite
// never loads the PostgreSQL client, and one on PostgreSQL never loads the SQLite binding.
const sqliteDriver = Effect.promise(() => import("better-sqlite3").then((m) => m.default))
const postgresDriver = Effect.promise(() => import("pg").then((m) => m.default))

/**
 * SQLite runs schema changes in transactions as PostgreSQL does; Kysely's adapter says it
 * does not, and its migrator then runs each migration, and writes its history row, outside
 * any. Said so, a plugin's pending migrations apply in one transaction on both stores.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl() {
    return true
  }
}

class TeamopsSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new TransactionalSqliteAdapter()
  }
}

const sqliteKysely = (file: string, options: DbOptions) =>
  Effect.flatMap(sqliteDriver, (SQLite) =>
    Effect.try({
      try: () => {
        if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true })
        const database = new SQLite(file)
        database.pragma("journal_mode = WAL")
        database.pragma("foreign_keys = ON")
        database.pragma("busy_timeout = 5000")
        return new Kysely<any>({
          dialect: new TeamopsSqliteDialect({ database: reusingStatements(database) }),
          log: logTo(options),
        })
      },
      catch: (cause) => dbError(`cannot open SQLite database ${file}: ${describe(cause)}`, cause),
    }),
  )

/**
 * The database as Kysely's SQLite driver uses it, keeping the most recently used prepared
 * statements: the driver prepares every statement it runs, and preparing costs more than
 * running the small statements a request sends. SQLite prepares a kept statement again by
 * itself when the schema changes.
 */
const reusingStatements = (database: SQLite.Database, capacity = 256) => {
  const statements = new Map<string, SQLite.Statement>()
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql)
      if (statement === undefined) {
        statement = database.prepare(sql)
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string)
      } else statements.delete(sql)
      statements.set(sql, statement)
      return statement
    },
  }
}

// PostgreSQL sends 64-bit integers and numerics as strings; counts and sums here fit a double.
const numberTypes = (driver: typeof pg): pg.CustomTypesConfig => ({
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700
      ? (value: string) => Number(value)
      : driver.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
})

const postgresKysely = (url: string, options: DbOptions) =>
  Effect.map(postgresDriver, (driver) => {
    const pool = new driver.Pool({ connectionString: url, max: 10, types: numberTypes(driver) })
    // An idle client that loses its connection must not crash the process.
    pool.on("error", () => {})
    return new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: logTo(options) })
  })

const logTo = (options: DbOptions) => (event: { query: { sql: string } }) => {
  options.onStatement?.(event.query.sql)
}

/** Opens a database and checks that it answers; closed when the scope closes. */
export const openDb = (url: string, options: DbOptions = {}): Effect.Effect<DbService, DbError, Scope.Scope> =>
  Effect.gen(function* () {
    const location = yield* parseDatabaseUrl(url)
    const kysely = yield* Effect.acquireRelease(
      location.dialect === "sqlite" ? sqliteKysely(location.file, options) : postgresKysely(location.url, options),
      (db) => Effect.promise(() => db.destroy()),
    )
    const where = location.dialect === "sqlite" ? location.file : redact(location.url)
    yield* Effect.tryPromise({
      try: () => sql`select 1`.execute(kysely),
      catch: (cause) => dbError(`cannot reach the database at ${where}: ${describe(cause)}`, cause),
    })
    return makeDbService(kysely, location.dialect, where)
  })

interface OpenTransaction {
  readonly trx: Transaction<any>
  failed?: DbError
  readonly committed: Array<() => void>
}

/** A {@link DbService} over an open Kysely instance. */
export const makeDbService = (kysely: Kysely<any>, dialect: Dialect, location: string): DbService => {
  // The open transaction, and the first statement that failed in it. PostgreSQL aborts a
  // transaction once a statement fails (its COMMIT then silently rolls back); SQLite is held
  // to the same rule so that both stores behave alike.
  const current = FiberRef.unsafeMake<Option.Option<OpenTransaction>>(Option.none())

  const query = <A, DB>(work: (db: Kysely<DB>) => Promise<A>) =>
    Effect.flatMap(FiberRef.get(current), (open) =>
      Effect.tryPromise({
        try: () => work((Option.isSome(open) ? open.value.trx : kysely) as Kysely<DB>),
        catch: (cause) => {
          const error = dbError(describe(cause), cause)
          if (Option.isSome(open)) open.value.failed ??= error
          return error
        },
      }),
    )

  const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | DbError, R> =>
    Effect.flatMap(FiberRef.get(current), (outer) =>
      Option.isSome(outer)
        ? effect
        : Effect.acquireUseRelease(
            Effect.tryPromise({
              try: () => kysely.startTransaction().execute(),
              catch: (cause) => dbError(`cannot start a transaction: ${describe(cause)}`, cause),
            }),
            (trx) => {
              const open: OpenTransaction = { trx, committed: [] }
              return Effect.locally(effect, current, Option.some(open)).pipe(
                Effect.tap(() =>
                  open.failed !== undefined
                    ? Effect.fail(
                        new DbError({
                          message: `the transaction was rolled back: a statement in it failed: ${open.failed.message}`,
                          reason: open.failed.reason,
                          cause: open.failed,
                        }),
                      )
                    : Effect.tryPromise({
                        try: () => trx.commit().execute(),
                        catch: (cause) => dbError(`commit failed: ${describe(cause)}`, cause),
                      }).pipe(
                        Effect.tap(() =>
                          Effect.sync(() => {
                            for (const callback of open.committed) callback()
                          }),
                        ),
                      ),
                ),
              )
            },
            (trx, exit) =>
              Exit.isFailure(exit)
                ? Effect.tryPromise(() => trx.rollback().execute()).pipe(Effect.ignore)
                : Effect.void,
          ),
    )

  const afterCommit = (callback: () => void) =>
    Effect.flatMap(FiberRef.get(current), (open) =>
      Effect.sync(() => {
        if (Option.isSome(open)) open.value.committed.push(callback)
        else callback()
      }),
    )

  return { dialect, location, query, transaction, afterCommit, kysely }
}
