// Shared fixtures of the org tests: a test host with the org plugin, decoded repo inputs,
// and ways to race two writes.
import { failureOf, type GraphQLResult, graphql, graphqlData, openTestHost, type TestHost } from "@teamops/testing"
import { Effect, Exit, Schema } from "effect"
import { sql } from "kysely"
import { CreatePersonInput } from "../src/Person.js"
import type { PersonRepo } from "../src/PersonRepo.js"
import { orgPlugin } from "../src/plugin.js"
import { CreateTeamInput } from "../src/Team.js"
import type { TeamRepo } from "../src/TeamRepo.js"

export type { Dialect } from "@teamops/testing"
export type TestOrg = TestHost

/** A server with only the org plugin, on a fresh database of `dialect`. */
export const openOrg = (dialect: "sqlite" | "postgres") => openTestHost(dialect, [orgPlugin])

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
