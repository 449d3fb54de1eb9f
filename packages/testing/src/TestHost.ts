import type { Plugin } from "@teamops/core"
import { type Dialect, type GraphQLResult, graphql, graphqlData, testDatabase } from "@teamops/core/testing"
import { createServer, type ServerConfig, type TeamopsServer } from "@teamops/server"
import type { Effect, Exit } from "effect"

/** The SQL statements a test host sent, for tests that count them (N+1 is a bug). */
export interface Statements {
  /** Every statement since the last {@link Statements.reset}, in order. */
  readonly sent: () => ReadonlyArray<string>
  readonly reset: () => void
}

/** A server booted with the plugins of a test, on a database of its own. */
export interface TestHost {
  readonly dialect: Dialect
  readonly server: TeamopsServer
  /** Runs an effect of the plugins' services on the server's runtime; a failure rejects. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>
  /** Runs an effect on the server's runtime and returns how it ended. */
  readonly exit: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<Exit.Exit<A, E>>
  /** POSTs one GraphQL operation to the server, in process. */
  readonly graphql: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult>
  /** Like `graphql`, but rejects when the answer carries errors; resolves with `data`. */
  readonly data: (query: string, variables?: Record<string, unknown>) => Promise<any>
  readonly statements: Statements
  /** Closes the server and drops its database. */
  readonly close: () => Promise<void>
}

export type TestHostOptions = Pick<ServerConfig, "optional" | "pluginConfig">

/**
 * Boots `plugins` (with their dependencies listed too) on a fresh database of `dialect`: an
 * in-memory SQLite database, or a PostgreSQL database of its own, dropped by `close`.
 */
export const openTestHost = async (
  dialect: Dialect,
  plugins: ReadonlyArray<Plugin<any>>,
  options: TestHostOptions = {},
): Promise<TestHost> => {
  const database = await testDatabase(dialect)
  let sent: Array<string> = []
  const server = await createServer({
    ...options,
    databaseUrl: database.url,
    plugins,
    graphiql: false,
    onStatement: (sql) => sent.push(sql),
  }).catch(async (error) => {
    await database.drop()
    throw error
  })
  return {
    dialect,
    server,
    run: (effect) => server.host.runtime.runPromise(effect),
    exit: (effect) => server.host.runtime.runPromiseExit(effect),
    graphql: (query, variables) => graphql(server, query, variables),
    data: (query, variables) => graphqlData(server, query, variables),
    statements: {
      sent: () => sent,
      reset: () => {
        sent = []
      },
    },
    close: async () => {
      await server.close()
      await database.drop()
    },
  }
}

/** What `work` answered and the SQL statements it sent. */
export const measured = async <A>(host: TestHost, work: () => Promise<A>) => {
  host.statements.reset()
  const answer = await work()
  return { answer, sent: [...host.statements.sent()] }
}
