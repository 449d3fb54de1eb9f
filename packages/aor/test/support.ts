// Shared fixtures of the aor tests: a host with org, roles, competencies and aor, a plugin
// that contributes categories and competencies, and ways to hire people and make areas.
import { competenciesPlugin, competency } from "@teamops/competencies"
import { definePlugin, encodeGlobalID, type Plugin } from "@teamops/core"
import {
  CreatePersonInput,
  CreateTeamInput,
  orgPlugin,
  type Person,
  PersonRepo,
  RecordDepartureInput,
  TeamRepo,
} from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { type Dialect, graphql, graphqlData, openTestHost, type TestHost, type TestHostOptions } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { areaCategory } from "../src/Categories.js"
import { aorPlugin } from "../src/plugin.js"

export type { Dialect } from "@teamops/testing"
export { graphql, graphqlData }

/** Categories and competencies for the tests' areas. */
export const testContent = definePlugin({
  id: "aor-test-content",
  version: "0.1.0",
  dependsOn: ["aor", "competencies"],
  contributes: [
    areaCategory({ key: "tooling", name: "Frontline tooling", description: "Tools the frontline uses every day." }),
    areaCategory({ key: "content", name: "Educational content", description: "Articles and guides for customers." }),
    competency({ key: "writing", name: "Writing", category: "Craft", description: "Writes clearly." }),
    competency({ key: "tooling", name: "Tooling", category: "Craft", description: "Builds and keeps tools." }),
  ],
})

/** A host with the plugins of areas, on a fresh database of `dialect`. */
export const openAor = (dialect: Dialect, plugins: ReadonlyArray<Plugin<any>> = [], options: TestHostOptions = {}) =>
  openTestHost(dialect, [orgPlugin, rolesPlugin, competenciesPlugin, aorPlugin, testContent, ...plugins], options)

export const teamInput = Schema.decodeUnknownSync(CreateTeamInput)
export const personInput = Schema.decodeUnknownSync(CreatePersonInput)

export const addTeam = (app: TestHost, key: string) =>
  app.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key }))))

export interface HireOptions {
  readonly team?: string
  readonly manager?: Person
  readonly hireDate?: string
  /** Hours a day, Monday to Friday, from 09:00. */
  readonly dailyHours?: number
}

/** Hires `user@x.com` into `team` (default `support`), hired on 2024-01-01, 8 hours a day. */
export const hire = (app: TestHost, user: string, options: HireOptions = {}) => {
  const end = `${String(9 + (options.dailyHours ?? 8)).padStart(2, "0")}:00`
  const day = [{ start: "09:00", end }]
  return app.run(
    Effect.flatMap(PersonRepo, (r) =>
      r.create({
        ...personInput({
          name: user,
          email: `${user}@x.com`,
          timeZone: "UTC",
          teamKey: options.team ?? "support",
          hireDate: options.hireDate ?? "2024-01-01",
          workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day },
        }),
        ...(options.manager ? { managerId: options.manager.id } : {}),
      }),
    ),
  )
}

export const depart = (app: TestHost, person: Person, leftOn: string) =>
  app.run(
    Effect.flatMap(PersonRepo, (r) =>
      r.recordDeparture(Schema.decodeUnknownSync(RecordDepartureInput)({ personId: gid(person), leftOn })),
    ),
  )

export const moveTo = (app: TestHost, person: Person, teamKey: string) =>
  app.run(Effect.flatMap(PersonRepo, (r) => r.update({ id: person.id, teamKey })))

/** The global id of a person. */
export const gid = (person: Person) => encodeGlobalID("Person", person.id)

export const areaFields = "key name status weeklyHours owner { email } contributors { person { email } weeklyHours }"

/** Runs a mutation and answers its payload: the success's `area`, or the error's type and message. */
export const mutate = async (
  server: TestHost["server"],
  name: string,
  input: Record<string, unknown>,
  fields = areaFields,
) => {
  const typeName = name[0]?.toUpperCase() + name.slice(1)
  const inputType = name === "confirmArea" || name === "retireArea" ? "AreaKeyInput" : `${typeName}Input`
  const result = await graphql(
    server,
    `mutation($input: ${inputType}!) { ${name}(input: $input) {
      __typename ... on ${typeName}Success { area { ${fields} } } ... on Error { message }
    } }`,
    { input },
  )
  if (result.errors) return { errors: result.errors }
  return result.data?.[name]
}

/** An area of team `support` with `owner`, made by the admin. */
export const makeArea = async (app: TestHost, key: string, fields: Record<string, unknown> = {}, owner?: Person) => {
  const created = await mutate(app.server, "createArea", {
    key,
    name: key,
    purpose: `Keeps ${key} in shape.`,
    teamKey: "support",
    category: "tooling",
    weeklyHours: 2,
    ...fields,
  })
  if (created.__typename !== "CreateAreaSuccess") throw new Error(JSON.stringify(created))
  if (owner) {
    const handed = await mutate(app.server, "handOverArea", {
      areaKey: key,
      fromPersonId: null,
      toPersonId: gid(owner),
      note: "first owner",
    })
    if (handed.__typename !== "HandOverAreaSuccess") throw new Error(JSON.stringify(handed))
  }
  return created.area
}
