// Shared fixtures of the org tests: a server booted with the org plugin on a throw-away
// database, a way to run repo effects on its runtime, and a GraphQL call.
import type { Db } from "@teamops/core"
import { failureOf, type GraphQLResult, graphql, graphqlData, testDatabase } from "@teamops/core/testing"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect, Exit, Schema } from "effect"
import { sql } from "kysely"
import { CreatePersonInput } from "../src/Person.js"
import type { PersonRepo } from "../src/PersonRepo.js"
import { orgPlugin } from "../src/plugin.js"
import { CreateTeamInput } from "../src/Team.js"
import type { TeamRepo } from "../src/TeamRepo.js"

export type Dialect = "sqlite" | "postgres"

export interface TestOrg {
  readonly server: TeamopsServer
  /** Runs an effect of the repos or the database on the server's runtime; a failure rejects. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, TeamRepo | PersonRepo | Db>) => Promise<A>
  /** Runs an effect of the repos or the database on the server's runtime and returns how it ended. */
  readonly exit: <A, E>(effect: Effect.Effect<A, E, TeamRepo | PersonRepo | Db>) => Promise<Exit.Exit<A, E>>
  /** Closes the server and drops its database. */
  readonly close: () => Promise<void>
}

/** A server with only the org plugin, on a fresh database of `dialect`. */
export const openOrg = async (dialect: Dialect, onStatement?: (sql: string) => void): Promise<TestOrg> => {
  const database = await testDatabase(dialect)
  const server = await createServer({
    databaseUrl: database.url,
    plugins: [orgPlugin],
    graphiql: false,
    ...(onStatement ? { onStatement } : {}),
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

/** Repo inputs as the GraphQL layer hands them over: decoded (emails lower-cased, and so on). */
export const teamInput = Schema.decodeUnknownSync(CreateTeamInput)
export const personInput = Schema.decodeUnknownSync(CreatePersonInput)

/** Today's date in `timeZone`, `YYYY-MM-DD`, by the platform's own time zone data. */
export const todayIn = (timeZone: string, at: Date = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at)

/**
 * Opens a few database connections ahead of time, so that effects started together run side
 * by side (on PostgreSQL) instead of the second one waiting for a connection to open.
 */
export const warmPool = (org: TestOrg) =>
  Promise.all(
    Array.from({ length: 4 }, () => Effect.runPromise(org.server.host.db.query((k) => sql`select 1`.execute(k)))),
  )

/** Runs two effects at the same time and returns the typed failures among them. */
export const refusedWhenRacing = async <A, B, E1, E2>(
  org: TestOrg,
  first: Effect.Effect<A, E1, TeamRepo | PersonRepo>,
  second: Effect.Effect<B, E2, TeamRepo | PersonRepo>,
): Promise<Array<E1 | E2>> => {
  const exits = await Promise.all([org.exit<A | B, E1 | E2>(first), org.exit<A | B, E1 | E2>(second)])
  return exits.filter(Exit.isFailure).map(failureOf)
}

export { failureOf, type GraphQLResult, graphql, graphqlData }
