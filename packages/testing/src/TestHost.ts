import type { Plugin, TokenScope } from "@teamops/core"
import { type Dialect, type GraphQLResult, graphql, graphqlData, testDatabase } from "@teamops/core/testing"
import { createServer, createToken, type ServerConfig, type TeamopsServer, type TokenOwner } from "@teamops/server"
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
  /** The server, answering requests without an `Authorization` header as the admin. */
  readonly server: TeamopsServer
  /** The server as it is: a request without a credential is anonymous. */
  readonly raw: TeamopsServer
  /** An admin token of a service account, which `server` sends by default. */
  readonly adminToken: string
  /** Creates an API token for `owner` with `scopes` and answers its secret. */
  readonly token: (owner: TokenOwner, scopes?: ReadonlyArray<TokenScope>) => Promise<string>
  /** The server, sending `token` (or no credential, for undefined) with every request. */
  readonly as: (token: string | undefined) => TeamopsServer
  /** Runs an effect of the plugins' services on the server's runtime; a failure rejects. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>
  /** Runs an effect on the server's runtime and returns how it ended. */
  readonly exit: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<Exit.Exit<A, E>>
  /** POSTs one GraphQL operation to the server, in process. */
  readonly graphql: (
    query: string,
    variables?: Record<string, unknown>,
    operationName?: string,
  ) => Promise<GraphQLResult>
  /** Like `graphql`, but rejects when the answer carries errors; resolves with `data`. */
  readonly data: (query: string, variables?: Record<string, unknown>, operationName?: string) => Promise<any>
  readonly statements: Statements
  /** Closes the server and drops its database. */
  readonly close: () => Promise<void>
}

export type TestHostOptions = Pick<ServerConfig, "optional" | "pluginConfig" | "persistedOperations">

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
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)
  const token = async (owner: TokenOwner, scopes: ReadonlyArray<TokenScope> = []) =>
    (await run(createToken({ owner, name: "test", scopes, createdAt: new Date(), expiresAt: null }))).secret
  const adminToken = await token({ service: "test-admin" }, ["admin"])
  const as = (secret: string | undefined): TeamopsServer => ({
    ...server,
    fetch: (input, init) => {
      const request = new Request(input, init)
      if (secret !== undefined && !request.headers.has("authorization")) {
        request.headers.set("authorization", `Bearer ${secret}`)
      }
      return server.fetch(request)
    },
  })
  const asAdmin = as(adminToken)
  return {
    dialect,
    server: asAdmin,
    raw: server,
    adminToken,
    token,
    as,
    run: (effect) => server.host.runtime.runPromise(effect),
    exit: (effect) => server.host.runtime.runPromiseExit(effect),
    graphql: (query, variables, operationName) => graphql(asAdmin, query, variables, operationName),
    data: (query, variables, operationName) => graphqlData(asAdmin, query, variables, operationName),
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

// The host's own bookkeeping of a request (the caller's token, the audit log), counted by the host's tests.
const bookkeeping = /^(select|update|insert into) .*"teamops_(tokens|audit)"/

/** What `work` answered and the SQL statements the plugins sent for it. */
export const measured = async <A>(host: TestHost, work: () => Promise<A>) => {
  host.statements.reset()
  const answer = await work()
  return { answer, sent: host.statements.sent().filter((statement) => !bookkeeping.test(statement)) }
}
