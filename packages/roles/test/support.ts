// Shared fixtures of the roles tests: a server booted with org and roles on a throw-away
// database, a way to run effects on its runtime, a GraphQL call, and the sample ladder.
import { readFileSync } from "node:fs"
import type { Plugin } from "@teamops/core"
import { testDatabase } from "@teamops/core/testing"
import { orgPlugin } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Cause, Effect, Exit, Option } from "effect"
import type { LadderDocument } from "../src/Ladder.js"
import { parseLadderFile } from "../src/LadderFile.js"
import { rolesPlugin } from "../src/plugin.js"

export type Dialect = "sqlite" | "postgres"

/** The sample ladder file: four levels on three tracks, a role, five transitions. */
export const supportYaml = readFileSync(new URL("./fixtures/support-ladder.yaml", import.meta.url), "utf8")

/** The sample ladder, decoded. */
export const supportLadder: LadderDocument = Effect.runSync(parseLadderFile("yaml", supportYaml))

export interface TestRoles {
  readonly server: TeamopsServer
  /** Runs an effect on the server's runtime; a failure rejects. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>
  /** Runs an effect on the server's runtime and returns how it ended. */
  readonly exit: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<Exit.Exit<A, E>>
  /** Closes the server and drops its database. */
  readonly close: () => Promise<void>
}

export interface OpenOptions {
  readonly plugins?: ReadonlyArray<Plugin<any>>
  readonly onStatement?: (sql: string) => void
}

/** A server with org, roles and `plugins`, on a fresh database of `dialect`. */
export const openRoles = async (dialect: Dialect, options: OpenOptions = {}): Promise<TestRoles> => {
  const database = await testDatabase(dialect)
  const server = await createServer({
    databaseUrl: database.url,
    plugins: [orgPlugin, rolesPlugin, ...(options.plugins ?? [])],
    graphiql: false,
    ...(options.onStatement ? { onStatement: options.onStatement } : {}),
  }).catch(async (error) => {
    await database.drop()
    throw error
  })
  return {
    server,
    run: (effect) => server.host.runtime.runPromise(effect),
    exit: (effect) => server.host.runtime.runPromiseExit(effect),
    close: async () => {
      await server.close()
      await database.drop()
    },
  }
}

export interface GraphQLResult {
  readonly data?: any
  readonly errors?: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<string | number> }>
}

/** POSTs one GraphQL operation to the in-process server. */
export const graphql = async (
  server: TeamopsServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult> => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as GraphQLResult
}

/** Like {@link graphql}, but fails the test when the answer carries errors; returns `data`. */
export const graphqlData = async (server: TeamopsServer, query: string, variables: Record<string, unknown> = {}) => {
  const result = await graphql(server, query, variables)
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

/** The sample ladder changed by `change`, as a YAML-free document (tests of the rules). */
export const withLadder = (change: (doc: any) => void): LadderDocument => {
  const doc = structuredClone(supportLadder) as any
  change(doc)
  return doc as LadderDocument
}
