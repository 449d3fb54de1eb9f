import { measured, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { kpiKeys } from "../src/TeamKpis.js"
import { randomLog } from "../src/testing.js"
import { graphqlData, openKpi, type TestKpi } from "./support.js"

// The KPIs of a team page: every headline metric of each team listed, by team and day. What
// it costs in statements must not grow with the number of teams nor with the log.

const teams = Array.from({ length: 20 }, (_, i) => `team-${String(i).padStart(2, "0")}`)

/** A random log whose conversations and sends are spread over the 20 teams. */
const spreadLog = (seed: number, conversations: number) => {
  const log = randomLog(seed, conversations)
  const teamOf = (id: string) => teams[[...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7) % teams.length]
  const events = log.events.map((event) =>
    typeof event.teamKey === "string" ? { ...event, teamKey: teamOf(String(event.conversationId ?? event.id)) } : event,
  )
  return { events, end: log.end }
}

const rowFields = `metric team period
  ... on CountMetricRow { count }
  ... on DurationMetricRow { calendar { count median p90 max } business { count median } open unanswered }
  ... on RateMetricRow { numerator denominator rate provisional }
  ... on IqsMetricRow { count iqs }
  ... on ConcurrencyMetricRow { mean max weightedMean weightedMax }`

const window = (end: number) => ({
  from: "2026-03-20T00:00:00Z",
  to: new Date(end).toISOString(),
  asOf: new Date(end).toISOString(),
})

const page = (first: number, end: number) => {
  const { from, to, asOf } = window(end)
  return `{ teams(first: ${first}) { edges { node { key
    kpis(from: "${from}", to: "${to}", asOf: "${asOf}", groupBy: [team, period], period: day) { ${rowFields} }
  } } } }`
}

describe.each(testDialects())("the KPIs of a team page on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    for (const team of teams) await kpi.createTeam(team)
  })
  afterEach(() => kpi.close())

  const ingest = async (events: ReadonlyArray<Record<string, unknown>>) => {
    for (let i = 0; i < events.length; i += 1000) await kpi.ingest(events.slice(i, i + 1000))
  }

  it("sends as many statements for 20 teams as for one, and for a log ten times larger", async () => {
    const small = spreadLog(1, 80)
    await ingest(small.events)
    const one = await measured(kpi, () => graphqlData(kpi.server, page(1, small.end)))
    const twenty = await measured(kpi, () => graphqlData(kpi.server, page(20, small.end)))
    expect(twenty.answer.teams.edges).toHaveLength(20)
    expect(twenty.answer.teams.edges.filter((e: any) => e.node.kpis.length > 0).length).toBeGreaterThan(10)
    expect(twenty.sent.length, twenty.sent.join("\n")).toBe(one.sent.length)
    // teams, calendars, cycles, replies, ratings, reviews, spans of resolved cycles, the
    // earliest event, spans meeting the window and their complexity.
    expect(twenty.sent.length, twenty.sent.join("\n")).toBeLessThanOrEqual(12)

    // More conversations than a list of ids of one statement used to hold.
    const large = spreadLog(2, 800)
    await ingest(large.events)
    const more = await measured(kpi, () => graphqlData(kpi.server, page(20, Math.max(small.end, large.end))))
    expect(more.sent.length, more.sent.join("\n")).toBe(twenty.sent.length)
  })

  it("answers each team's KPIs as the report of every team does", async () => {
    const log = spreadLog(3, 300)
    await ingest(log.events)
    const listed = (await graphqlData(kpi.server, page(20, log.end))).teams.edges
    const { from, to, asOf } = window(log.end)
    for (const metric of kpiKeys) {
      const all = await graphqlData(
        kpi.server,
        `query($query: MetricQueryInput!) { metric(query: $query) { ${rowFields} } }`,
        { query: { metric, groupBy: ["team", "period"], period: "day", from, to, asOf } },
      )
      for (const { node } of listed) {
        const expected = all.metric.filter((row: any) => row.team === node.key)
        expect(
          node.kpis.filter((row: any) => row.metric === metric),
          `${metric} of ${node.key}`,
        ).toEqual(expected)
      }
    }
  })
})
