// Who sees workforce figures and salaries, and who sets salaries (docs/workforce.md, "Who may
// see what"), one test per kind of caller, on each store.
import type { TokenScope } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Person, PersonId } from "../src/Person.js"
import { PersonRepo } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { graphql, openOrg, personInput, type TestOrg, teamInput } from "./support.js"

const period = `from: "2026-01-01", to: "2026-12-31"`
const teamQuery = `{ team(key: "red") {
  defaultAnnualSalary
  workforce(${period}) { headcountAtStart departures { person { email } annualSalary } turnoverCost uncostedDepartures }
} }`
const rootQuery = `{ workforce(${period}) {
  organisation { headcountAtStart turnoverCost }
  teams { team { key } workforce { headcountAtStart turnoverCost } }
} }`
const salaryQuery = `{ person(email: "ana@x.com") { annualSalary } }`

type Caller =
  | "anonymous"
  | "teammate"
  | "team's manager"
  | "another team's manager"
  | "people partner"
  | "admin"
  | "metrics:read"

// What red's figures read for a caller who may see them: ana (60000) left in May, amy is here.
const redFigures = (money: boolean) => ({
  headcountAtStart: 2,
  departures: [{ person: { email: "ana@x.com" }, annualSalary: money ? 60000 : null }],
  // 60000 × 0.21
  turnoverCost: money ? 12600 : null,
  uncostedDepartures: money ? 0 : null,
})
const rootFigures = (money: boolean) => ({
  organisation: { headcountAtStart: 5, turnoverCost: money ? 12600 : null },
  teams: [
    { team: { key: "blue" }, workforce: { headcountAtStart: 1, turnoverCost: money ? 0 : null } },
    { team: { key: "lead" }, workforce: { headcountAtStart: 2, turnoverCost: money ? 0 : null } },
    { team: { key: "red" }, workforce: { headcountAtStart: 2, turnoverCost: money ? 12600 : null } },
  ],
})
const forbidden = (operation: string) => ({ message: `not allowed: ${operation}`, extensions: { code: "FORBIDDEN" } })

/** What each caller reads: red's salary default and figures, the organisation's figures, ana's salary. */
const expected: ReadonlyArray<{
  caller: Caller
  team?: unknown
  root?: unknown
  salary?: unknown
}> = [
  { caller: "anonymous" },
  { caller: "teammate", team: { defaultAnnualSalary: null, workforce: null }, root: null, salary: null },
  {
    caller: "team's manager",
    team: { defaultAnnualSalary: null, workforce: redFigures(false) },
    root: null,
    salary: null,
  },
  { caller: "another team's manager", team: { defaultAnnualSalary: null, workforce: null }, root: null, salary: null },
  {
    caller: "people partner",
    team: { defaultAnnualSalary: 50000, workforce: redFigures(true) },
    root: rootFigures(true),
    salary: 60000,
  },
  {
    caller: "admin",
    team: { defaultAnnualSalary: 50000, workforce: redFigures(true) },
    root: rootFigures(true),
    salary: 60000,
  },
  {
    caller: "metrics:read",
    team: { defaultAnnualSalary: null, workforce: redFigures(false) },
    root: rootFigures(false),
    salary: null,
  },
]

describe.each(testDialects())("who sees workforce figures and salaries on %s", (dialect) => {
  let org: TestOrg
  const tokens = new Map<Caller, string | undefined>()
  let ana: Person

  beforeAll(async () => {
    org = await openOrg(dialect)
    const team = (key: string, defaultAnnualSalary?: number) =>
      org.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key, defaultAnnualSalary }))))
    const hire = (user: string, teamKey: string, extra: { managerId?: PersonId; annualSalary?: number } = {}) =>
      org.run(
        Effect.flatMap(PersonRepo, (r) =>
          r.create({
            ...personInput({ name: user, email: `${user}@x.com`, timeZone: "UTC", teamKey, hireDate: "2020-01-01" }),
            ...extra,
          }),
        ),
      )
    await team("red", 50000)
    await team("blue")
    await team("lead")
    // rhea, of another team, manages ana of red: red's manager without being one of it.
    const rhea = await hire("rhea", "lead")
    const bob = await hire("bob", "lead")
    ana = await hire("ana", "red", { managerId: rhea.id, annualSalary: 60000 })
    const amy = await hire("amy", "red", { managerId: rhea.id })
    await hire("bea", "blue", { managerId: bob.id })
    await org.run(Effect.flatMap(PersonRepo, (r) => r.recordDeparture({ personId: ana.id, leftOn: "2026-05-31" })))
    const person = (p: Person, scopes: ReadonlyArray<TokenScope> = []) => org.token({ personId: p.id }, scopes)
    tokens.set("anonymous", undefined)
    tokens.set("teammate", await person(amy))
    tokens.set("team's manager", await person(rhea))
    tokens.set("another team's manager", await person(bob))
    tokens.set("people partner", await person(bob, ["people"]))
    tokens.set("admin", org.adminToken)
    tokens.set("metrics:read", await org.token({ service: "bi" }, ["metrics:read"]))
  })
  afterAll(async () => {
    await org.close()
  })

  it.each(expected)("$caller", async ({ caller, team, root, salary }) => {
    const server = org.as(tokens.get(caller))
    const teamAnswer = await graphql(server, teamQuery)
    const rootAnswer = await graphql(server, rootQuery)
    const salaryAnswer = await graphql(server, salaryQuery)
    if (caller === "anonymous") {
      for (const answer of [teamAnswer, rootAnswer, salaryAnswer]) {
        expect(answer.errors).toMatchObject([{ extensions: { code: "UNAUTHENTICATED" } }])
      }
      return
    }
    expect(teamAnswer).toEqual({ data: { team } })
    if (root === null) {
      expect(rootAnswer.data).toBeNull()
      expect(rootAnswer.errors).toMatchObject([forbidden("workforce")])
    } else {
      expect(rootAnswer).toEqual({ data: { workforce: root } })
    }
    expect(salaryAnswer).toEqual({ data: { person: { annualSalary: salary } } })
  })

  describe("setting a salary", () => {
    const updatePerson = `mutation($input: UpdatePersonInput!) {
      updatePerson(input: $input) { __typename ... on UpdatePersonSuccess { person { name annualSalary } } ... on InputError { path message } }
    }`
    const createTeam = `mutation($input: CreateTeamInput!) {
      createTeam(input: $input) { __typename ... on CreateTeamSuccess { team { key defaultAnnualSalary } } }
    }`
    const idOf = async () => (await org.data(`{ person(email: "ana@x.com") { id } }`)).person.id

    it("is refused to org:write without people, which may still change everything else", async () => {
      const hrSync = org.as(await org.token({ service: "hr-sync" }, ["org:write"]))
      const id = await idOf()
      for (const annualSalary of [70000, null]) {
        const refused = await graphql(hrSync, updatePerson, { input: { id, annualSalary } })
        expect(refused.errors).toMatchObject([forbidden("updatePerson")])
      }
      const team = await graphql(hrSync, createTeam, { input: { key: "green", name: "Green", defaultAnnualSalary: 1 } })
      expect(team.errors).toMatchObject([forbidden("createTeam")])
      const renamed = await graphql(hrSync, updatePerson, { input: { id, name: "Ana Lima" } })
      // The person is changed; their salary reads as unknown to this caller.
      expect(renamed.data.updatePerson).toEqual({
        __typename: "UpdatePersonSuccess",
        person: { name: "Ana Lima", annualSalary: null },
      })
      expect((await org.data(salaryQuery)).person.annualSalary).toBe(60000)
    })

    it("is allowed to people partners and admins, and null clears it", async () => {
      const partner = org.as(tokens.get("people partner"))
      const id = await idOf()
      const set = await graphql(partner, updatePerson, { input: { id, annualSalary: 65000 } })
      expect(set.data.updatePerson.person.annualSalary).toBe(65000)
      const team = await graphql(partner, createTeam, {
        input: { key: "violet", name: "Violet", defaultAnnualSalary: 41000.5 },
      })
      expect(team.data.createTeam).toEqual({
        __typename: "CreateTeamSuccess",
        team: { key: "violet", defaultAnnualSalary: 41000.5 },
      })
      const cleared = await org.data(updatePerson, { input: { id, annualSalary: null } })
      expect(cleared.updatePerson.person.annualSalary).toBeNull()
      await org.data(updatePerson, { input: { id, annualSalary: 60000 } })
    })

    it("refuses a salary below 0, naming the field", async () => {
      const refused = await org.data(updatePerson, { input: { id: await idOf(), annualSalary: -1 } })
      expect(refused.updatePerson).toEqual({
        __typename: "InputError",
        path: ["input", "annualSalary"],
        message: "input.annualSalary: expected an annual salary of 0 or more, got -1",
      })
    })
  })
})
