// The support plugin's metrics of people practices, judged by its default targets.
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { answered, openTargets, type TargetsHost } from "./support.js"

const ana = "ana@example.com"
const bo = "bo@example.com"
const oneOnOne = (id: string, at: string, person: string, value = 1) => ({
  id,
  type: "metric.observed",
  at,
  actor: { kind: "automation" },
  metric: "support.one_on_ones",
  subject: { person },
  value,
})

describe.each(testDialects())("support's people metrics on %s", (dialect) => {
  let host: TargetsHost
  beforeEach(async () => {
    // Two conversations in a week make a newcomer productive.
    host = await openTargets(dialect, { pluginConfig: { support: { productiveConversations: 2 } } })
    await host.createTeam("alpha")
  })
  afterEach(() => host.close())

  it("judges 1:1s per person and week against the default of one or more", async () => {
    await host.createPerson(ana, "alpha")
    await host.ingest([
      oneOnOne("m1", "2026-03-03T10:00:00Z", ana),
      // The week of 9 March: a meeting recorded as not held.
      oneOnOne("m2", "2026-03-10T10:00:00Z", ana, 0),
      oneOnOne("m3", "2026-03-17T10:00:00Z", ana),
      oneOnOne("m4", "2026-03-19T10:00:00Z", ana),
    ])
    const data = await host.data(`{ person(email: "${ana}") {
      kpis(metrics: ["support.one_on_ones"], groupBy: [period], period: week, asOf: "2026-04-01T00:00:00Z") {
        period status target { contributedBy } ... on ObservedMetricRow { count value }
      } } }`)
    expect(data.person.kpis).toEqual([
      { period: "2026-03-02", status: "on_track", target: { contributedBy: "support" }, count: 1, value: 1 },
      { period: "2026-03-09", status: "off_track", target: { contributedBy: "support" }, count: 1, value: 0 },
      { period: "2026-03-16", status: "on_track", target: { contributedBy: "support" }, count: 2, value: 2 },
    ])
  })

  it("computes days to productive from the hire date to the first week with enough conversations", async () => {
    // Ana, hired Wednesday 4 March: one conversation that week, two in the week of 16 March → 12 days.
    await host.createPerson(ana, "alpha", "2026-03-04")
    // Bo, hired Monday 2 March: two in his first week → 0 days; a later busy week changes nothing.
    await host.createPerson(bo, "alpha", "2026-03-02")
    await host.ingest([
      ...answered("alpha", ana, "2026-03-05T10:00:00Z", 60),
      ...answered("alpha", ana, "2026-03-16T10:00:00Z", 60),
      ...answered("alpha", ana, "2026-03-17T10:00:00Z", 60),
      ...answered("alpha", bo, "2026-03-03T10:00:00Z", 60),
      ...answered("alpha", bo, "2026-03-04T10:00:00Z", 60),
      ...answered("alpha", bo, "2026-03-23T10:00:00Z", 60),
      ...answered("alpha", bo, "2026-03-24T10:00:00Z", 60),
    ])
    const query = (
      groupBy: string,
    ) => `{ metric(query: { metric: "support.days_to_productive", groupBy: ${groupBy}, asOf: "2026-04-01T00:00:00Z" }) {
      team person ... on ObservedMetricRow { count value aggregation unit } } }`
    expect((await host.data(query("[person]"))).metric).toEqual([
      { team: null, person: ana, count: 1, value: 12, aggregation: "median", unit: "days" },
      { team: null, person: bo, count: 1, value: 0, aggregation: "median", unit: "days" },
    ])
    // The team's median of 12 and 0.
    expect((await host.data(query("[team]"))).metric).toEqual([
      { team: "alpha", person: null, count: 2, value: 6, aggregation: "median", unit: "days" },
    ])
  })
})
