import { ConflictError, Db, InputError, officeHours } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect, Either, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { decodeOrgFile, OrgFile } from "../src/OrgFile.js"
import { importOrg, importOrgFile } from "../src/OrgImport.js"
import type { Person } from "../src/Person.js"
import { PersonRepo } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { failureOf, openOrg, personInput, type TestOrg, teamInput, todayIn } from "./support.js"

/** Imports a parsed file and answers the counts, as `teamops org import` prints them. */
const importFile = (file: unknown) => Effect.map(importOrgFile(file), (report) => report.summary)
const dryRun = (file: unknown) => importOrgFile(file, { dryRun: true })

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

/** The rows of org's tables as stored, every column. */
const rows = Effect.flatMap(Db, (db) =>
  db.query(async (k) => ({
    teams: await k
      .selectFrom("org_teams" as any)
      .selectAll()
      .orderBy("id")
      .execute(),
    people: await k
      .selectFrom("org_people" as any)
      .selectAll()
      .orderBy("id")
      .execute(),
  })),
)

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
    { key: "support-emea", name: "Support EMEA", parentKey: "support", description: "Athens." },
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

const problemsOf = (value: unknown) => {
  const decoded = Effect.runSync(Effect.either(decodeOrgFile(value)))
  return Either.isLeft(decoded) ? decoded.left : undefined
}

describe("decodeOrgFile", () => {
  it("lists every problem with its path, one per line", () => {
    const error = problemsOf({
      teams: [{ key: "Support", name: "" }, 5, { key: "ok", name: "Ok", parentkey: "support" }],
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
      "teams[1]: expected a team: an object with a key, got 5",
      'teams[2].parentkey: is unexpected, expected: "key" | "name" | "parentKey" | "description" | "defaultAnnualSalary"',
      'people[0].email: expected an email address such as "ana@example.com", got "ana"',
      'people[0].timeZone: unknown time zone "Mars/Base" (expected an IANA name such as "Europe/Athens")',
      "people[0].workingHours.mon[0]: expected start 10:00 before end 09:00",
    ])
  })

  it("names what the file and its lists should be", () => {
    expect(problemsOf([])?.message).toBe("expected an object with the lists teams and people, got a list")
    expect(problemsOf({ teams: {}, people: "x" })?.message).toBe(
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

  it("reads null as clearing a field, and refuses null where a field cannot be cleared", () => {
    const decoded = Effect.runSync(
      decodeOrgFile({
        teams: [{ key: "a", parentKey: null, description: null }],
        people: [{ email: "ana@x.com", managerEmail: null, leftOn: null }],
      }),
    )
    expect(decoded).toEqual({
      teams: [{ key: "a", parentKey: null, description: null }],
      people: [{ email: "ana@x.com", managerEmail: null, leftOn: null }],
    })
    expect(
      problemsOf({
        teams: [{ key: "a", name: null }],
        people: [{ email: "ana@x.com", hireDate: null, timeZone: null, leftOn: "31/12/2024" }],
      })?.message.split("\n"),
    ).toEqual([
      "teams[0].name: cannot be cleared: leave the field out to keep it as it is",
      "people[0].timeZone: cannot be cleared: leave the field out to keep it as it is",
      "people[0].hireDate: cannot be cleared: leave the field out to keep it as it is",
      'people[0].leftOn: expected a date as YYYY-MM-DD, got "31/12/2024"',
    ])
  })

  it("reads parent, the older name of parentKey, and refuses both at once", () => {
    expect(Effect.runSync(decodeOrgFile({ teams: [{ key: "a", parent: "b" }] })).teams).toEqual([
      { key: "a", parentKey: "b" },
    ])
    expect(problemsOf({ teams: [{ key: "a", parent: "Top" }] })?.message).toBe(
      'teams[0].parent: expected a lower-kebab key such as "support-emea", got "Top"',
    )
    expect(problemsOf({ teams: [{ key: "a", parent: "b", parentKey: "b" }] })?.message).toBe(
      "teams[0].parent: give parentKey only: parent is its older name",
    )
  })
})

describe.each(testDialects())("importOrgFile on %s", (dialect) => {
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

  it("gives a new person without a hire date today's date in their time zone", async () => {
    await org.run(importFile({ teams: [{ key: "support", name: "Support" }] }))
    await org.run(
      importFile({ people: [{ name: "Kai", email: "kai@x.com", teamKey: "support", timeZone: "Pacific/Kiritimati" }] }),
    )
    const [kai] = (await org.run(orgState)).people
    expect(kai?.hireDate).toBe(todayIn("Pacific/Kiritimati"))
  })

  it("changes nothing when the same file is imported again, and counts nothing as updated", async () => {
    await org.run(importFile(file))
    const first = await org.run(rows)
    const again = await org.run(importOrgFile(file))
    expect(again.summary).toEqual({ teams: { created: 0, updated: 0 }, people: { created: 0, updated: 0 } })
    expect(again.teams).toEqual([
      { key: "support-emea", change: "unchanged" },
      { key: "support", change: "unchanged" },
    ])
    expect(again.people.map((p) => p.change)).toEqual(["unchanged", "unchanged"])
    expect(await org.run(rows)).toEqual(first)
  })

  it("keeps every field a file leaves out, the parent and the manager too", async () => {
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
      importOrgFile({
        teams: [{ key: "ops", name: "Support Operations" }],
        people: [{ email: "ANA@x.com", timeZone: "Europe/Lisbon" }],
      }),
    )
    expect(result.summary).toEqual({ teams: { created: 0, updated: 1 }, people: { created: 0, updated: 1 } })
    expect(result.teams).toEqual([
      { key: "ops", change: "updated", fields: { name: { from: "Ops", to: "Support Operations" } } },
    ])
    expect(result.people).toEqual([
      { email: "ana@x.com", change: "updated", fields: { timeZone: { from: "UTC", to: "Europe/Lisbon" } } },
    ])
    const after = await org.run(orgState)
    expect(after.teams).toEqual([{ ...before.teams[0], name: "Support Operations" }, before.teams[1]])
    expect(after.teams[0]).toMatchObject({ parent: "support", description: "Tools." })
    expect(after.people).toEqual([{ ...before.people[0], timeZone: "Europe/Lisbon" }, before.people[1]])
    expect(after.people[0]).toMatchObject({ manager: "boss@x.com", hireDate: "2019-03-01", workingHours: fullHours })
  })

  it("clears a parent, a description and a manager given as null", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    await org.run(createTeam({ key: "ops", name: "Ops", parentKey: "support", description: "Tools." }))
    const boss = await org.run(createPerson({ email: "boss@x.com" }))
    await org.run(createPerson({ email: "ana@x.com" }, boss))
    const result = await org.run(
      importOrgFile({
        teams: [{ key: "ops", parentKey: null, description: null }],
        people: [{ email: "ana@x.com", managerEmail: null }],
      }),
    )
    expect(result.teams).toEqual([
      {
        key: "ops",
        change: "updated",
        fields: { parentKey: { from: "support", to: null }, description: { from: "Tools.", to: null } },
      },
    ])
    expect(result.people).toEqual([
      { email: "ana@x.com", change: "updated", fields: { managerEmail: { from: "boss@x.com", to: null } } },
    ])
    const state = await org.run(orgState)
    expect(state.teams).toMatchObject([
      { key: "ops", parent: null, description: null },
      { key: "support", parent: null },
    ])
    expect(state.people.map((p) => [p.email, p.manager])).toEqual([
      ["ana@x.com", null],
      ["boss@x.com", null],
    ])
  })

  it("moves a stored parent below its subteam, in the order the parents need", async () => {
    await org.run(createTeam({ key: "support", name: "Support" }))
    await org.run(createTeam({ key: "ops", name: "Ops", parentKey: "support" }))
    const result = await org.run(
      importFile({
        teams: [
          { key: "support", parentKey: "ops" },
          { key: "ops", parentKey: null },
        ],
      }),
    )
    expect(result.teams).toEqual({ created: 0, updated: 2 })
    expect((await org.run(orgState)).teams.map((t) => [t.key, t.parent])).toEqual([
      ["ops", null],
      ["support", "ops"],
    ])
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
    expect(state.people.map((p) => [p.id, p.email, p.name, p.manager])).toEqual([
      [ana.id, "ana@x.com", "Ana", "boss@x.com"],
      [expect.any(String), "boss@x.com", "Someone", null],
    ])
  })

  describe("dry run", () => {
    it("reports what would be created, updated (with the fields) or unchanged, and writes nothing", async () => {
      await org.run(importFile(file))
      const before = await org.run(rows)
      const report = await org.run(
        dryRun({
          teams: [
            { key: "support", name: "Customer Support" },
            { key: "support-emea", description: "Athens and Nicosia." },
            { key: "support-apac", name: "Support APAC", parentKey: "support" },
          ],
          people: [
            { email: "boss@x.com", name: "Boss" },
            { email: "ana@x.com", teamKey: "support-apac", managerEmail: null, leftOn: "2024-12-31" },
            {
              name: "Kai",
              email: "kai@x.com",
              teamKey: "support-apac",
              timeZone: "Asia/Tokyo",
              managerEmail: "ana@x.com",
            },
          ],
        }),
      )
      expect(report).toEqual({
        dryRun: true,
        summary: { teams: { created: 1, updated: 1 }, people: { created: 1, updated: 1 } },
        teams: [
          { key: "support", change: "unchanged" },
          {
            key: "support-emea",
            change: "updated",
            fields: { description: { from: "Athens.", to: "Athens and Nicosia." } },
          },
          { key: "support-apac", change: "created" },
        ],
        people: [
          { email: "boss@x.com", change: "unchanged" },
          {
            email: "ana@x.com",
            change: "updated",
            fields: {
              teamKey: { from: "support-emea", to: "support-apac" },
              managerEmail: { from: "boss@x.com", to: null },
              leftOn: { from: null, to: "2024-12-31" },
            },
          },
          { email: "kai@x.com", change: "created" },
        ],
      })
      expect(await org.run(rows)).toEqual(before)
    })

    it("reports every problem as the import would, and writes nothing", async () => {
      const error = failureOf(await org.exit(dryRun({ teams: [{ key: "a", name: "A", parentKey: "b" }] })))
      expect(error.message).toBe('teams[0].parentKey: no team with key "b" in the file or in the database')
      expect(await org.run(counts)).toEqual({ teams: 0, people: 0 })
    })
  })

  describe("problems", () => {
    it("reports the problems of the form and of the references together, each at its place", async () => {
      await org.run(createTeam({ key: "support", name: "Support" }))
      const error = failureOf(
        await org.exit(
          importOrgFile({
            teams: [
              { key: "emea", name: "EMEA", parent: "asia", colour: "red" },
              { key: "Apac", name: "APAC" },
            ],
            people: [
              { name: "Ana", email: "ana@x.com", teamKey: "americas", timeZone: "UTC" },
              { name: "Bo", email: "bo@x.com", teamKey: "emea", timeZone: "Mars/Base", managerEmail: "ghost@x.com" },
              { email: "cy@x.com", teamKey: "emea", hireDate: "2024-02-30" },
              {
                name: "Di",
                email: "di@x.com",
                teamKey: "emea",
                timeZone: "UTC",
                hireDate: "2024-05-01",
                leftOn: "2024-04-30",
              },
            ],
          }),
        ),
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ path: ["teams", "0", "parent"] })
      expect(error.message.split("\n")).toEqual([
        'teams[0].parent: no team with key "asia" in the file or in the database',
        'teams[0].colour: is unexpected, expected: "key" | "name" | "parentKey" | "description" | "defaultAnnualSalary"',
        'teams[1].key: expected a lower-kebab key such as "support-emea", got "Apac"',
        'people[0].teamKey: no team with key "americas" in the file or in the database',
        'people[1].timeZone: unknown time zone "Mars/Base" (expected an IANA name such as "Europe/Athens")',
        "people[1].managerEmail: no person with email ghost@x.com in the file or in the database",
        "people[2].name: is missing: a person not stored yet needs name, teamKey and timeZone",
        "people[2].timeZone: is missing: a person not stored yet needs name, teamKey and timeZone",
        'people[2].hireDate: expected a date as YYYY-MM-DD, got "2024-02-30"',
        "people[3].leftOn: the leave date 2024-04-30 is before the hire date 2024-05-01",
      ])
      expect(await org.run(counts)).toEqual({ teams: 1, people: 0 })
    })

    it("refuses a team not stored yet without a name", async () => {
      const error = failureOf(await org.exit(importFile({ teams: [{ key: "emea" }] })))
      expect(error.message).toBe("teams[0].name: is missing: a team not stored yet needs a name")
    })

    it("refuses a cycle of parents in the file, at the first team of the cycle", async () => {
      const error = failureOf(
        await org.exit(
          importFile({
            teams: [
              { key: "top", name: "Top" },
              { key: "b", name: "B", parentKey: "c" },
              { key: "a", name: "A", parentKey: "b" },
              { key: "c", name: "C", parentKey: "a" },
              { key: "self", name: "Self", parent: "self" },
            ],
          }),
        ),
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error.message.split("\n")).toEqual([
        'teams[1].parentKey: a parent cycle would form: "b" is inside "c" is inside "a" is inside "b"',
        'teams[4].parent: a parent cycle would form: "self" is inside "self"',
      ])
      expect(await org.run(counts)).toEqual({ teams: 0, people: 0 })
    })

    it("refuses a cycle of parents through a stored team the file does not list", async () => {
      await org.run(createTeam({ key: "support", name: "Support" }))
      await org.run(createTeam({ key: "ops", name: "Ops", parentKey: "support" }))
      await org.run(createTeam({ key: "tools", name: "Tools", parentKey: "ops" }))
      const error = failureOf(await org.exit(importFile({ teams: [{ key: "support", parentKey: "tools" }] })))
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toBe(
        'teams[0].parentKey: a parent cycle would form: "support" is inside "tools" is inside "ops" is inside "support"',
      )
    })

    it("refuses a cycle of managers, through stored managers too, before writing anything", async () => {
      await org.run(createTeam({ key: "support", name: "Support" }))
      const head = await org.run(createPerson({ email: "head@x.com" }))
      const lead = await org.run(createPerson({ email: "lead@x.com" }, head))
      await org.run(createPerson({ email: "ana@x.com" }, lead))
      const before = await org.run(rows)
      const person = { teamKey: "support", timeZone: "UTC" }
      const error = failureOf(
        await org.exit(
          importFile({
            teams: [{ key: "support", name: "Renamed" }],
            people: [
              { ...person, name: "A", email: "a@x.com", managerEmail: "b@x.com" },
              { ...person, name: "B", email: "b@x.com", managerEmail: "a@x.com" },
              { email: "head@x.com", managerEmail: "ana@x.com" },
              { email: "me@x.com", name: "Me", ...person, managerEmail: "ME@x.com" },
            ],
          }),
        ),
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error.message.split("\n")).toEqual([
        "people[0].managerEmail: a manager cycle would form: a@x.com is managed by b@x.com is managed by a@x.com",
        "people[2].managerEmail: a manager cycle would form: head@x.com is managed by ana@x.com is managed by lead@x.com is managed by head@x.com",
        "people[3].managerEmail: me@x.com cannot be their own manager",
      ])
      expect(await org.run(rows)).toEqual(before)
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

    it("refuses a hire date after a stored leave date, at the hire date", async () => {
      await org.run(importFile(file))
      await org.run(importFile({ people: [{ email: "ana@x.com", leftOn: "2021-06-30" }] }))
      const left = await org.run(rows)
      const error = failureOf(
        await org.exit(
          importFile({
            people: [
              { email: "boss@x.com", name: "Boss Renamed" },
              { email: "ana@x.com", hireDate: "2021-07-01" },
            ],
          }),
        ),
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ path: ["people", "1", "hireDate"] })
      expect(error.message).toBe("people[1].hireDate: 2021-07-01 is after the leave date 2021-06-30")
      expect(await org.run(rows)).toEqual(left)
    })
  })

  describe("departures", () => {
    it("records a departure given in the file, keeps it when left out, and cancels it with null", async () => {
      await org.run(importFile(file))
      const recorded = await org.run(importOrgFile({ people: [{ email: "ana@x.com", leftOn: "2024-12-31" }] }))
      expect(recorded.people).toEqual([
        { email: "ana@x.com", change: "updated", fields: { leftOn: { from: null, to: "2024-12-31" } } },
      ])
      const ana = () => org.run(Effect.flatMap(PersonRepo, (r) => r.byEmail("ana@x.com")))
      expect(await ana()).toMatchObject({ status: "left", leftOn: "2024-12-31" })

      await org.run(importFile(file))
      expect(await ana()).toMatchObject({ status: "left", leftOn: "2024-12-31" })

      const moved = await org.run(importFile({ people: [{ email: "ana@x.com", leftOn: "2025-01-31" }] }))
      expect(moved.people).toEqual({ created: 0, updated: 1 })
      expect(await ana()).toMatchObject({ status: "left", leftOn: "2025-01-31" })

      await org.run(importFile({ people: [{ email: "ana@x.com", leftOn: null }] }))
      expect(await ana()).toMatchObject({ status: "active", leftOn: null })
    })

    it("rehires with a new hire date after the departure is cancelled", async () => {
      await org.run(importFile(file))
      await org.run(importFile({ people: [{ email: "ana@x.com", leftOn: "2022-03-31" }] }))
      await org.run(importFile({ people: [{ email: "ana@x.com", leftOn: null, hireDate: "2024-09-02" }] }))
      expect(await org.run(Effect.flatMap(PersonRepo, (r) => r.byEmail("ana@x.com")))).toMatchObject({
        status: "active",
        leftOn: null,
        hireDate: "2024-09-02",
      })
    })

    it("creates a person who already left", async () => {
      await org.run(importFile({ ...file, people: [{ ...file.people[1], leftOn: "2020-12-31" }] }))
      expect(await org.run(Effect.flatMap(PersonRepo, (r) => r.byEmail("boss@x.com")))).toMatchObject({
        status: "left",
        leftOn: "2020-12-31",
        hireDate: "2015-06-15",
      })
    })
  })

  it("leaves the data as it was when a write in the middle is refused", async () => {
    await org.run(importFile(file))
    const before = await org.run(rows)
    const refusing = Effect.flatMap(PersonRepo, (repo) =>
      Effect.provideService(
        importFile({
          teams: [{ key: "support", name: "Renamed" }],
          people: [
            { email: "boss@x.com", name: "Boss Renamed" },
            { email: "ana@x.com", leftOn: "2024-12-31" },
          ],
        }),
        PersonRepo,
        { ...repo, recordDeparture: () => Effect.fail(new ConflictError({ message: "refused" })) },
      ),
    )
    const error = failureOf(await org.exit(refusing))
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.message).toBe("people[1].leftOn: refused")
    expect(await org.run(rows)).toEqual(before)
  })

  it("imports an empty file", async () => {
    expect(await org.run(importFile({}))).toEqual({
      teams: { created: 0, updated: 0 },
      people: { created: 0, updated: 0 },
    })
  })

  it("reads what it checks in a fixed number of statements, whatever the size of the file", async () => {
    const sizes = [1, 30]
    const sent: Array<number> = []
    for (const size of sizes) {
      const teams = Array.from({ length: size }, (_, i) => ({ key: `t${size}-${i}`, name: `T${i}` }))
      const people = teams.map((t, i) => ({
        name: `P${i}`,
        email: `p${size}-${i}@x.com`,
        teamKey: t.key,
        timeZone: "UTC",
      }))
      await org.run(importFile({ teams, people }))
      org.statements.reset()
      await org.run(dryRun({ teams, people }))
      sent.push(org.statements.sent().length)
    }
    expect(sent[1]).toBe(sent[0])
  })

  it("keeps importOrg, which takes a decoded file and answers the counts", async () => {
    expect(await org.run(importOrg(Schema.decodeUnknownSync(OrgFile)(file)))).toEqual({
      teams: { created: 2, updated: 0 },
      people: { created: 2, updated: 0 },
    })
  })

  describe("salaries", () => {
    const salaries = {
      teams: [{ key: "support", name: "Support", defaultAnnualSalary: 45000 }],
      people: [
        { name: "Ana", email: "ana@x.com", teamKey: "support", timeZone: "UTC", annualSalary: 52000.5 },
        { name: "Ben", email: "ben@x.com", teamKey: "support", timeZone: "UTC" },
      ],
    }
    const stored = async () => {
      const { teams, people } = await org.run(orgState)
      return {
        team: teams[0]?.defaultAnnualSalary,
        people: people.map((p) => [p.email, p.annualSalary]),
      }
    }

    it("creates them, keeps them when left out, reports a change, and clears them with null", async () => {
      await org.run(importFile(salaries))
      expect(await stored()).toEqual({
        team: 45000,
        people: [
          ["ana@x.com", 52000.5],
          ["ben@x.com", null],
        ],
      })
      expect(await org.run(importFile({ people: [{ email: "ana@x.com", name: "Ana Lima" }] }))).toMatchObject({
        people: { created: 0, updated: 1 },
      })
      expect(await stored()).toEqual({
        team: 45000,
        people: [
          ["ana@x.com", 52000.5],
          ["ben@x.com", null],
        ],
      })
      const change = {
        teams: [{ key: "support", defaultAnnualSalary: null }],
        people: [{ email: "ana@x.com", annualSalary: 54000 }],
      }
      const planned = await org.run(dryRun(change))
      expect(planned.teams).toEqual([
        { key: "support", change: "updated", fields: { defaultAnnualSalary: { from: 45000, to: null } } },
      ])
      expect(planned.people).toEqual([
        { email: "ana@x.com", change: "updated", fields: { annualSalary: { from: 52000.5, to: 54000 } } },
      ])
      await org.run(importFile(change))
      expect(await stored()).toEqual({
        team: null,
        people: [
          ["ana@x.com", 54000],
          ["ben@x.com", null],
        ],
      })
      expect(await org.run(importFile(change))).toEqual({
        teams: { created: 0, updated: 0 },
        people: { created: 0, updated: 0 },
      })
    })

    it("refuses a salary below 0 or that is not a number, at its place in the file", async () => {
      const error = await org
        .exit(
          importFile({
            teams: [{ key: "support", name: "Support", defaultAnnualSalary: -1 }],
            people: [{ name: "Ana", email: "ana@x.com", teamKey: "support", timeZone: "UTC", annualSalary: "lots" }],
          }),
        )
        .then(failureOf)
      expect(error).toBeInstanceOf(InputError)
      expect(error.message.split("\n")).toEqual([
        "teams[0].defaultAnnualSalary: expected an annual salary of 0 or more, got -1",
        'people[0].annualSalary: expected an annual salary of 0 or more, got "lots"',
      ])
    })
  })
})
