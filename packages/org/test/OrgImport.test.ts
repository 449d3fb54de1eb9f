import { ConflictError, InputError, officeHours } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect, Either, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { decodeOrgFile, OrgFile } from "../src/OrgFile.js"
import { importOrg } from "../src/OrgImport.js"
import type { Person } from "../src/Person.js"
import { PersonRepo } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { failureOf, openOrg, personInput, type TestOrg, teamInput } from "./support.js"

const importFile = (file: unknown) => importOrg(Schema.decodeUnknownSync(OrgFile)(file))

const all = { limit: 100, after: undefined }

/** Every team and person, with parents, teams and managers by key and email: what an import changes. */
const orgState = Effect.gen(function* () {
  const teams = yield* Effect.flatMap(TeamRepo, (r) => r.list(all))
  const people = yield* Effect.flatMap(PersonRepo, (r) => r.list(all, {}))
  const keyOf = new Map(teams.map((t) => [t.id, t.key]))
  const emailOf = new Map(people.map((p) => [p.id, p.email]))
  return {
    teams: teams.map(({ parentId, ...team }) => ({ ...team, parent: parentId && keyOf.get(parentId) })),
    people: people.map(({ teamId, managerId, ...person }) => ({
      ...person,
      team: keyOf.get(teamId),
      manager: managerId && emailOf.get(managerId),
    })),
  }
})

const counts = Effect.all({
  teams: Effect.flatMap(TeamRepo, (r) => r.count),
  people: Effect.flatMap(PersonRepo, (r) => r.count({})),
})

const createTeam = (fields: Record<string, unknown>) => Effect.flatMap(TeamRepo, (r) => r.create(teamInput(fields)))

const createPerson = (fields: Record<string, unknown>, manager?: Person) =>
  Effect.flatMap(PersonRepo, (r) =>
    r.create({
      ...personInput({ name: "Someone", timeZone: "UTC", teamKey: "support", ...fields }),
      ...(manager ? { managerId: manager.id } : {}),
    }),
  )

const hours = { mon: [{ start: "08:00", end: "12:00" }] }
const fullHours = { ...hours, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }

const file = {
  teams: [
    { key: "support-emea", name: "Support EMEA", parent: "support", description: "Athens." },
    { key: "support", name: "Customer Support" },
  ],
  people: [
    {
      name: "Ana",
      email: "ana@x.com",
      teamKey: "support-emea",
      timeZone: "Europe/Athens",
      hireDate: "2020-01-31",
      workingHours: hours,
      managerEmail: "boss@x.com",
    },
    { name: "Boss", email: "boss@x.com", teamKey: "support", timeZone: "Europe/Dublin", hireDate: "2015-06-15" },
  ],
}

describe("decodeOrgFile", () => {
  const problems = (value: unknown) => {
    const decoded = Effect.runSync(Effect.either(decodeOrgFile(value)))
    return Either.isLeft(decoded) ? decoded.left : undefined
  }

  it("lists every problem with its path, one per line", () => {
    const error = problems({
      teams: [{ key: "Support", name: "" }, 5, { key: "ok", name: "Ok", parentKey: "support" }],
      people: [
        {
          name: "Ana",
          email: "ana",
          teamKey: "ok",
          timeZone: "Mars/Base",
          workingHours: { mon: [{ start: "10:00", end: "09:00" }] },
        },
      ],
    })
    expect(error).toBeInstanceOf(InputError)
    expect(error?.path).toEqual(["teams", "0", "key"])
    expect(error?.message.split("\n")).toEqual([
      'teams[0].key: expected a lower-kebab key such as "support-emea", got "Support"',
      "teams[0].name: expected a non-empty text",
      "teams[1]: expected a team: an object with key and name, got 5",
      'teams[2].parentKey: is unexpected, expected: "key" | "name" | "parent" | "description"',
      'people[0].email: expected an email address such as "ana@example.com", got "ana"',
      'people[0].timeZone: unknown time zone "Mars/Base" (expected an IANA name such as "Europe/Athens")',
      "people[0].workingHours.mon[0]: expected start 10:00 before end 09:00",
    ])
  })

  it("names what the file and its lists should be", () => {
    expect(problems([])?.message).toBe("expected an object with the lists teams and people, got a list")
    expect(problems({ teams: {}, people: "x" })?.message).toBe(
      'teams: expected a list of teams, got an object\npeople: expected a list of people, got "x"',
    )
  })

  it("takes both lists as optional, trims names and lower-cases emails", () => {
    expect(Effect.runSync(decodeOrgFile({}))).toEqual({ teams: [], people: [] })
    const decoded = Effect.runSync(
      decodeOrgFile({
        people: [{ name: " Ana ", email: " Ana@X.com", teamKey: "ok", timeZone: "UTC", managerEmail: "BOSS@x.com" }],
      }),
    )
    expect(decoded.people).toEqual([
      { name: "Ana", email: "ana@x.com", teamKey: "ok", timeZone: "UTC", managerEmail: "boss@x.com" },
    ])
  })
})

describe.each(testDialects())("importOrg on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  it("creates teams and people, parents and managers named before they are listed", async () => {
    expect(await org.run(importFile(file))).toEqual({
      teams: { created: 2, updated: 0 },
      people: { created: 2, updated: 0 },
    })
    const state = await org.run(orgState)
    expect(state.teams).toMatchObject([
      { key: "support", name: "Customer Support", description: null, parent: null },
      { key: "support-emea", name: "Support EMEA", description: "Athens.", parent: "support" },
    ])
    expect(state.people).toMatchObject([
      { email: "ana@x.com", team: "support-emea", manager: "boss@x.com", hireDate: "2020-01-31" },
      { email: "boss@x.com", team: "support", manager: null, hireDate: "2015-06-15", timeZone: "Europe/Dublin" },
    ])
    expect(state.people[0]?.workingHours).toEqual(fullHours)
    expect(state.people[1]?.workingHours).toEqual(officeHours)
  })

  it("changes nothing when the same file is imported again, and counts every row as updated", async () => {
    await org.run(importFile(file))
    const first = await org.run(orgState)
    expect(await org.run(importFile(file))).toEqual({
      teams: { created: 0, updated: 2 },
      people: { created: 0, updated: 2 },
    })
    expect(await org.run(orgState)).toEqual(first)
  })

  it("updates stored teams and people to what the file says", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    await org.run(createTeam({ key: "ops", name: "Ops", parentKey: "support", description: "Tools." }))
    const boss = await org.run(createPerson({ email: "boss@x.com" }))
    await org.run(
      createPerson(
        { email: "ana@x.com", name: "Ana", hireDate: "2019-03-01", workingHours: hours, teamKey: "ops" },
        boss,
      ),
    )
    const before = await org.run(orgState)

    const result = await org.run(
      importFile({
        // The stored parent becomes the subteam: the order of writing follows the file, not the store.
        teams: [
          { key: "support", name: "Customer Support", parent: "ops" },
          { key: "ops", name: "Support Operations" },
        ],
        // Boss is not listed and keeps everything; Ana keeps her hire date and hours, loses her manager.
        people: [{ name: "Ana Costa", email: "ana@x.com", teamKey: "support", timeZone: "Europe/Lisbon" }],
      }),
    )
    expect(result).toEqual({ teams: { created: 0, updated: 2 }, people: { created: 0, updated: 1 } })
    const after = await org.run(orgState)
    expect(after.teams).toEqual([
      { ...before.teams[0], name: "Support Operations", description: null, parent: null },
      { ...before.teams[1], name: "Customer Support", parent: "ops" },
    ])
    expect(after.people).toEqual([
      { ...before.people[0], name: "Ana Costa", team: "support", timeZone: "Europe/Lisbon", manager: null },
      before.people[1],
    ])
    expect(after.people[0]).toMatchObject({ hireDate: "2019-03-01", workingHours: fullHours })
  })

  it("accepts a parent and a manager that are stored but not listed, and swaps managers", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    const b = await org.run(createPerson({ email: "b@x.com" }))
    await org.run(createPerson({ email: "a@x.com" }, b))
    await org.run(createPerson({ email: "head@x.com" }))
    await org.run(
      importFile({
        teams: [{ key: "emea", name: "EMEA", parent: "support" }],
        people: [
          { name: "B", email: "b@x.com", teamKey: "emea", timeZone: "UTC", managerEmail: "a@x.com" },
          { name: "A", email: "a@x.com", teamKey: "emea", timeZone: "UTC", managerEmail: "head@x.com" },
        ],
      }),
    )
    const state = await org.run(orgState)
    expect(state.teams.map((t) => [t.key, t.parent])).toEqual([
      ["emea", "support"],
      ["support", null],
    ])
    expect(state.people.map((p) => [p.email, p.manager])).toEqual([
      ["a@x.com", "head@x.com"],
      ["b@x.com", "a@x.com"],
      ["head@x.com", null],
    ])
  })

  it("matches emails in any case and keeps them in lower case", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    const ana = await org.run(createPerson({ email: "ana@x.com" }))
    await org.run(createPerson({ email: "boss@x.com" }))
    const result = await org.run(
      importFile({
        people: [{ name: "Ana", email: "ANA@X.com", teamKey: "support", timeZone: "UTC", managerEmail: "Boss@X.COM" }],
      }),
    )
    expect(result.people).toEqual({ created: 0, updated: 1 })
    const state = await org.run(orgState)
    expect(state.people.map((p) => [p.id, p.email, p.manager])).toEqual([
      [ana.id, "ana@x.com", "boss@x.com"],
      [expect.any(String), "boss@x.com", null],
    ])
  })

  it("refuses a parent, team or manager that is neither listed nor stored, naming each place", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    const error = failureOf(
      await org.exit(
        importFile({
          teams: [
            { key: "emea", name: "EMEA", parent: "support" },
            { key: "apac", name: "APAC", parent: "asia" },
          ],
          people: [
            { name: "Ana", email: "ana@x.com", teamKey: "americas", timeZone: "UTC" },
            { name: "Bo", email: "bo@x.com", teamKey: "emea", timeZone: "UTC", managerEmail: "ghost@x.com" },
          ],
        }),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ path: ["teams", "1", "parent"] })
    expect(error.message.split("\n")).toEqual([
      'teams[1].parent: no team with key "asia" in the file or in the database',
      'people[0].teamKey: no team with key "americas" in the file or in the database',
      "people[1].managerEmail: no person with email ghost@x.com in the file or in the database",
    ])
    expect(await org.run(counts)).toEqual({ teams: 1, people: 0 })
  })

  it("refuses a cycle of parents in the file, at the first team of the cycle", async () => {
    const error = failureOf(
      await org.exit(
        importFile({
          teams: [
            { key: "top", name: "Top" },
            { key: "b", name: "B", parent: "c" },
            { key: "a", name: "A", parent: "b" },
            { key: "c", name: "C", parent: "a" },
            { key: "self", name: "Self", parent: "self" },
          ],
        }),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.message.split("\n")).toEqual([
      'teams[1].parent: a parent cycle would form: "b" is inside "c" is inside "a" is inside "b"',
      'teams[4].parent: a parent cycle would form: "self" is inside "self"',
    ])
    expect(await org.run(counts)).toEqual({ teams: 0, people: 0 })
  })

  it("refuses a cycle of parents through a stored team the file does not list", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    await org.run(createTeam({ key: "ops", name: "Ops", parentKey: "support" }))
    const error = failureOf(await org.exit(importFile({ teams: [{ key: "support", name: "Support", parent: "ops" }] })))
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.message).toBe(
      'teams[0].parent: team "ops" cannot be the parent of "support": it is "support" or one of its subteams',
    )
  })

  it("refuses a team key or an email listed twice, naming both places", async () => {
    const person = { name: "Ana", teamKey: "a", timeZone: "UTC" }
    const error = failureOf(
      await org.exit(
        importFile({
          teams: [
            { key: "a", name: "A" },
            { key: "b", name: "B" },
            { key: "a", name: "A again" },
          ],
          people: [
            { ...person, email: "ana@x.com" },
            { ...person, email: "ANA@x.com" },
          ],
        }),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error.message.split("\n")).toEqual([
      'teams[2].key: "a" is also the key of teams[0]',
      'people[1].email: "ana@x.com" is also the email of people[0]',
    ])
    expect(await org.run(counts)).toEqual({ teams: 0, people: 0 })
  })

  it("leaves the data as it was when a write in the middle is refused", async () => {
    await org.run(importFile(file))
    const before = await org.run(orgState)
    const person = { teamKey: "new-team", timeZone: "UTC" }
    const cycle = failureOf(
      await org.exit(
        importFile({
          teams: [
            { key: "support", name: "Renamed" },
            { key: "new-team", name: "New" },
          ],
          people: [
            { ...person, name: "A", email: "a@x.com", managerEmail: "b@x.com" },
            { ...person, name: "B", email: "b@x.com", managerEmail: "a@x.com" },
            { ...person, name: "Ana", email: "ana@x.com" },
          ],
        }),
      ),
    )
    expect(cycle).toBeInstanceOf(ConflictError)
    expect(cycle.message).toBe(
      "people[1].managerEmail: a manager cycle would form: b@x.com is managed by a@x.com is managed by b@x.com",
    )
    expect(await org.run(counts)).toEqual({ teams: 2, people: 2 })
    expect(await org.run(orgState)).toEqual(before)

    const ana = before.people[0]?.id as Person["id"]
    await org.run(Effect.flatMap(PersonRepo, (r) => r.recordDeparture({ personId: ana, leftOn: "2021-06-30" })))
    const left = await org.run(orgState)
    const late = failureOf(
      await org.exit(
        importFile({
          teams: [{ key: "late", name: "Late" }],
          people: [
            { ...file.people[1], name: "Boss Renamed" },
            { ...file.people[0], hireDate: "2021-07-01" },
          ],
        }),
      ),
    )
    expect(late).toBeInstanceOf(InputError)
    expect(late).toMatchObject({ path: ["people", "1", "hireDate"] })
    expect(late.message).toBe("people[1].hireDate: 2021-07-01 is after the leave date 2021-06-30")
    expect(await org.run(orgState)).toEqual(left)
  })

  it("imports an empty file", async () => {
    expect(await org.run(importFile({}))).toEqual({
      teams: { created: 0, updated: 0 },
      people: { created: 0, updated: 0 },
    })
  })
})
