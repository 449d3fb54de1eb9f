import { encodeGlobalID } from "@teamops/core"
import { mutationsOf, payloadSelection, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { graphql, graphqlData, openOrg, type TestOrg, todayIn, warmPool } from "./support.js"

const person = `id name email timeZone hireDate status leftOn team { key } manager { email }`
const team = `id key name description parent { key }`

const mutations = {
  createTeam: ["CreateTeamInput", payloadSelection("CreateTeamSuccess", "team", team)],
  updateTeam: ["UpdateTeamInput", payloadSelection("UpdateTeamSuccess", "team", team)],
  createPerson: ["CreatePersonInput", payloadSelection("CreatePersonSuccess", "person", person)],
  updatePerson: ["UpdatePersonInput", payloadSelection("UpdatePersonSuccess", "person", person)],
  setManager: ["SetManagerInput", payloadSelection("SetManagerSuccess", "person", person)],
  recordDeparture: ["RecordDepartureInput", payloadSelection("RecordDepartureSuccess", "person", person)],
  cancelDeparture: ["CancelDepartureInput", payloadSelection("CancelDepartureSuccess", "person", person)],
} as const

describe.each(testDialects())("org GraphQL API on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  const query = (text: string, variables: Record<string, unknown> = {}) => graphqlData(org.server, text, variables)

  /** Runs a mutation and returns its payload; an error must be a payload, never a GraphQL error. */
  const mutate = mutationsOf(() => org.server, mutations)

  /** Creates a person with only the required fields (and any given) and returns it. */
  const hire = async (email: string, teamKey: string, more: Record<string, unknown> = {}) => {
    const created = await mutate("createPerson", {
      name: email.split("@")[0],
      email,
      timeZone: "Europe/Athens",
      teamKey,
      ...more,
    })
    expect(created.__typename).toBe("CreatePersonSuccess")
    return created.person
  }

  const createTeam = async (key: string, more: Record<string, unknown> = {}) => {
    const created = await mutate("createTeam", { key, name: key, ...more })
    expect(created.__typename).toBe("CreateTeamSuccess")
    return created.team
  }

  describe("teams", () => {
    it("createTeam returns the team, with its parent", async () => {
      const support = await mutate("createTeam", {
        key: "support",
        name: "Customer Support",
        description: "Answers customers.",
      })
      expect(support).toEqual({
        __typename: "CreateTeamSuccess",
        team: {
          id: support.team.id,
          key: "support",
          name: "Customer Support",
          description: "Answers customers.",
          parent: null,
        },
      })
      const emea = await mutate("createTeam", { key: "support-emea", name: "Support EMEA", parentKey: "support" })
      expect(emea.team).toMatchObject({ key: "support-emea", description: null, parent: { key: "support" } })
    })

    it("createTeam answers a duplicate key, an unknown parent and a malformed key with typed errors", async () => {
      await createTeam("support")
      expect(await mutate("createTeam", { key: "support", name: "Again" })).toEqual({
        __typename: "ConflictError",
        message: `a team with key "support" already exists`,
      })
      expect(await mutate("createTeam", { key: "emea", name: "EMEA", parentKey: "nowhere" })).toEqual({
        __typename: "NotFoundError",
        message: `no team with key "nowhere"`,
        entity: "Team",
        key: "nowhere",
      })
      const malformed = await mutate("createTeam", { key: "Support EMEA", name: "EMEA" })
      expect(malformed).toMatchObject({ __typename: "InputError", path: ["input", "key"] })
      expect(malformed.message).toContain(`expected a lower-kebab key such as "support-emea", got "Support EMEA"`)
      expect((await query(`{ teams { totalCount } }`)).teams.totalCount).toBe(1)
    })

    it("updateTeam renames, moves and clears, and refuses a cycle", async () => {
      await createTeam("support")
      await createTeam("ops", { parentKey: "support" })
      await createTeam("tools", { parentKey: "ops", description: "Internal tools." })

      const renamed = await mutate("updateTeam", { key: "tools", name: "Tooling" })
      expect(renamed.team).toMatchObject({
        key: "tools",
        name: "Tooling",
        description: "Internal tools.",
        parent: { key: "ops" },
      })
      const moved = await mutate("updateTeam", { key: "tools", parentKey: "support", description: null })
      expect(moved.team).toMatchObject({ name: "Tooling", description: null, parent: { key: "support" } })
      const detached = await mutate("updateTeam", { key: "tools", parentKey: null })
      expect(detached.team.parent).toBeNull()

      expect(await mutate("updateTeam", { key: "support", parentKey: "ops" })).toEqual({
        __typename: "ConflictError",
        message: `team "ops" cannot be the parent of "support": it is "support" or one of its subteams`,
      })
      expect(await mutate("updateTeam", { key: "ghost", name: "Ghost" })).toMatchObject({
        __typename: "NotFoundError",
        entity: "Team",
        key: "ghost",
      })
      expect((await query(`{ team(key: "support") { parent { key } } }`)).team.parent).toBeNull()
    })

    it("teams(first, after) pages by key with cursors and page info", async () => {
      for (const key of ["delta", "alpha", "echo", "charlie", "bravo"]) await createTeam(key)
      const page = (variables: Record<string, unknown>) =>
        query(
          `query($first: Int, $after: String) {
            teams(first: $first, after: $after) {
              totalCount
              edges { cursor node { key } }
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            }
          }`,
          variables,
        ).then((data) => data.teams)

      const first = await page({ first: 2 })
      expect(first.edges.map((e: any) => e.node.key)).toEqual(["alpha", "bravo"])
      expect(first.totalCount).toBe(5)
      expect(first.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: first.edges[0].cursor,
        endCursor: first.edges[1].cursor,
      })
      const second = await page({ first: 2, after: first.pageInfo.endCursor })
      expect(second.edges.map((e: any) => e.node.key)).toEqual(["charlie", "delta"])
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true })
      const last = await page({ first: 2, after: second.pageInfo.endCursor })
      expect(last.edges.map((e: any) => e.node.key)).toEqual(["echo"])
      expect(last.pageInfo).toMatchObject({ hasNextPage: false, endCursor: last.edges[0].cursor })
      expect(last.totalCount).toBe(5)

      // Without first, a page holds up to 20.
      expect((await page({})).edges).toHaveLength(5)
    })

    it("team(key) shows members, subteams and parent", async () => {
      await createTeam("support", { description: "Everyone." })
      for (const key of ["support-emea", "support-apac", "support-ops"]) await createTeam(key, { parentKey: "support" })
      for (const email of ["cy@x.com", "ana@x.com", "bo@x.com"]) await hire(email, "support")
      await hire("dee@x.com", "support-emea")

      const data = await query(`{
        team(key: "support") {
          key name description parent { key }
          members(first: 2) { totalCount edges { node { email team { key } } } pageInfo { hasNextPage } }
          subteams(first: 2) { totalCount edges { node { key parent { key } members { totalCount } } } pageInfo { hasNextPage } }
        }
        emea: team(key: "support-emea") { parent { key description } members { totalCount edges { node { email } } } }
        missing: team(key: "nowhere") { key }
      }`)
      expect(data.team).toEqual({
        key: "support",
        name: "support",
        description: "Everyone.",
        parent: null,
        members: {
          totalCount: 3,
          edges: [
            { node: { email: "ana@x.com", team: { key: "support" } } },
            { node: { email: "bo@x.com", team: { key: "support" } } },
          ],
          pageInfo: { hasNextPage: true },
        },
        subteams: {
          totalCount: 3,
          edges: [
            { node: { key: "support-apac", parent: { key: "support" }, members: { totalCount: 0 } } },
            { node: { key: "support-emea", parent: { key: "support" }, members: { totalCount: 1 } } },
          ],
          pageInfo: { hasNextPage: true },
        },
      })
      expect(data.emea).toEqual({
        parent: { key: "support", description: "Everyone." },
        members: { totalCount: 1, edges: [{ node: { email: "dee@x.com" } }] },
      })
      expect(data.missing).toBeNull()
    })

    it("members(status) filters, and its totalCount follows the filter", async () => {
      await createTeam("support")
      await hire("ana@x.com", "support")
      const bo = await hire("bo@x.com", "support", { hireDate: "2020-01-01" })
      await mutate("recordDeparture", { personId: bo.id, leftOn: "2021-01-01" })
      const data = await query(`{
        team(key: "support") {
          all: members { totalCount edges { node { email } } }
          active: members(status: ACTIVE) { totalCount edges { node { email } } }
          left: members(status: LEFT) { totalCount edges { node { email status } } }
        }
      }`)
      expect(data.team.all).toEqual({
        totalCount: 2,
        edges: [{ node: { email: "ana@x.com" } }, { node: { email: "bo@x.com" } }],
      })
      expect(data.team.active).toEqual({ totalCount: 1, edges: [{ node: { email: "ana@x.com" } }] })
      expect(data.team.left).toEqual({ totalCount: 1, edges: [{ node: { email: "bo@x.com", status: "LEFT" } }] })
    })
  })

  describe("people", () => {
    it("createPerson needs only name, email, time zone and team; the rest defaults", async () => {
      await createTeam("support")
      const created = await mutate("createPerson", {
        name: " Ana Costa ",
        email: "Ana.Costa@Example.COM",
        timeZone: "Pacific/Kiritimati",
        teamKey: "support",
      })
      expect(created.__typename).toBe("CreatePersonSuccess")
      expect(created.person).toMatchObject({
        name: "Ana Costa",
        email: "ana.costa@example.com",
        timeZone: "Pacific/Kiritimati",
        status: "ACTIVE",
        leftOn: null,
        team: { key: "support" },
        manager: null,
      })
      // Today on Kiritimati (UTC+14), which is often not today in UTC; the date may turn meanwhile.
      expect([todayIn("Pacific/Kiritimati"), todayIn("Pacific/Kiritimati", new Date(Date.now() - 60_000))]).toContain(
        created.person.hireDate,
      )
      const hours = await query(
        `query($id: ID!) { person(id: $id) { workingHours { mon { start end } tue { start end } fri { start end } sat { start end } sun { start end } } } }`,
        { id: created.person.id },
      )
      const nineToFive = [{ start: "09:00", end: "17:00" }]
      expect(hours.person.workingHours).toEqual({ mon: nineToFive, tue: nineToFive, fri: nineToFive, sat: [], sun: [] })
    })

    it("createPerson keeps a given hire date, working hours and manager", async () => {
      await createTeam("support")
      const boss = await hire("boss@x.com", "support")
      const created = await mutate("createPerson", {
        name: "Bo",
        email: "bo@x.com",
        timeZone: "America/New_York",
        teamKey: "support",
        hireDate: "2021-03-01",
        workingHours: { sat: [{ start: "10:00", end: "14:00" }] },
        managerId: boss.id,
      })
      expect(created.person).toMatchObject({ hireDate: "2021-03-01", manager: { email: "boss@x.com" } })
      const hours = await query(
        `query($id: ID!) { person(id: $id) { workingHours { mon { start } sat { start end } } } }`,
        {
          id: created.person.id,
        },
      )
      expect(hours.person.workingHours).toEqual({ mon: [], sat: [{ start: "10:00", end: "14:00" }] })
    })

    it("createPerson answers bad input with InputError naming the field", async () => {
      await createTeam("support")
      const base = { name: "Ana", email: "ana@x.com", timeZone: "Europe/Lisbon", teamKey: "support" }

      const zone = await mutate("createPerson", { ...base, timeZone: "Mars/Olympus" })
      expect(zone).toMatchObject({ __typename: "InputError", path: ["input", "timeZone"] })
      expect(zone.message).toBe(
        `input.timeZone: unknown time zone "Mars/Olympus" (expected an IANA name such as "Europe/Athens")`,
      )

      const email = await mutate("createPerson", { ...base, email: "ana-at-x.com" })
      expect(email).toMatchObject({ __typename: "InputError", path: ["input", "email"] })
      expect(email.message).toContain(`expected an email address such as "ana@example.com", got "ana-at-x.com"`)

      const date = await mutate("createPerson", { ...base, hireDate: "2021-02-30" })
      expect(date).toMatchObject({ __typename: "InputError", path: ["input", "hireDate"] })
      expect(date.message).toContain(`expected a date as YYYY-MM-DD, got "2021-02-30"`)

      const hours = await mutate("createPerson", { ...base, workingHours: { mon: [{ start: "17:00", end: "09:00" }] } })
      expect(hours).toMatchObject({ __typename: "InputError" })
      expect(hours.path.slice(0, 3)).toEqual(["input", "workingHours", "mon"])
      expect(hours.message).toContain("expected start 17:00 before end 09:00")

      const manager = await mutate("createPerson", { ...base, managerId: encodeGlobalID("Team", "x") })
      expect(manager).toMatchObject({ __typename: "InputError", path: ["input", "managerId"] })
      expect(manager.message).toContain("expected the id of a Person")

      expect((await query(`{ people { totalCount } }`)).people.totalCount).toBe(0)
    })

    it("createPerson refuses a duplicate email in any case and an unknown team", async () => {
      await createTeam("support")
      await hire("ana@x.com", "support")
      expect(
        await mutate("createPerson", { name: "Ana 2", email: "ANA@x.com", timeZone: "UTC", teamKey: "support" }),
      ).toEqual({
        __typename: "ConflictError",
        message: "a person with email ana@x.com already exists",
      })
      expect(
        await mutate("createPerson", { name: "Bo", email: "bo@x.com", timeZone: "UTC", teamKey: "nowhere" }),
      ).toEqual({
        __typename: "NotFoundError",
        message: `no team with key "nowhere"`,
        entity: "Team",
        key: "nowhere",
      })
      expect((await query(`{ people { totalCount edges { node { email } } } }`)).people).toEqual({
        totalCount: 1,
        edges: [{ node: { email: "ana@x.com" } }],
      })
    })

    it("answers the same email sent twice at the same time with one ConflictError payload", async () => {
      await createTeam("support")
      await warmPool(org)
      const input = { name: "Ana", email: "ana@x.com", timeZone: "UTC", teamKey: "support" }
      const answers = await Promise.all([
        mutate("createPerson", input),
        mutate("createPerson", { ...input, email: "Ana@X.com" }),
      ])
      expect(answers.map((a) => a.__typename).sort()).toEqual(["ConflictError", "CreatePersonSuccess"])
      expect(answers.find((a) => a.__typename === "ConflictError").message).toBe(
        "a person with email ana@x.com already exists",
      )
    })

    it("updatePerson changes the fields given and keeps the others", async () => {
      await createTeam("support")
      await createTeam("ops")
      const ana = await hire("ana@x.com", "support", { hireDate: "2020-01-01" })
      await hire("bo@x.com", "support")

      const updated = await mutate("updatePerson", {
        id: ana.id,
        name: "Ana Costa",
        email: "Ana.Costa@X.com",
        timeZone: "Europe/Lisbon",
        teamKey: "ops",
        workingHours: { mon: [{ start: "08:00", end: "16:00" }] },
      })
      expect(updated).toEqual({
        __typename: "UpdatePersonSuccess",
        person: {
          ...ana,
          name: "Ana Costa",
          email: "ana.costa@x.com",
          timeZone: "Europe/Lisbon",
          team: { key: "ops" },
        },
      })
      const hours = await query(
        `query($id: ID!) { person(id: $id) { workingHours { mon { start end } tue { start } } } }`,
        { id: ana.id },
      )
      expect(hours.person.workingHours).toEqual({ mon: [{ start: "08:00", end: "16:00" }], tue: [] })

      expect(await mutate("updatePerson", { id: ana.id, email: "BO@x.com" })).toEqual({
        __typename: "ConflictError",
        message: "a person with email bo@x.com already exists",
      })
      expect(await mutate("updatePerson", { id: ana.id, timeZone: "Mars/Olympus" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "timeZone"],
        message: expect.stringContaining("Mars/Olympus"),
      })
      expect(await mutate("updatePerson", { id: encodeGlobalID("Person", "ghost"), name: "Ghost" })).toMatchObject({
        __typename: "NotFoundError",
        entity: "Person",
        key: "ghost",
      })
      expect(await mutate("updatePerson", { id: "nonsense", name: "X" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "id"],
      })
      expect((await query(`query($id: ID!) { person(id: $id) { email } }`, { id: ana.id })).person.email).toBe(
        "ana.costa@x.com",
      )
    })

    it("setManager sets, refuses cycles and self-management, and clears with managerId null", async () => {
      await createTeam("support")
      const a = await hire("a@x.com", "support")
      const b = await hire("b@x.com", "support")

      const set = await mutate("setManager", { personId: b.id, managerId: a.id })
      expect(set).toMatchObject({
        __typename: "SetManagerSuccess",
        person: { email: "b@x.com", manager: { email: "a@x.com" } },
      })

      const cycle = await mutate("setManager", { personId: a.id, managerId: b.id })
      expect(cycle).toEqual({
        __typename: "ConflictError",
        message: "a manager cycle would form: a@x.com is managed by b@x.com is managed by a@x.com",
      })
      expect(await mutate("setManager", { personId: a.id, managerId: a.id })).toEqual({
        __typename: "ConflictError",
        message: "a@x.com cannot be their own manager",
      })
      expect(
        await mutate("setManager", { personId: a.id, managerId: encodeGlobalID("Person", "ghost") }),
      ).toMatchObject({
        __typename: "NotFoundError",
        entity: "Person",
        key: "ghost",
      })

      const cleared = await mutate("setManager", { personId: b.id, managerId: null })
      expect(cleared).toMatchObject({ __typename: "SetManagerSuccess", person: { email: "b@x.com", manager: null } })
      expect(
        (await query(`query($id: ID!) { person(id: $id) { manager { email } } }`, { id: b.id })).person.manager,
      ).toBeNull()
    })

    it("recordDeparture records the leave date and refuses one before the hire date", async () => {
      await createTeam("support")
      const ana = await hire("ana@x.com", "support", { hireDate: "2020-03-01" })

      expect(await mutate("recordDeparture", { personId: ana.id, leftOn: "2020-02-29" })).toEqual({
        __typename: "InputError",
        message: "input.leftOn: the leave date 2020-02-29 is before the hire date 2020-03-01",
        path: ["input", "leftOn"],
      })
      expect(await mutate("recordDeparture", { personId: ana.id, leftOn: "2020-13-01" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "leftOn"],
      })
      const stillActive = await query(`query($id: ID!) { person(id: $id) { status leftOn } }`, { id: ana.id })
      expect(stillActive.person).toEqual({ status: "ACTIVE", leftOn: null })

      const left = await mutate("recordDeparture", { personId: ana.id, leftOn: "2024-05-31" })
      expect(left).toEqual({
        __typename: "RecordDepartureSuccess",
        person: { ...ana, status: "LEFT", leftOn: "2024-05-31" },
      })
    })

    it("recordDeparture refuses a second departure, and cancelDeparture undoes one", async () => {
      await createTeam("support")
      const ana = await hire("ana@x.com", "support", { hireDate: "2020-03-01" })
      await mutate("recordDeparture", { personId: ana.id, leftOn: "2024-05-31" })

      expect(await mutate("recordDeparture", { personId: ana.id, leftOn: "2024-06-30" })).toEqual({
        __typename: "ConflictError",
        message: "ana@x.com already left on 2024-05-31: cancel that departure before recording another",
      })
      const cancelled = await mutate("cancelDeparture", { personId: ana.id })
      expect(cancelled).toEqual({
        __typename: "CancelDepartureSuccess",
        person: { ...ana, status: "ACTIVE", leftOn: null },
      })
      const active = await query(`{ team(key: "support") { members(status: ACTIVE) { totalCount } } }`)
      expect(active.team.members.totalCount).toBe(1)

      expect(await mutate("cancelDeparture", { personId: ana.id })).toEqual({
        __typename: "ConflictError",
        message: "ana@x.com has not left: there is no departure to cancel",
      })
      expect(await mutate("cancelDeparture", { personId: encodeGlobalID("Person", "ghost") })).toMatchObject({
        __typename: "NotFoundError",
        message: 'no person with id "ghost"',
      })
      expect(await mutate("cancelDeparture", { personId: "nope" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "personId"],
      })

      // A rehire: the departure is recorded again later, after a new hire date.
      await mutate("recordDeparture", { personId: ana.id, leftOn: "2024-05-31" })
      await mutate("cancelDeparture", { personId: ana.id })
      const rehired = await mutate("updatePerson", { id: ana.id, hireDate: "2025-09-01" })
      expect(rehired.person).toMatchObject({ status: "ACTIVE", hireDate: "2025-09-01", leftOn: null })
    })

    it("people(first, after, teamKey, status) pages by email and filters", async () => {
      await createTeam("support")
      await createTeam("ops")
      for (const email of ["dan@x.com", "amy@x.com", "cat@x.com"]) await hire(email, "support")
      await hire("bob@x.com", "ops")
      const eve = await hire("eve@x.com", "ops", { hireDate: "2020-01-01" })
      await mutate("recordDeparture", { personId: eve.id, leftOn: "2021-01-01" })

      const page = (variables: Record<string, unknown>) =>
        query(
          `query($first: Int, $after: String, $teamKey: String, $status: PersonStatus) {
            people(first: $first, after: $after, teamKey: $teamKey, status: $status) {
              totalCount
              edges { cursor node { email } }
              pageInfo { hasNextPage hasPreviousPage endCursor }
            }
          }`,
          variables,
        ).then((data) => ({ ...data.people, emails: data.people.edges.map((e: any) => e.node.email) }))

      const first = await page({ first: 2 })
      expect(first.emails).toEqual(["amy@x.com", "bob@x.com"])
      expect(first.totalCount).toBe(5)
      expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[1].cursor })
      const second = await page({ first: 2, after: first.pageInfo.endCursor })
      expect(second.emails).toEqual(["cat@x.com", "dan@x.com"])
      const third = await page({ first: 2, after: second.pageInfo.endCursor })
      expect(third.emails).toEqual(["eve@x.com"])
      expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true })

      expect(await page({ teamKey: "ops" })).toMatchObject({ totalCount: 2, emails: ["bob@x.com", "eve@x.com"] })
      expect(await page({ status: "LEFT" })).toMatchObject({ totalCount: 1, emails: ["eve@x.com"] })
      expect(await page({ teamKey: "ops", status: "ACTIVE" })).toMatchObject({ totalCount: 1, emails: ["bob@x.com"] })
      expect(await page({ teamKey: "support", first: 1, after: first.edges[0].cursor })).toMatchObject({
        totalCount: 3,
        emails: ["cat@x.com"],
        pageInfo: { hasNextPage: true },
      })

      const unknown = await graphql(org.server, `{ people(teamKey: "nowhere") { totalCount } }`)
      expect(unknown.errors?.[0]?.message).toBe(`teamKey: no team with key "nowhere"`)
    })

    it("person(id) finds a person by global id, and answers null or an error otherwise", async () => {
      await createTeam("support")
      const boss = await hire("boss@x.com", "support")
      const ana = await hire("ana@x.com", "support", { managerId: boss.id })
      const data = await query(
        `query($id: ID!, $ghost: ID!) {
          person(id: $id) { id email team { key } manager { email manager { email } } }
          ghost: person(id: $ghost) { email }
        }`,
        { id: ana.id, ghost: encodeGlobalID("Person", "ghost") },
      )
      expect(data.person).toEqual({
        id: ana.id,
        email: "ana@x.com",
        team: { key: "support" },
        manager: { email: "boss@x.com", manager: null },
      })
      expect(data.ghost).toBeNull()

      const teamId = (await query(`{ team(key: "support") { id } }`)).team.id
      const wrong = await graphql(org.server, `query($id: ID!) { person(id: $id) { email } }`, { id: teamId })
      expect(wrong.errors?.[0]?.message).toBe(`id: expected the id of a Person, got ${JSON.stringify(teamId)}`)
    })

    it("person(email) finds a person by email in any case, and answers null or an error otherwise", async () => {
      await createTeam("support")
      const boss = await hire("boss@x.com", "support")
      await hire("ana@x.com", "support", { managerId: boss.id })
      const data = await query(
        `{
          person(email: " Ana@X.com") { email manager { email } }
          ghost: person(email: "ghost@x.com") { email }
        }`,
      )
      expect(data.person).toEqual({ email: "ana@x.com", manager: { email: "boss@x.com" } })
      expect(data.ghost).toBeNull()

      const bad = await graphql(org.server, `{ person(email: "ana") { email } }`)
      expect(bad.errors?.map((e) => [e.message, (e as { extensions?: { code?: string } }).extensions?.code])).toEqual([
        ['email: expected an email address such as "ana@example.com", got "ana"', "BAD_USER_INPUT"],
      ])
      for (const args of ["", `(id: "${boss.id}", email: "boss@x.com")`]) {
        const wrong = await graphql(org.server, `{ person${args} { email } }`)
        expect(
          wrong.errors?.map((e) => [e.message, (e as { extensions?: { code?: string } }).extensions?.code]),
          args,
        ).toEqual([["give exactly one of id and email", "BAD_USER_INPUT"]])
      }
    })
  })

  describe("nodes", () => {
    it("node(id) resolves a Team and a Person", async () => {
      const support = await createTeam("support", { description: "Everyone." })
      const ana = await hire("ana@x.com", "support")
      const data = await query(
        `query($team: ID!, $person: ID!, $ghost: ID!) {
          team: node(id: $team) { __typename id ... on Team { key description } }
          person: node(id: $person) { __typename id ... on Person { email team { key } } }
          ghost: node(id: $ghost) { id }
        }`,
        { team: support.id, person: ana.id, ghost: encodeGlobalID("Person", "ghost") },
      )
      expect(data.team).toEqual({ __typename: "Team", id: support.id, key: "support", description: "Everyone." })
      expect(data.person).toEqual({ __typename: "Person", id: ana.id, email: "ana@x.com", team: { key: "support" } })
      expect(data.ghost).toBeNull()
    })
  })

  describe("limits and recovery", () => {
    it("refuses first above 100 on teams, people and members", async () => {
      await createTeam("support")
      for (const [field, text] of [
        ["teams", `{ teams(first: 500) { totalCount } }`],
        ["people", `{ people(first: 500) { totalCount } }`],
        ["members", `{ team(key: "support") { members(first: 500) { totalCount } } }`],
      ] as const) {
        const result = await graphql(org.server, text)
        expect(result.errors, field).toHaveLength(1)
        const message = result.errors?.[0]?.message ?? ""
        expect(message, field).toContain("first must be")
        expect(message, field).toContain("100")
        expect(message, field).toContain("500")
      }
      // 100 itself is allowed.
      expect((await query(`{ teams(first: 100) { totalCount } }`)).teams.totalCount).toBe(1)
    })

    it("still answers a normal query after errors", async () => {
      await createTeam("support")
      await hire("ana@x.com", "support")
      await mutate("createPerson", { name: "X", email: "x@x.com", timeZone: "Mars/Olympus", teamKey: "support" })
      await mutate("createPerson", { name: "Ana", email: "ana@x.com", timeZone: "UTC", teamKey: "support" })
      await graphql(org.server, `{ teams(first: 500) { totalCount } }`)
      await graphql(org.server, `{ nosuchfield }`)
      expect(
        await query(`{ teams { totalCount edges { node { key members { totalCount edges { node { email } } } } } } }`),
      ).toEqual({
        teams: {
          totalCount: 1,
          edges: [{ node: { key: "support", members: { totalCount: 1, edges: [{ node: { email: "ana@x.com" } }] } } }],
        },
      })
    })
  })
})
