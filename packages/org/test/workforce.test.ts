// Workforce figures (docs/workforce.md), on each store: every expectation worked out by hand
// in a comment beside it.
import { openTestHost, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { PersonRepo } from "../src/PersonRepo.js"
import { orgPlugin } from "../src/plugin.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { bandOf, daysFrom } from "../src/Workforce.js"
import { graphql, openOrg, personInput, type TestOrg, teamInput } from "./support.js"

const figures = `
  headcountAtStart headcountAtEnd averageHeadcount turnoverRate turnoverCost uncostedDepartures replacementCostRate
  departures { person { email } leftOn tenureDays annualSalary }
  tenure { people { person { email } tenureDays band } bands { band count } }`

/** The day `days` before `date`. */
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10)

describe("tenure bands", () => {
  it("start at 90, 365, 730 and 1825 days", () => {
    expect([0, 89, 90, 364, 365, 729, 730, 1824, 1825, 4000].map(bandOf)).toEqual([
      "under-90-days",
      "under-90-days",
      "90-days-to-1-year",
      "90-days-to-1-year",
      "1-to-2-years",
      "1-to-2-years",
      "2-to-5-years",
      "2-to-5-years",
      "5-years",
      "5-years",
    ])
    expect(daysFrom("2024-02-28", "2024-03-01")).toBe(2)
  })
})

describe.each(testDialects())("workforce on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  const team = (key: string, defaultAnnualSalary?: number) =>
    org.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key, defaultAnnualSalary }))))

  /** Hires a person into `teamKey`, and records their departure when `leftOn` is given. */
  const hire = async (
    user: string,
    teamKey: string,
    hireDate: string,
    { leftOn, annualSalary }: { leftOn?: string; annualSalary?: number } = {},
  ) => {
    const email = `${user}@x.com`
    const person = await org.run(
      Effect.flatMap(PersonRepo, (r) =>
        r.create(personInput({ name: user, email, timeZone: "UTC", teamKey, hireDate, annualSalary })),
      ),
    )
    if (leftOn !== undefined) {
      await org.run(Effect.flatMap(PersonRepo, (r) => r.recordDeparture({ personId: person.id, leftOn })))
    }
    return person
  }

  const teamFigures = async (key: string, from: string, to: string) =>
    (
      await org.data(
        `query($key: String!) { team(key: $key) { workforce(from: "${from}", to: "${to}") { ${figures} } } }`,
        { key },
      )
    ).team.workforce

  it("works out headcount, average headcount and turnover rate of a small team", async () => {
    await team("red")
    await hire("ana", "red", "2020-01-01") // here all 10 days
    await hire("ben", "red", "2026-03-04") // here from the 4th: 7 days
    await hire("cai", "red", "2025-01-01", { leftOn: "2026-03-03" }) // here the 1st to the 3rd: 3 days
    await hire("dan", "red", "2026-04-01") // hired after the period
    await hire("eve", "red", "2024-01-01", { leftOn: "2026-02-28" }) // gone before it
    const w = await teamFigures("red", "2026-03-01", "2026-03-10")
    // On the 1st: ana and cai; on the 10th: ana and ben.
    expect(w.headcountAtStart).toBe(2)
    expect(w.headcountAtEnd).toBe(2)
    // (10 + 7 + 3) / 10 days = 2; one departure / 2 = 0.5.
    expect(w.averageHeadcount).toBe(2)
    expect(w.turnoverRate).toBe(0.5)
    // cai: 2025-01-01 to 2026-03-03 is 365 + 31 + 28 + 2 = 426 days.
    expect(w.departures).toEqual([
      { person: { email: "cai@x.com" }, leftOn: "2026-03-03", tenureDays: 426, annualSalary: null },
    ])
    // ana: 2020-01-01 to 2026-03-10 is 2260 days; ben: 6 days.
    expect(w.tenure.people).toEqual([
      { person: { email: "ana@x.com" }, tenureDays: 2260, band: "FROM_5_YEARS" },
      { person: { email: "ben@x.com" }, tenureDays: 6, band: "UNDER_90_DAYS" },
      { person: { email: "cai@x.com" }, tenureDays: 426, band: "FROM_1_TO_2_YEARS" },
    ])
    expect(w.tenure.bands).toEqual([
      { band: "UNDER_90_DAYS", count: 1 },
      { band: "FROM_90_DAYS_TO_1_YEAR", count: 0 },
      { band: "FROM_1_TO_2_YEARS", count: 1 },
      { band: "FROM_2_TO_5_YEARS", count: 0 },
      { band: "FROM_5_YEARS", count: 1 },
    ])
  })

  it("places tenures at the boundaries of the bands in the bands that start there", async () => {
    await team("red")
    const end = "2026-12-31"
    const days = [89, 90, 364, 365, 729, 730, 1824, 1825]
    for (const d of days) await hire(`p${String(d).padStart(4, "0")}`, "red", daysBefore(end, d))
    const w = await teamFigures("red", "2026-12-01", end)
    expect(w.tenure.people.map((t: any) => [t.tenureDays, t.band])).toEqual([
      [89, "UNDER_90_DAYS"],
      [90, "FROM_90_DAYS_TO_1_YEAR"],
      [364, "FROM_90_DAYS_TO_1_YEAR"],
      [365, "FROM_1_TO_2_YEARS"],
      [729, "FROM_1_TO_2_YEARS"],
      [730, "FROM_2_TO_5_YEARS"],
      [1824, "FROM_2_TO_5_YEARS"],
      [1825, "FROM_5_YEARS"],
    ])
    expect(w.tenure.bands.map((b: any) => b.count)).toEqual([1, 2, 2, 2, 1])
  })

  it("counts a departure on the first and on the last day of the period, who are here on their last day", async () => {
    await team("red")
    await hire("first", "red", "2025-01-01", { leftOn: "2026-03-01" })
    await hire("last", "red", "2025-01-01", { leftOn: "2026-03-10" })
    await hire("before", "red", "2025-01-01", { leftOn: "2026-02-28" })
    await hire("after", "red", "2025-01-01", { leftOn: "2026-03-11" })
    const w = await teamFigures("red", "2026-03-01", "2026-03-10")
    expect(w.departures.map((d: any) => [d.person.email, d.leftOn])).toEqual([
      ["first@x.com", "2026-03-01"],
      ["last@x.com", "2026-03-10"],
    ])
    // On the 1st: first, last and after; on the 10th: last and after.
    expect(w.headcountAtStart).toBe(3)
    expect(w.headcountAtEnd).toBe(2)
    // first 1 day, last 10, after 10: 21 / 10 = 2.1; 2 departures / 2.1.
    expect(w.averageHeadcount).toBeCloseTo(2.1, 12)
    expect(w.turnoverRate).toBeCloseTo(2 / 2.1, 12)
    expect(w.tenure.people.map((t: any) => t.person.email)).toEqual(["after@x.com", "first@x.com", "last@x.com"])
  })

  describe("turnover cost", () => {
    const period = ["2026-01-01", "2026-12-31"] as const

    it("is the departures' salaries times 0.21", async () => {
      await team("red", 30000)
      await hire("ana", "red", "2020-01-01", { leftOn: "2026-05-31", annualSalary: 60000 })
      await hire("ben", "red", "2020-01-01", { leftOn: "2026-06-30", annualSalary: 45000.5 })
      await hire("cai", "red", "2020-01-01", { annualSalary: 90000 }) // still here: costs nothing
      const w = await teamFigures("red", ...period)
      // (60000 + 45000.5) × 0.21 = 22050.105, to the cent 22050.11 (the person's own salary wins over the default).
      expect(w.turnoverCost).toBe(22050.11)
      expect(w.uncostedDepartures).toBe(0)
      expect(w.replacementCostRate).toBe(0.21)
      expect(w.departures.map((d: any) => d.annualSalary)).toEqual([60000, 45000.5])
    })

    it("takes the team's default for a departure without a salary of their own", async () => {
      await team("red", 50000)
      await hire("ana", "red", "2020-01-01", { leftOn: "2026-05-31" })
      const w = await teamFigures("red", ...period)
      // 50000 × 0.21
      expect(w.turnoverCost).toBe(10500)
      expect(w.uncostedDepartures).toBe(0)
      expect(w.departures[0].annualSalary).toBe(50000)
    })

    it("is null, never 0, when there are departures and none has a known salary", async () => {
      await team("red")
      await hire("ana", "red", "2020-01-01", { leftOn: "2026-05-31" })
      await hire("ben", "red", "2020-01-01", { leftOn: "2026-06-30" })
      const w = await teamFigures("red", ...period)
      expect(w.turnoverCost).toBeNull()
      expect(w.uncostedDepartures).toBe(2)
    })

    it("leaves out the departures without a known salary, and counts them", async () => {
      await team("red")
      await hire("ana", "red", "2020-01-01", { leftOn: "2026-05-31", annualSalary: 40000 })
      await hire("ben", "red", "2020-01-01", { leftOn: "2026-06-30" })
      const w = await teamFigures("red", ...period)
      // 40000 × 0.21
      expect(w.turnoverCost).toBe(8400)
      expect(w.uncostedDepartures).toBe(1)
    })

    it("is 0 without departures", async () => {
      await team("red", 50000)
      await hire("ana", "red", "2020-01-01", { annualSalary: 40000 })
      const w = await teamFigures("red", ...period)
      expect(w.turnoverCost).toBe(0)
      expect(w.uncostedDepartures).toBe(0)
      expect(w.departures).toEqual([])
      expect(w.turnoverRate).toBe(0)
    })

    it("has a null turnover rate and a cost of 0 for a team nobody was in", async () => {
      await team("red")
      const w = await teamFigures("red", ...period)
      expect([w.averageHeadcount, w.turnoverRate, w.turnoverCost, w.headcountAtStart]).toEqual([0, null, 0, 0])
    })
  })

  it("sums the teams for the whole organisation, and lists every team", async () => {
    await team("blue", 20000)
    await team("red")
    await hire("ana", "red", "2020-01-01", { leftOn: "2026-05-31", annualSalary: 40000 })
    await hire("ben", "blue", "2020-01-01", { leftOn: "2026-06-30" })
    await hire("cai", "blue", "2020-01-01")
    const { workforce } = await org.data(`{ workforce(from: "2026-01-01", to: "2026-12-31") {
      organisation { headcountAtStart headcountAtEnd turnoverCost uncostedDepartures departures { person { email } } }
      teams { team { key } workforce { headcountAtStart turnoverCost } }
    } }`)
    // (40000 + 20000, ben's team's default) × 0.21 = 12600
    expect(workforce.organisation).toEqual({
      headcountAtStart: 3,
      headcountAtEnd: 1,
      turnoverCost: 12600,
      uncostedDepartures: 0,
      departures: [{ person: { email: "ana@x.com" } }, { person: { email: "ben@x.com" } }],
    })
    expect(workforce.teams).toEqual([
      { team: { key: "blue" }, workforce: { headcountAtStart: 2, turnoverCost: 4200 } },
      { team: { key: "red" }, workforce: { headcountAtStart: 1, turnoverCost: 8400 } },
    ])
  })

  it("refuses a period that ends before it starts, or a date that is not one, naming the argument", async () => {
    await team("red")
    const ask = (from: string, to: string) =>
      graphql(org.server, `{ team(key: "red") { workforce(from: "${from}", to: "${to}") { headcountAtEnd } } }`)
    const backwards = await ask("2026-03-10", "2026-03-01")
    expect(backwards.errors?.[0]).toMatchObject({
      message: "to: expected a date on or after from (2026-03-10), got 2026-03-01",
      extensions: { code: "BAD_USER_INPUT" },
    })
    const notADate = await ask("2026-02-30", "2026-03-01")
    expect(notADate.errors?.[0]?.message).toBe('from: expected a date as YYYY-MM-DD, got "2026-02-30"')
  })
})

describe.each(testDialects())("the replacement cost rate on %s", (dialect) => {
  it("is read from pluginConfig.org", async () => {
    const host = await openTestHost(dialect, [orgPlugin], { pluginConfig: { org: { replacementCostRate: 0.5 } } })
    try {
      await host.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key: "red", name: "Red" }))))
      const person = await host.run(
        Effect.flatMap(PersonRepo, (r) =>
          r.create(
            personInput({
              name: "Ana",
              email: "ana@x.com",
              timeZone: "UTC",
              teamKey: "red",
              hireDate: "2020-01-01",
              annualSalary: 40000,
            }),
          ),
        ),
      )
      await host.run(
        Effect.flatMap(PersonRepo, (r) => r.recordDeparture({ personId: person.id, leftOn: "2026-05-31" })),
      )
      const { workforce } = await host.data(
        `{ workforce(from: "2026-01-01", to: "2026-12-31") { organisation { turnoverCost replacementCostRate } } }`,
      )
      expect(workforce.organisation).toEqual({ turnoverCost: 20000, replacementCostRate: 0.5 })
    } finally {
      await host.close()
    }
  })

  it("refuses a rate below 0, naming the setting", async () => {
    await expect(
      openTestHost(dialect, [orgPlugin], { pluginConfig: { org: { replacementCostRate: -0.1 } } }),
    ).rejects.toThrow(
      'plugin "org": invalid configuration at plugins.org.replacementCostRate: expected a share of the annual salary such as 0.21, got -0.1',
    )
  })
})
