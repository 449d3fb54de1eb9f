// Shared fixtures of the roles tests: a server booted with org and roles on a throw-away
// database, a way to run effects on its runtime, a GraphQL call, and the sample ladder.
import { readFileSync } from "node:fs"
import type { Plugin } from "@teamops/core"
import { failureOf, type GraphQLResult, graphql, graphqlData, testDatabase } from "@teamops/core/testing"
import { orgPlugin } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect, type Exit } from "effect"
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

/** The sample ladder changed by `change`, as a YAML-free document (tests of the rules). */
export const withLadder = (change: (doc: any) => void): LadderDocument => {
  const doc = structuredClone(supportLadder) as any
  change(doc)
  return doc as LadderDocument
}

export { failureOf, type GraphQLResult, graphql, graphqlData }
