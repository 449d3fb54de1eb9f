import { Cause, Exit, Option } from "effect"
import pg from "pg"

export type Dialect = "sqlite" | "postgres"

/** A database a test can use and throw away. */
export interface TestDatabase {
  readonly dialect: Dialect
  readonly url: string
  readonly drop: () => Promise<void>
}

/**
 * The stores every store test runs on: SQLite always, PostgreSQL too when
 * `TEAMOPS_TEST_POSTGRES_URL` is set.
 */
export const testDialects = (): ReadonlyArray<Dialect> =>
  process.env.TEAMOPS_TEST_POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"]

/**
 * An empty database of `dialect`: an in-memory SQLite database, or a new PostgreSQL
 * database beside the one `TEAMOPS_TEST_POSTGRES_URL` names, which `drop` removes.
 * Separate databases keep parallel tests out of each other's catalogs.
 */
export const testDatabase = async (dialect: Dialect): Promise<TestDatabase> => {
  if (dialect === "sqlite") return { dialect, url: ":memory:", drop: async () => {} }
  const base = process.env.TEAMOPS_TEST_POSTGRES_URL
  if (base === undefined) throw new Error("TEAMOPS_TEST_POSTGRES_URL is not set")
  return { dialect, ...(await scratchPostgres(base, "teamops_test")) }
}

/**
 * A new PostgreSQL database beside the one `base` names (its user must be allowed to create
 * databases), called `<prefix>_<random>`, and a way to drop it.
 */
export const scratchPostgres = async (base: string, prefix: string) => {
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`
  await administer(base, `create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => administer(base, `drop database if exists ${name} with (force)`) }
}

const administer = async (url: string, statement: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A GraphQL answer as tests read it. */
export interface GraphQLResult {
  readonly data?: any
  readonly errors?: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<string | number> }>
}

/** Anything that answers HTTP requests in process, such as a teamops server. */
export interface Fetcher {
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>
}

/** POSTs one GraphQL operation to an in-process server. */
export const graphql = async (
  server: Fetcher,
  query: string,
  variables: Record<string, unknown> = {},
  /** Which operation of a document of several to run. */
  operationName?: string,
): Promise<GraphQLResult> => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables, operationName }),
  })
  return (await response.json()) as GraphQLResult
}

/** Like {@link graphql}, but fails the test when the answer carries errors; returns `data`. */
export const graphqlData = async (
  server: Fetcher,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
) => {
  const result = await graphql(server, query, variables, operationName)
  if (result.errors !== undefined) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`)
  return result.data
}

/** The typed failure of an exit; throws when the effect succeeded or died. */
export const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error(`expected a failure, got ${JSON.stringify(exit.value)}`)
  const failure = Cause.failureOption(exit.cause)
  if (Option.isNone(failure)) throw new Error(`expected a typed failure, got ${Cause.pretty(exit.cause)}`)
  return failure.value
}

/**
 * Resolves once `done()` holds, checking every 20 ms; rejects naming `what` after `ms`. For
 * what happens after an answer (an event delivered once its transaction committed).
 */
export const eventually = async (done: () => boolean, what: string, ms = 8000) => {
  const end = Date.now() + ms
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
