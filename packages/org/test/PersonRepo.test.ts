import { ConflictError, InputError, NotFoundError, officeHours } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect, Schema, TestClock, TestContext } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { orgIsEmpty, seedOrg } from "../src/demo.js"
import { type Person, type PersonStatus, UpdatePersonInput } from "../src/Person.js"
import { PersonRepo, type PersonRepoService } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import {
  failureOf,
  openOrg,
  personInput,
  refusedWhenRacing,
  type TestOrg,
  teamInput,
  todayIn,
  warmPool,
} from "./support.js"

const people = <A, E>(f: (repo: PersonRepoService) => Effect.Effect<A, E>) => Effect.flatMap(PersonRepo, f)

const createTeam = (key: string) => Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key })))

/** Creates a person the way the GraphQL layer does: the input decoded, the manager an internal id. */
const createPerson = (fields: {
  readonly email: string
  readonly teamKey: string
  readonly name?: string
  readonly timeZone?: string
  readonly hireDate?: string
  readonly managerId?: string
}) => {
  const { managerId, ...rest } = fields
  const input = personInput({ name: fields.email.split("@")[0], timeZone: "Europe/Athens", ...rest })
  return people((r) => r.create(managerId === undefined ? input : { ...input, managerId: managerId as Person["id"] }))
}

const setManager = (person: Person, manager: Person | null) =>
  people((r) => r.setManager({ personId: person.id, managerId: manager?.id ?? null }))

const updatePerson = (person: Person, fields: Record<string, unknown>) =>
  people((r) =>
    r.update({ ...Schema.decodeUnknownSync(UpdatePersonInput.pipe(Schema.omit("id")))(fields), id: person.id }),
  )

const count = (filter: { teamId?: string; status?: PersonStatus } = {}) =>
  people((r) => r.count(filter as Parameters<PersonRepoService["count"]>[0]))

/** Runs `effect` with the clock stopped at `iso`. */
const at =
  (iso: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    TestClock.setTime(Date.parse(iso)).pipe(Effect.zipRight(effect), Effect.provide(TestContext.TestContext))

describe.each(testDialects())("PersonRepo on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
    await org.run(createTeam("support"))
  })
  afterEach(async () => {
    await org.close()
  })

  describe("create", () => {
    it("fills in the defaults: hired today in the person's zone, office hours, active, no manager", async () => {
      const created = await org.run(
        createPerson({ email: "ana@x.com", name: "Ana", timeZone: "Asia/Tokyo", teamKey: "support" }),
      )
      const team = await org.run(Effect.flatMap(TeamRepo, (r) => r.byKey("support")))
      expect(created).toMatchObject({
        name: "Ana",
        email: "ana@x.com",
        timeZone: "Asia/Tokyo",
        teamId: team?.id,
        managerId: null,
        status: "active",
        leftOn: null,
      })
      expect(created.workingHours).toEqual(officeHours)
      expect(created.workingHours.mon).toEqual([{ start: "09:00", end: "17:00" }])
      expect(created.workingHours.sat).toEqual([])
      // The date may turn between the write and this check.
      expect([todayIn("Asia/Tokyo"), todayIn("Asia/Tokyo", new Date(Date.now() - 60_000))]).toContain(created.hireDate)
      expect(await org.run(people((r) => r.byIds([created.id])))).toEqual([created])
    })

    it("takes today's date in the person's own time zone, not the server's", async () => {
      // 2026-03-28 20:00 UTC is already the 29th on Kiritimati (UTC+14), still the 28th in Los Angeles.
      const hire = (email: string, timeZone: string) =>
        org.run(at("2026-03-28T20:00:00Z")(createPerson({ email, timeZone, teamKey: "support" })))
      expect((await hire("kiri@x.com", "Pacific/Kiritimati")).hireDate).toBe("2026-03-29")
      expect((await hire("la@x.com", "America/Los_Angeles")).hireDate).toBe("2026-03-28")
      expect((await hire("utc@x.com", "UTC")).hireDate).toBe("2026-03-28")
    })

    it("keeps a given hire date and working hours", async () => {
      const hours = { mon: [{ start: "08:00", end: "12:00" }], sat: [{ start: "10:00", end: "14:00" }] }
      const created = await org.run(
        people((r) =>
          r.create(
            personInput({
              name: "Bo",
              email: "bo@x.com",
              timeZone: "UTC",
              teamKey: "support",
              hireDate: "2020-01-31",
              workingHours: hours,
            }),
          ),
        ),
      )
      expect(created.hireDate).toBe("2020-01-31")
      expect(created.workingHours).toEqual({ ...hours, tue: [], wed: [], thu: [], fri: [], sun: [] })
      expect((await org.run(people((r) => r.byEmail("bo@x.com"))))?.workingHours).toEqual(created.workingHours)
    })

    it("stores the email in lower case and refuses it again in any case", async () => {
      const ana = await org.run(createPerson({ email: "  Ana@X.com ", teamKey: "support" }))
      expect(ana.email).toBe("ana@x.com")
      expect((await org.run(people((r) => r.byEmail("ana@x.com"))))?.id).toBe(ana.id)

      const error = failureOf(await org.exit(createPerson({ email: "ANA@x.com", teamKey: "support" })))
      expect(error).toBeInstanceOf(ConflictError)
      expect(error.message).toBe("a person with email ana@x.com already exists")
      expect(await org.run(count())).toBe(1)
    })

    it("refuses one of two creates with the same email sent at the same time", async () => {
      await warmPool(org)
      for (const name of ["ana", "bo", "cy", "dee", "eve"]) {
        const first = createPerson({ email: `${name}@x.com`, name: "First", teamKey: "support" })
        const second = createPerson({ email: `${name.toUpperCase()}@x.com`, name: "Second", teamKey: "support" })
        const refused = await refusedWhenRacing(org, first, second)
        expect(refused, name).toHaveLength(1)
        expect(refused[0], name).toBeInstanceOf(ConflictError)
        expect(refused[0]?.message).toBe(`a person with email ${name}@x.com already exists`)
      }
      expect(await org.run(count())).toBe(5)
    })

    it("refuses an unknown team key", async () => {
      const error = failureOf(await org.exit(createPerson({ email: "ana@x.com", teamKey: "nowhere" })))
      expect(error).toBeInstanceOf(NotFoundError)
      expect(error).toMatchObject({ entity: "Team", key: "nowhere", message: `no team with key "nowhere"` })
    })

    it("refuses an unknown manager", async () => {
      const error = failureOf(
        await org.exit(createPerson({ email: "ana@x.com", teamKey: "support", managerId: "missing" })),
      )
      expect(error).toMatchObject({ _tag: "NotFoundError", entity: "Person", key: "missing" })
    })

    it("leaves the data unchanged when a create is refused", async () => {
      const boss = await org.run(createPerson({ email: "boss@x.com", teamKey: "support" }))
      await org.run(createPerson({ email: "ana@x.com", teamKey: "support", managerId: boss.id }))
      const before = await org.run(people((r) => r.list({ limit: 100, after: undefined }, {})))
      expect(before).toHaveLength(2)

      for (const refused of [
        createPerson({ email: "ANA@X.COM", teamKey: "support" }),
        createPerson({ email: "new@x.com", teamKey: "nowhere" }),
        createPerson({ email: "new@x.com", teamKey: "support", managerId: "missing" }),
      ]) {
        failureOf(await org.exit(refused))
      }
      expect(await org.run(count())).toBe(2)
      expect(await org.run(people((r) => r.list({ limit: 100, after: undefined }, {})))).toEqual(before)
      expect(await org.run(people((r) => r.byEmail("new@x.com")))).toBeUndefined()
    })
  })

  describe("everyMemberOf", () => {
    it("answers every member of the teams, active or gone, by email, in one statement", async () => {
      await org.run(createTeam("ops"))
      await org.run(createPerson({ email: "cy@x.com", teamKey: "support", hireDate: "2020-01-06" }))
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "ops", hireDate: "2020-01-06" }))
      await org.run(createPerson({ email: "bo@x.com", teamKey: "support", hireDate: "2020-01-06" }))
      await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2021-01-29" })))
      const teams = await org.run(Effect.flatMap(TeamRepo, (r) => r.byKeys(["support", "ops"])))
      org.statements.reset()
      const members = await org.run(people((r) => r.everyMemberOf(teams.map((t) => t.id))))
      expect(org.statements.sent()).toHaveLength(1)
      expect(members.map((p) => [p.email, p.status])).toEqual([
        ["ana@x.com", "left"],
        ["bo@x.com", "active"],
        ["cy@x.com", "active"],
      ])
      expect(await org.run(people((r) => r.everyMemberOf([])))).toEqual([])
    })
  })

  describe("update", () => {
    it("changes the fields given and keeps the others", async () => {
      await org.run(createTeam("ops"))
      const ana = await org.run(
        createPerson({ email: "ana@x.com", name: "Ana", teamKey: "support", hireDate: "2020-01-01" }),
      )
      const ops = await org.run(Effect.flatMap(TeamRepo, (r) => r.byKey("ops")))
      const updated = await org.run(updatePerson(ana, { name: "Ana Costa", email: "Ana.Costa@X.com", teamKey: "ops" }))
      expect(updated).toEqual({ ...ana, name: "Ana Costa", email: "ana.costa@x.com", teamId: ops?.id })
      expect(await org.run(people((r) => r.byEmail("ana.costa@x.com")))).toEqual(updated)
    })

    it("refuses another person's email in any case, and an unknown team", async () => {
      await org.run(createPerson({ email: "ana@x.com", teamKey: "support" }))
      const bo = await org.run(createPerson({ email: "bo@x.com", teamKey: "support" }))
      const taken = failureOf(await org.exit(updatePerson(bo, { email: "ANA@x.com" })))
      expect(taken).toBeInstanceOf(ConflictError)
      expect(taken.message).toBe("a person with email ana@x.com already exists")

      const noTeam = failureOf(await org.exit(updatePerson(bo, { name: "Bo B", teamKey: "nowhere" })))
      expect(noTeam).toMatchObject({ _tag: "NotFoundError", entity: "Team", key: "nowhere" })
      expect(await org.run(people((r) => r.byEmail("bo@x.com")))).toEqual(bo)

      // Keeping one's own email is no conflict.
      expect((await org.run(updatePerson(bo, { email: "BO@x.com" }))).email).toBe("bo@x.com")
    })

    it("refuses a hire date after the leave date", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-01-01" }))
      await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2021-06-30" })))
      const error = failureOf(await org.exit(updatePerson(ana, { hireDate: "2021-07-01" })))
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ path: ["input", "hireDate"] })
      expect(error.message).toContain("2021-07-01 is after the leave date 2021-06-30")
    })
  })

  describe("managers", () => {
    it("sets and clears a manager", async () => {
      const boss = await org.run(createPerson({ email: "boss@x.com", teamKey: "support" }))
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support" }))
      expect((await org.run(setManager(ana, boss))).managerId).toBe(boss.id)
      expect((await org.run(people((r) => r.byEmail("ana@x.com"))))?.managerId).toBe(boss.id)
      expect((await org.run(setManager(ana, null))).managerId).toBeNull()
      expect((await org.run(people((r) => r.byEmail("ana@x.com"))))?.managerId).toBeNull()
    })

    it("refuses a cycle A -> B -> A, naming both people", async () => {
      const a = await org.run(createPerson({ email: "a@x.com", teamKey: "support" }))
      const b = await org.run(createPerson({ email: "b@x.com", teamKey: "support", managerId: a.id }))
      const error = failureOf(await org.exit(setManager(a, b)))
      expect(error).toBeInstanceOf(ConflictError)
      expect(error.message).toBe("a manager cycle would form: a@x.com is managed by b@x.com is managed by a@x.com")
      expect((await org.run(people((r) => r.byEmail("a@x.com"))))?.managerId).toBeNull()
    })

    it("refuses a longer cycle A -> B -> C -> A", async () => {
      const a = await org.run(createPerson({ email: "a@x.com", teamKey: "support" }))
      const b = await org.run(createPerson({ email: "b@x.com", teamKey: "support", managerId: a.id }))
      const c = await org.run(createPerson({ email: "c@x.com", teamKey: "support", managerId: b.id }))
      const error = failureOf(await org.exit(setManager(a, c)))
      expect(error.message).toBe(
        "a manager cycle would form: a@x.com is managed by c@x.com is managed by b@x.com is managed by a@x.com",
      )
    })

    it("refuses one of two opposite manager changes sent at the same time, so no cycle is stored", async () => {
      await warmPool(org)
      for (const round of [1, 2, 3, 4, 5]) {
        const a = await org.run(createPerson({ email: `a${round}@x.com`, teamKey: "support" }))
        const b = await org.run(createPerson({ email: `b${round}@x.com`, teamKey: "support" }))
        const refused = await refusedWhenRacing(org, setManager(a, b), setManager(b, a))
        expect(refused, a.email).toHaveLength(1)
        expect(refused[0], a.email).toBeInstanceOf(ConflictError)
        expect(refused[0]?.message).toMatch(/^a manager cycle would form: /)
        const both = await org.run(people((r) => r.byIds([a.id, b.id])))
        expect(
          both.filter((p) => p.managerId !== null),
          a.email,
        ).toHaveLength(1)
      }
    })

    it("refuses a person as their own manager", async () => {
      const a = await org.run(createPerson({ email: "a@x.com", teamKey: "support" }))
      const error = failureOf(await org.exit(setManager(a, a)))
      expect(error).toBeInstanceOf(ConflictError)
      expect(error.message).toBe("a@x.com cannot be their own manager")
    })

    it("refuses an unknown person or manager", async () => {
      const a = await org.run(createPerson({ email: "a@x.com", teamKey: "support" }))
      const ghost = { ...a, id: "ghost" as Person["id"] }
      expect(failureOf(await org.exit(setManager(a, ghost)))).toMatchObject({
        _tag: "NotFoundError",
        entity: "Person",
        key: "ghost",
      })
      expect(failureOf(await org.exit(setManager(ghost, a)))).toMatchObject({ _tag: "NotFoundError", key: "ghost" })
    })
  })

  describe("departures", () => {
    it("records a departure: status left, leave date set", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-01-01" }))
      const left = await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2024-05-31" })))
      expect(left).toEqual({ ...ana, status: "left", leftOn: "2024-05-31" })
      expect(await org.run(people((r) => r.byEmail("ana@x.com")))).toEqual(left)
      expect(await org.run(count({ status: "left" }))).toBe(1)
      expect(await org.run(count({ status: "active" }))).toBe(0)
    })

    it("accepts leaving on the hire date", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-01-01" }))
      const left = await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2020-01-01" })))
      expect(left.leftOn).toBe("2020-01-01")
    })

    it("refuses a departure before the hire date", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-03-01" }))
      const error = failureOf(
        await org.exit(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2020-02-29" }))),
      )
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ path: ["input", "leftOn"] })
      expect(error.message).toBe("input.leftOn: the leave date 2020-02-29 is before the hire date 2020-03-01")
      expect(await org.run(people((r) => r.byEmail("ana@x.com")))).toEqual(ana)
    })
  })

  describe("departures recorded twice, and cancelled", () => {
    it("refuses a second departure with a conflict, and keeps the first", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-01-01" }))
      const left = await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2024-05-31" })))
      const error = failureOf(
        await org.exit(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2024-06-30" }))),
      )
      expect(error).toBeInstanceOf(ConflictError)
      expect(error.message).toBe("ana@x.com already left on 2024-05-31: cancel that departure before recording another")
      expect(await org.run(people((r) => r.byEmail("ana@x.com")))).toEqual(left)
    })

    it("cancels a departure: active again, no leave date; refuses a person who has not left", async () => {
      const ana = await org.run(createPerson({ email: "ana@x.com", teamKey: "support", hireDate: "2020-01-01" }))
      await org.run(people((r) => r.recordDeparture({ personId: ana.id, leftOn: "2024-05-31" })))
      const back = await org.run(people((r) => r.cancelDeparture({ personId: ana.id })))
      expect(back).toEqual(ana)
      expect(await org.run(count({ status: "active" }))).toBe(1)
      const error = failureOf(await org.exit(people((r) => r.cancelDeparture({ personId: ana.id }))))
      expect(error).toBeInstanceOf(ConflictError)
      expect(error.message).toBe("ana@x.com has not left: there is no departure to cancel")
      expect(
        failureOf(await org.exit(people((r) => r.cancelDeparture({ personId: "ghost" as Person["id"] })))),
      ).toBeInstanceOf(NotFoundError)
    })
  })

  describe("reads by email and up the managers", () => {
    it("byEmails answers the people of the emails, in one statement, leaving out unknown ones", async () => {
      await org.run(createPerson({ email: "ana@x.com", teamKey: "support" }))
      await org.run(createPerson({ email: "bo@x.com", teamKey: "support" }))
      await org.run(createPerson({ email: "cy@x.com", teamKey: "support" }))
      org.statements.reset()
      const found = await org.run(people((r) => r.byEmails(["cy@x.com", "ana@x.com", "ghost@x.com"])))
      expect(found.map((p) => p.email).sort()).toEqual(["ana@x.com", "cy@x.com"])
      expect(org.statements.sent()).toHaveLength(1)
      expect(await org.run(people((r) => r.byEmails([])))).toEqual([])
    })

    it("withManagers answers the people and every manager above them, in one statement", async () => {
      const head = await org.run(createPerson({ email: "head@x.com", teamKey: "support" }))
      const lead = await org.run(createPerson({ email: "lead@x.com", teamKey: "support", managerId: head.id }))
      await org.run(createPerson({ email: "ana@x.com", teamKey: "support", managerId: lead.id }))
      await org.run(createPerson({ email: "bo@x.com", teamKey: "support", managerId: lead.id }))
      await org.run(createPerson({ email: "solo@x.com", teamKey: "support" }))
      org.statements.reset()
      const found = await org.run(people((r) => r.withManagers(["ana@x.com", "solo@x.com"])))
      expect(found.map((p) => p.email).sort()).toEqual(["ana@x.com", "head@x.com", "lead@x.com", "solo@x.com"])
      expect(org.statements.sent()).toHaveLength(1)
    })
  })

  describe("listings", () => {
    it("lists people by email a page at a time, filtered by team and status", async () => {
      await org.run(createTeam("ops"))
      for (const email of ["dan@x.com", "amy@x.com", "cat@x.com", "bob@x.com"]) {
        await org.run(createPerson({ email, teamKey: "support" }))
      }
      const eve = await org.run(createPerson({ email: "eve@x.com", teamKey: "ops", hireDate: "2020-01-01" }))
      await org.run(people((r) => r.recordDeparture({ personId: eve.id, leftOn: "2021-01-01" })))
      const emails = (limit: number, after?: string, filter: Record<string, string> = {}) =>
        org
          .run(people((r) => r.list({ limit, after: after === undefined ? undefined : [after] }, filter)))
          .then((found) => found.map((p) => p.email))

      expect(await emails(2)).toEqual(["amy@x.com", "bob@x.com", "cat@x.com"])
      expect(await emails(2, "bob@x.com")).toEqual(["cat@x.com", "dan@x.com", "eve@x.com"])
      expect(await emails(2, "dan@x.com")).toEqual(["eve@x.com"])
      expect(await emails(10, undefined, { teamId: eve.teamId })).toEqual(["eve@x.com"])
      expect(await emails(10, undefined, { status: "active" })).toEqual([
        "amy@x.com",
        "bob@x.com",
        "cat@x.com",
        "dan@x.com",
      ])
      expect(await org.run(count())).toBe(5)
      expect(await org.run(count({ teamId: eve.teamId }))).toBe(1)
      expect(await org.run(count({ teamId: eve.teamId, status: "active" }))).toBe(0)
    })

    it("pages the members of two teams in one call, with the same cursor for both", async () => {
      const red = (await org.run(createTeam("red"))).id
      const blue = (await org.run(createTeam("blue"))).id
      const empty = (await org.run(createTeam("empty"))).id
      for (const email of ["amy@x.com", "bob@x.com", "cat@x.com", "dan@x.com"]) {
        await org.run(createPerson({ email, teamKey: "red" }))
      }
      for (const email of ["abe@x.com", "bea@x.com", "cal@x.com"])
        await org.run(createPerson({ email, teamKey: "blue" }))
      const eve = await org.run(createPerson({ email: "eve@x.com", teamKey: "blue", hireDate: "2020-01-01" }))
      await org.run(people((r) => r.recordDeparture({ personId: eve.id, leftOn: "2021-01-01" })))

      const members = async (limit: number, after?: string, status?: PersonStatus) => {
        const found = await org.run(
          people((r) =>
            r.membersOf([red, blue, empty], { limit, after: after === undefined ? undefined : [after] }, status),
          ),
        )
        const of = (teamId: string) => found.filter((p) => p.teamId === teamId).map((p) => p.email)
        expect(found.length).toBe(of(red).length + of(blue).length)
        return { red: of(red), blue: of(blue), empty: of(empty) }
      }

      // Each team gets at most `limit + 1` rows, the extra one telling that a next page exists.
      expect(await members(2)).toEqual({
        red: ["amy@x.com", "bob@x.com", "cat@x.com"],
        blue: ["abe@x.com", "bea@x.com", "cal@x.com"],
        empty: [],
      })
      expect(await members(2, "bob@x.com")).toEqual({
        red: ["cat@x.com", "dan@x.com"],
        blue: ["cal@x.com", "eve@x.com"],
        empty: [],
      })
      expect(await members(2, "dan@x.com")).toEqual({ red: [], blue: ["eve@x.com"], empty: [] })
      expect(await members(10, undefined, "active")).toEqual({
        red: ["amy@x.com", "bob@x.com", "cat@x.com", "dan@x.com"],
        blue: ["abe@x.com", "bea@x.com", "cal@x.com"],
        empty: [],
      })
      expect(await members(10, undefined, "left")).toEqual({ red: [], blue: ["eve@x.com"], empty: [] })

      const counts = await org.run(people((r) => r.memberCounts([red, blue, empty], undefined)))
      expect([counts.get(red), counts.get(blue), counts.get(empty)]).toEqual([4, 4, undefined])
      const active = await org.run(people((r) => r.memberCounts([red, blue], "active")))
      expect([active.get(red), active.get(blue)]).toEqual([4, 3])
      expect(await org.run(people((r) => r.membersOf([], { limit: 5, after: undefined }, undefined)))).toEqual([])
    })
  })

  describe("demo data", () => {
    it("seeds 5 teams and 21 people, one who left, once; seeding again changes nothing", async () => {
      await org.close()
      org = await openOrg(dialect)
      const teamCount = Effect.flatMap(TeamRepo, (r) => r.count)
      expect(await org.run(orgIsEmpty)).toBe(true)

      await org.run(seedOrg)
      expect(await org.run(orgIsEmpty)).toBe(false)
      expect(await org.run(teamCount)).toBe(5)
      expect(await org.run(count())).toBe(21)
      expect(await org.run(count({ status: "left" }))).toBe(1)
      const first = await org.run(people((r) => r.list({ limit: 100, after: undefined }, {})))

      await org.run(seedOrg)
      expect(await org.run(teamCount)).toBe(5)
      expect(await org.run(count())).toBe(21)
      expect(await org.run(people((r) => r.list({ limit: 100, after: undefined }, {})))).toEqual(first)

      const nikos = first.find((p) => p.email === "nikos@teamops.example")
      const aoife = first.find((p) => p.email === "aoife@teamops.example")
      expect(aoife?.managerId).toBe(nikos?.id)
      expect(nikos?.hireDate).toBe("2015-06-15")
      // A salary of one's own, or the team's default; Lena left in 2026.
      expect(nikos?.annualSalary).toBe(72000)
      const lena = first.find((p) => p.email === "lena@teamops.example")
      expect([lena?.annualSalary, lena?.status, lena?.leftOn]).toEqual([null, "left", "2026-04-30"])
    })
  })
})
