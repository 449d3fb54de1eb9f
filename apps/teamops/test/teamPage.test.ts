// A leader's team page in one request: the team's KPIs judged by their targets, the facts
// behind a row, the week's coverage gaps, and the statements it sends for one team and for five.
import { readFileSync } from "node:fs"
import { seedDemo } from "@teamops/server"
import { measured, openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { blocksOf } from "./docPages.js"

// The team page of the SDK, which the benchmark sends and docs/teampage.md shows.
const document = readFileSync(new URL("../../../packages/sdk/src/operations/teamPage.graphql", import.meta.url), "utf8")
const guide = readFileSync(new URL("../../../docs/teampage.md", import.meta.url), "utf8")
const teams = ["support-emea", "support-americas", "support-apac", "support-ops", "support"]
// The demo's conversations run up to the day it is seeded: the week before is a whole one.
const weekOf = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
const period = { weekOf, since: "2026-01-01", until: "2026-12-31" }
const pageOf = (keys: ReadonlyArray<string>) =>
  keys.length === 1
    ? host.data(document, { team: keys[0], ...period }, "TeamPage")
    : host.data(
        document,
        { ...period, ...Object.fromEntries(["a", "b", "c", "d", "e"].map((v, i) => [v, keys[i]])) },
        "TeamPages",
      )

let host: TestHost

it("shows the request in the guide as it is sent", () => {
  expect(blocksOf(guide).find((block) => block.lang === "graphql")?.text).toBe(document)
})

describe.each(testDialects())("the team page on %s", (dialect) => {
  beforeAll(async () => {
    host = await openTestHost(dialect, defaultPlugins)
    await seedDemo(host.server.host, { whenEmpty: true })
  })
  afterAll(() => host.close())

  it("judges every row that has a target and lists the facts behind it", async () => {
    const page = (await pageOf(["support-emea"])).team
    const frt = page.kpis.find((row: any) => row.metric === "first_response_time")
    expect(frt.status).toMatch(/^(on_track|watch|off_track|no_data)$/)
    expect(frt.target).toMatchObject({ statistic: "median", good: { max: 1080 }, scope: { kind: "organisation" } })
    // Rows without a target carry no status; those with one always do.
    for (const row of page.kpis) expect(row.status === null).toBe(row.target === null)
    // Each measured response time is a fact of the row; an unanswered one is a fact too.
    expect(frt.calendar.count).toBeGreaterThan(0)
    expect(frt.facts.totalCount).toBeGreaterThanOrEqual(frt.calendar.count)
    expect(frt.facts.edges).toHaveLength(5)
    for (const { node } of frt.facts.edges) {
      expect(node).toMatchObject({ team: "support-emea", conversationId: expect.any(String) })
      expect(node.value === null).toBe(node.reason !== null)
    }
  })

  it("answers five teams in as many statements as one", async () => {
    const one = await measured(host, () => pageOf(teams.slice(0, 1)))
    const five = await measured(host, () => pageOf(teams))
    expect(Object.keys(five.answer)).toHaveLength(5)
    expect(five.sent.length).toBe(one.sent.length)
  })

  it("shows each team's workforce and what its turnover cost", async () => {
    const page = await pageOf(teams)
    // Lena Weber of Support Operations left on 30 April, costed at her team's default salary.
    expect(page.d.workforce).toMatchObject({
      departures: [{ person: { name: "Lena Weber" }, leftOn: "2026-04-30" }],
      turnoverCost: 10500,
      uncostedDepartures: 0,
      replacementCostRate: 0.21,
    })
    for (const key of ["a", "b", "c"]) {
      const { workforce } = page[key]
      expect(workforce).toMatchObject({ departures: [], turnoverRate: 0, turnoverCost: 0 })
      const banded = workforce.tenure.bands.reduce((sum: number, b: any) => sum + b.count, 0)
      expect(banded).toBe(workforce.headcountAtEnd)
    }
  })

  it("shows the half hours each regional team leaves uncovered", async () => {
    const page = await pageOf(teams)
    for (const [alias, timeZone] of [
      ["a", "Europe/Athens"],
      ["b", "America/New_York"],
      ["c", "Australia/Sydney"],
    ] as const) {
      const { coverage } = page[alias]
      expect(coverage.timeZone).toBe(timeZone)
      expect(coverage.gaps.length, alias).toBeGreaterThan(0)
      for (const gap of coverage.gaps) expect(gap.staffed < 2 && gap.demand > 0).toBe(true)
    }
  })
})
