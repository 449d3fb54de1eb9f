// Shared fixtures of the competencies tests: a test host with org, roles and competencies,
// the sample ladder in two versions, and a few people.
import { readFileSync } from "node:fs"
import type { Plugin } from "@teamops/core"
import { CreatePersonInput, CreateTeamInput, orgPlugin, type Person, PersonRepo, TeamRepo } from "@teamops/org"
import { importAndPublishLadder, rolesPlugin } from "@teamops/roles"
import {
  type Dialect,
  failureOf,
  type GraphQLResult,
  graphql,
  graphqlData,
  openTestHost,
  type TestHost,
} from "@teamops/testing"
import { Effect, Schema } from "effect"
import { RecordAssessmentInput } from "../src/Assessment.js"
import { competenciesPlugin } from "../src/plugin.js"

/** The sample ladder: a four-step scale, levels css1 and css2, three competencies. */
export const ladderV1 = readFileSync(new URL("./fixtures/ladder-v1.yaml", import.meta.url), "utf8")
/** Version 2 of the sample ladder: `troubleshooting` renamed `diagnosis`. */
export const ladderV2 = readFileSync(new URL("./fixtures/ladder-v2.yaml", import.meta.url), "utf8")

export type TestCompetencies = TestHost

/** A server with org, roles, competencies and `plugins`, on a fresh database of `dialect`. */
export const openCompetencies = (dialect: Dialect, plugins: ReadonlyArray<Plugin<any>> = []) =>
  openTestHost(dialect, [orgPlugin, rolesPlugin, competenciesPlugin, ...plugins])

/**
 * A server with org, roles and competencies on a fresh database of `dialect`, the sample
 * ladder published, and a team `support` of the people with the given email users.
 */
export const openWithPeople = async (dialect: Dialect, ...users: ReadonlyArray<string>) => {
  const app = await openCompetencies(dialect)
  await app.run(publishLadder(ladderV1))
  const people = users.length === 0 ? [] : await app.run(hirePeople(...users))
  return { app, people }
}

/** Imports and publishes a ladder file (YAML). */
export const publishLadder = (content: string) => importAndPublishLadder("yaml", content)

/** A team `support` and people with the given email users in it; answers them in order. */
export const hirePeople = (...users: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const teams = yield* TeamRepo
    const people = yield* PersonRepo
    if ((yield* teams.byKey("support")) === undefined) {
      yield* teams.create(Schema.decodeUnknownSync(CreateTeamInput)({ key: "support", name: "Support" }))
    }
    const hired: Array<Person> = []
    for (const user of users) {
      const input = Schema.decodeUnknownSync(CreatePersonInput)({
        name: user,
        email: `${user}@x.com`,
        timeZone: "UTC",
        teamKey: "support",
        hireDate: "2024-01-01",
      })
      hired.push(yield* people.create(input))
    }
    return hired
  })

/** A recordAssessment input as the GraphQL layer hands it over (person ids are internal). */
export const assessmentInput = (fields: {
  readonly personId: string
  readonly competency: string
  readonly raterKind: "self" | "manager" | "peer"
  readonly rating: string
  readonly ladderKey?: string
  readonly version?: number
  readonly note?: string
  readonly raterEmail?: string
  readonly evidence?: ReadonlyArray<Record<string, unknown>>
  readonly observedOn?: string | undefined
}): RecordAssessmentInput => {
  const { personId, ...rest } = fields
  const decoded = Schema.decodeUnknownSync(RecordAssessmentInput.pipe(Schema.omit("personId")))({
    ladderKey: "support",
    ...rest,
  })
  return { ...decoded, personId }
}

export { type Dialect, failureOf, type GraphQLResult, graphql, graphqlData }
