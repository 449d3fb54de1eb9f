import { readFileSync } from "node:fs"
import { PromotePersonInput, PromotionRepo } from "@teamops/competencies"
import type { Person } from "@teamops/org"
import { importAndPublishLadder } from "@teamops/roles"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { addTeam, depart, gid, hire, makeArea, moveTo, mutate, openAor } from "./support.js"

// Each rule of the health report just below and just above its limit, read through GraphQL.

const dayMs = 86_400_000
const dateIn = (days: number) => new Date(Date.now() + days * dayMs).toISOString().slice(0, 10)
const daysBefore = (date: string, days: number) => new Date(Date.parse(date) - days * dayMs).toISOString().slice(0, 10)

/** Tomorrow at noon UTC: after every area a test makes, and in nobody's first day. */
const tomorrow = `${dateIn(1)}T12:00:00.000Z`

const report = `asOf
  orphaned { area { key } reason }
  overloaded { person { email } hours allowance reason }
  tooManyCooks { area { key } contributors reason }
  stale { area { key } lastLookedAfter reason }
  withoutArea { person { email } tenureDays reason }
  tooEarly { person { email } areas { key } tenureDays reason }
  people { person { email } areaHours workingHours frontlineShare }`

const ladder = readFileSync(new URL("./fixtures/ladder.yaml", import.meta.url), "utf8")

describe.each(testDialects())("area health on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  const open = async (config: Record<string, unknown> = {}) => {
    app = await openAor(dialect, [], { pluginConfig: { aor: config } })
    await addTeam(app, "support")
  }
  afterEach(async () => {
    await app.close()
  })

  const health = async (asOf: string, team?: string) => {
    const data = await app.data(
      team === undefined
        ? `query($asOf: String) { areaHealth(asOf: $asOf) { ${report} } }`
        : `query($asOf: String, $team: String!) { team(key: $team) { areaHealth(asOf: $asOf) { ${report} } } }`,
      { asOf, team },
    )
    return team === undefined ? data.areaHealth : data.team.areaHealth
  }
  const contribute = async (areaKey: string, person: Person, weeklyHours: number) => {
    const added = await mutate(app.server, "addAreaContributor", { areaKey, personId: gid(person), weeklyHours })
    expect(added.__typename).toBe("AddAreaContributorSuccess")
  }

  it("orphans an area without an owner, from its owner's leave date to the day, and when its owner moves team", async () => {
    await open()
    await addTeam(app, "billing")
    const ana = await hire(app, "ana")
    const bo = await hire(app, "bo")
    await makeArea(app, "never-owned")
    await makeArea(app, "macros", {}, ana)
    await makeArea(app, "tooling", {}, bo)
    const leftOn = dateIn(10)
    await depart(app, ana, leftOn)
    await moveTo(app, bo, "billing")

    const before = await health(`${daysBefore(leftOn, 1)}T23:59:59.999Z`)
    expect(before.orphaned).toEqual([
      { area: { key: "never-owned" }, reason: "nobody owns it" },
      { area: { key: "tooling" }, reason: "its owner bo (bo@x.com) moved to another team" },
    ])
    const on = await health(`${leftOn}T00:00:00.000Z`)
    expect(on.orphaned.map((o: any) => o.area.key)).toEqual(["macros", "never-owned", "tooling"])
    expect(on.orphaned[0].reason).toBe(`its owner ana (ana@x.com) left on ${leftOn}`)

    const handed = await mutate(app.server, "handOverArea", {
      areaKey: "macros",
      fromPersonId: gid(ana),
      toPersonId: gid(await hire(app, "cy")),
      note: "ana leaves; cy knows the macros best",
    })
    expect(handed.__typename).toBe("HandOverAreaSuccess")
    expect((await health(`${leftOn}T00:00:00.000Z`)).orphaned.map((o: any) => o.area.key)).toEqual([
      "never-owned",
      "tooling",
    ])
  })

  it("counts a person overloaded above their allowance, not at it, and frontline share from their hours", async () => {
    await open()
    const ana = await hire(app, "ana")
    await makeArea(app, "macros", { weeklyHours: 6 }, ana)
    await makeArea(app, "docs", { weeklyHours: 1 })
    await contribute("docs", ana, 2)

    // 40 working hours, 20% of them: an allowance of 8 hours, exactly what ana carries.
    const at = await health(tomorrow)
    expect(at.overloaded).toEqual([])
    expect(at.people).toEqual([{ person: { email: "ana@x.com" }, areaHours: 8, workingHours: 40, frontlineShare: 0.8 }])

    await makeArea(app, "quality", { weeklyHours: 0.5 })
    await contribute("quality", ana, 0.5)
    expect((await health(tomorrow)).overloaded).toEqual([
      {
        person: { email: "ana@x.com" },
        hours: 8.5,
        allowance: 8,
        reason: "8.5 hours a week in areas, above the allowance of 8",
      },
    ])
  })

  it("takes the allowance from the configuration, by ladder level where one is set", async () => {
    await open({ allowanceShare: 0.1, allowanceShareByLevel: { css2: 0.25 } })
    await app.run(importAndPublishLadder("yaml", ladder))
    const ana = await hire(app, "ana")
    const bo = await hire(app, "bo")
    await makeArea(app, "macros", { weeklyHours: 5 }, ana)
    await makeArea(app, "docs", { weeklyHours: 5 }, bo)
    const promote = (person: Person, level: string) =>
      app.run(
        Effect.flatMap(PromotionRepo, (r) =>
          r.promote(
            Schema.decodeUnknownSync(PromotePersonInput)({
              personId: gid(person),
              ladderKey: "support",
              level,
              rationale: "Ready, per the matrix.",
            }),
          ),
        ),
      )
    await promote(ana, "css1")
    await promote(bo, "css2")
    // css1 has no share of its own: 10% of 40 hours. css2: 25%, 10 hours.
    expect((await health(tomorrow)).overloaded).toEqual([
      {
        person: { email: "ana@x.com" },
        hours: 5,
        allowance: 4,
        reason: "5 hours a week in areas, above the allowance of 4",
      },
    ])
  })

  it("finds too many cooks above the contributor limit, not at it", async () => {
    await open()
    const people = await Promise.all(["a", "b", "c", "d"].map((user) => hire(app, user)))
    await makeArea(app, "macros", { weeklyHours: 1 })
    for (const person of people.slice(0, 3)) await contribute("macros", person, 1)
    expect((await health(tomorrow)).tooManyCooks).toEqual([])
    await contribute("macros", people[3] as Person, 1)
    expect((await health(tomorrow)).tooManyCooks).toEqual([
      { area: { key: "macros" }, contributors: 4, reason: "4 contributors, more than the limit of 3" },
    ])
  })

  it("finds an area stale after its review period without work or confirmation, and fresh again after either", async () => {
    await open()
    const ana = await hire(app, "ana")
    const made = await makeArea(app, "macros", { reviewEveryDays: 30 }, ana)
    const createdAt = (await app.data(`{ area(key: "macros") { createdAt } }`)).area.createdAt as string
    expect(made.key).toBe("macros")
    const after = (days: number, ms: number) => new Date(Date.parse(createdAt) + days * dayMs + ms).toISOString()

    expect((await health(after(30, 0))).stale).toEqual([])
    const late = after(30, 1)
    expect((await health(late)).stale).toEqual([
      {
        area: { key: "macros" },
        lastLookedAfter: createdAt,
        reason: "no work recorded and no confirmation for 30 days, more than the 30 days of its review",
      },
    ])

    // Work dated in 20 days, in the area's period: 10 days before `late`.
    const worked = await mutate(app.server, "recordAreaWork", {
      areaKey: "macros",
      personId: gid(ana),
      date: dateIn(20),
      text: "Rewrote the refund macros.",
    })
    expect(worked.__typename).toBe("RecordAreaWorkSuccess")
    expect((await health(late)).stale).toEqual([])
    const muchLater = after(200, 0)
    expect((await health(muchLater)).stale.map((s: any) => s.lastLookedAfter)).toEqual([`${dateIn(20)}T00:00:00.000Z`])

    const asAna = app.as(await app.token({ personId: ana.id }))
    const confirmed = await mutate(asAna, "confirmArea", { areaKey: "macros" })
    expect(confirmed.__typename).toBe("ConfirmAreaSuccess")
    expect((await health(after(31, 0))).stale).toEqual([])
  })

  it("names people past their first months without an area, and newcomers who own one, at the limit of days", async () => {
    await open()
    const asOfDate = dateIn(1)
    const at90 = await hire(app, "at90", { hireDate: daysBefore(asOfDate, 90) })
    await hire(app, "at91", { hireDate: daysBefore(asOfDate, 91) })
    await hire(app, "later", { hireDate: dateIn(5) })
    const owner91 = await hire(app, "owner91", { hireDate: daysBefore(asOfDate, 91) })
    await makeArea(app, "macros", {}, at90)
    await makeArea(app, "docs", {}, owner91)

    const now = await health(tomorrow)
    expect(now.withoutArea).toEqual([
      {
        person: { email: "at91@x.com" },
        tenureDays: 91,
        reason: "91 days in the organisation, past the first 90, and owns or contributes to no area",
      },
    ])
    expect(now.tooEarly).toEqual([
      {
        person: { email: "at90@x.com" },
        areas: [{ key: "macros" }],
        tenureDays: 90,
        reason: "owns macros after 90 days, within the first 90",
      },
    ])
    // Someone not yet hired is in no figure.
    expect(now.people.map((p: any) => p.person.email)).toEqual(["at90@x.com", "at91@x.com", "owner91@x.com"])
  })

  it("takes the first months from the configuration", async () => {
    await open({ firstMonthsDays: 30 })
    const asOfDate = dateIn(1)
    const newcomer = await hire(app, "new", { hireDate: daysBefore(asOfDate, 31) })
    await makeArea(app, "macros", {}, newcomer)
    const now = await health(tomorrow)
    expect(now.tooEarly).toEqual([])
    expect(now.withoutArea).toEqual([])
  })

  it("leaves retired areas out of every figure and keeps a team's report to the team", async () => {
    await open({ maxContributors: 0 })
    await addTeam(app, "billing")
    const ana = await hire(app, "ana")
    const bo = await hire(app, "bo", { team: "billing" })
    await makeArea(app, "macros", { weeklyHours: 20, reviewEveryDays: 1 }, ana)
    await contribute("macros", bo, 1)
    await makeArea(app, "never-owned", { reviewEveryDays: 1 })
    const inThreeDays = `${dateIn(3)}T12:00:00.000Z`

    const whole = await health(inThreeDays)
    expect(whole.orphaned.map((o: any) => o.area.key)).toEqual(["never-owned"])
    expect(whole.overloaded.map((o: any) => o.person.email)).toEqual(["ana@x.com"])
    expect(whole.tooManyCooks.map((o: any) => o.area.key)).toEqual(["macros"])
    expect(whole.stale.map((o: any) => o.area.key)).toEqual(["macros", "never-owned"])
    const billing = await health(inThreeDays, "billing")
    expect(billing).toMatchObject({ orphaned: [], overloaded: [], tooManyCooks: [], stale: [] })
    // bo's hours in support's area count in billing's report: a week is a week.
    expect(billing.people).toEqual([
      { person: { email: "bo@x.com" }, areaHours: 1, workingHours: 40, frontlineShare: 0.98 },
    ])

    expect((await mutate(app.server, "retireArea", { areaKey: "macros" })).__typename).toBe("RetireAreaSuccess")
    expect((await mutate(app.server, "retireArea", { areaKey: "never-owned" })).__typename).toBe("RetireAreaSuccess")
    const retired = await health(inThreeDays)
    expect(retired).toMatchObject({ orphaned: [], overloaded: [], tooManyCooks: [], stale: [], tooEarly: [] })
    expect(retired.people.map((p: any) => p.areaHours)).toEqual([0, 0])
    expect(retired.withoutArea.map((p: any) => p.person.email)).toEqual(["ana@x.com", "bo@x.com"])
  })

  it("refuses an asOf that is not an instant, naming the argument", async () => {
    await open()
    const result = await app.graphql(`{ areaHealth(asOf: "last tuesday") { asOf } }`)
    expect(result.errors?.[0]?.message).toBe(
      'asOf: expected an RFC 3339 instant such as "2026-03-29T09:00:00Z", got "last tuesday"',
    )
  })
})
