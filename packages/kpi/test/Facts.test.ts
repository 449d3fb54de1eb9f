// The drill-down (docs/metrics.md, section 14): the facts of every row sum back to the row.
import { decodeInput, definePlugin } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import { openTestHost, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MetricRowRef, reportRows } from "../src/index.js"
import { factsOf, type MetricFact } from "../src/MetricFacts.js"
import { MetricQuery } from "../src/MetricQuery.js"
import { Metrics } from "../src/MetricReport.js"
import { kpiPlugin } from "../src/plugin.js"
import type { ReportRow } from "../src/ReportContext.js"
import type { Summary } from "../src/Statistics.js"
import { kpiKeys } from "../src/TeamKpis.js"
import { kpiKit, randomLog, randomLogTeams } from "../src/testing.js"
import type { TestKpi } from "./support.js"

/** Another team's field answering kpi's rows as they are, without their facts kept. */
const acmePlugin = definePlugin({
  id: "acme",
  version: "1.0.0",
  dependsOn: ["kpi"],
  schema: (builder, { runQuery }) =>
    builder.queryField("acmeResponseTimes", (t) =>
      t.field({
        authScopes: { scope: "metrics:read" },
        type: [MetricRowRef],
        args: { asOf: t.arg.string({ required: true }) },
        resolve: (_, { asOf }) => runQuery(reportRows({ metric: "first_response_time", groupBy: ["team"], asOf }, [])),
      }),
    ),
})

const measured = (facts: ReadonlyArray<MetricFact>) =>
  facts.flatMap((f) => (f.reason === null ? [f.value as number] : []))
const sum = (values: ReadonlyArray<number>) => values.reduce((a, b) => a + b, 0)
const sorted = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)
const reasons = (facts: ReadonlyArray<MetricFact>, reason: MetricFact["reason"]) =>
  facts.filter((f) => f.reason === reason).length

/** What each metric's row must show of its facts. */
const checks: Record<string, (row: ReportRow, facts: ReadonlyArray<MetricFact>) => void> = {
  duration: (row, facts) => {
    const calendar = row.calendar as Summary | null
    const values = sorted(measured(facts))
    expect(values.length).toBe(calendar?.count ?? 0)
    if (calendar !== null) {
      expect(values[0]).toBeCloseTo(calendar.min, 3)
      expect(values.at(-1)).toBeCloseTo(calendar.max, 3)
      expect(sum(values) / values.length).toBeCloseTo(calendar.mean, 3)
    }
    expect(reasons(facts, "unanswered")).toBe(row.unanswered ?? 0)
    expect(reasons(facts, "open")).toBe(row.open ?? 0)
  },
  volume: (row, facts) => expect(facts.length).toBe(row.count),
  rate: (row, facts) => {
    if (row.metric === "csat_score") {
      expect(facts.length).toBe(row.denominator)
      expect(facts.filter((f) => (f.value as number) >= 4).length).toBe(row.numerator)
      return
    }
    expect(sum(facts.map((f) => f.value as number))).toBe(row.numerator)
    // A cycle may be in the numerator only (a bot resolution counted beside no bot message does not happen).
    expect(facts.length).toBeGreaterThanOrEqual(row.denominator as number)
  },
  iqs: (row, facts) => {
    expect(measured(facts).length).toBe(row.count)
    expect(reasons(facts, "not_applicable")).toBe(row.all_na)
  },
  qa_pass_rate: (row, facts) => {
    expect(measured(facts).length).toBe(row.denominator)
    expect(reasons(facts, "not_applicable")).toBe(row.all_na)
  },
}
const checkOf = (metric: string) =>
  ["first_response_time", "reply_time", "resolution_time", "handling_time"].includes(metric)
    ? checks.duration
    : metric === "volume" || metric === "iqs" || metric === "qa_pass_rate"
      ? checks[metric]
      : checks.rate

// Every headline metric but concurrency, which measures time and lists no facts.
const metrics = kpiKeys.filter((key) => key !== "concurrency")

describe.each(testDialects())("drill-down facts on %s", (dialect) => {
  let kpi: TestKpi
  let end: number
  beforeAll(async () => {
    const host = await openTestHost(dialect, [orgPlugin, kpiPlugin, acmePlugin])
    kpi = { ...host, ...kpiKit(host.run) }
    for (const team of randomLogTeams) await kpi.createTeam(team)
    const log = randomLog(7, 60)
    end = log.end
    await kpi.ingest(log.events)
  })
  afterAll(() => kpi.close())

  const drilled = (query: Record<string, unknown>) =>
    kpi.run(
      Effect.flatMap(decodeInput(MetricQuery)(query), (q) =>
        Effect.flatMap(Metrics, (m) => Effect.map(m.reports([q], { drill: true }), (reports) => reports[0] ?? [])),
      ),
    )

  it.each(metrics)("%s: every row's facts sum back to it", async (metric) => {
    const asOf = new Date(end - 86_400_000).toISOString()
    const rows = await drilled({ metric, groupBy: ["team", "person", "period"], period: "day", asOf })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((row) => (factsOf(row) ?? []).length > 0)).toBe(true)
    for (const row of rows) {
      const facts = factsOf(row) ?? []
      checkOf(metric)?.(row, facts)
      for (const fact of facts) {
        expect([fact.team ?? null, fact.person ?? null]).toEqual([row.team ?? null, row.person ?? null])
      }
    }
    // The same rows as without the drill-down.
    const plain = await kpi.report({ metric, groupBy: ["team", "person", "period"], period: "day", asOf })
    expect(rows).toEqual(plain)
  })

  it("lists the facts of a row through GraphQL, a page at a time", async () => {
    const asOf = new Date(end).toISOString()
    const query = `query($after: String) { metric(query: { metric: "first_response_time", groupBy: [team], asOf: "${asOf}" }) {
      team ... on DurationMetricRow { calendar { count } unanswered }
      facts(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { conversationId cycle person team at value reason } } }
    } }`
    const first = await kpi.data(query)
    const row = first.metric[0]
    expect(row.facts.totalCount).toBe(row.calendar.count + row.unanswered)
    expect(row.facts.edges).toHaveLength(5)
    const second = await kpi.data(query, { after: row.facts.pageInfo.endCursor })
    const next = second.metric[0].facts.edges.map((e: any) => e.node)
    expect(next[0].at >= row.facts.edges[4].node.at).toBe(true)
    expect(next.some((n: any) => JSON.stringify(n) === JSON.stringify(row.facts.edges[4].node))).toBe(false)
  })

  it("lists the same facts for rows answered without them, by asking again", async () => {
    const asOf = new Date(end).toISOString()
    const facts = "facts(first: 100) { totalCount edges { node { conversationId cycle person team at value reason } } }"
    const kept = await kpi.data(
      `{ metric(query: { metric: "first_response_time", groupBy: [team], asOf: "${asOf}" }) { team ${facts} } }`,
    )
    const askedAgain = await kpi.data(`{ acmeResponseTimes(asOf: "${asOf}") { team ${facts} } }`)
    expect(kept.metric.length).toBeGreaterThan(1)
    expect(kept.metric[0].facts.totalCount).toBeGreaterThan(0)
    expect(askedAgain.acmeResponseTimes).toEqual(kept.metric)
  })
})
