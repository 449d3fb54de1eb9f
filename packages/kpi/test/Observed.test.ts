// Plugin metrics over `metric.observed` (docs/metrics.md, section 13), every value worked out by hand.
import { definePlugin } from "@teamops/core"
import { CreatePersonInput, orgPlugin, PersonRepo } from "@teamops/org"
import { openTestHost, testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { EventLog } from "../src/EventLog.js"
import { observedMetric } from "../src/index.js"
import { kpiPlugin } from "../src/plugin.js"
import { kpiKit } from "../src/testing.js"
import { DAY, failureOf, HOUR, iso, type TestKpi } from "./support.js"

const aggregations = ["sum", "count", "mean", "median", "p90", "max", "last"] as const

/** A plugin of another team: it knows kpi only through what kpi exports. */
const acmePlugin = definePlugin({
  id: "acme",
  version: "1.0.0",
  dependsOn: ["kpi"],
  contributes: aggregations.map((aggregation) =>
    observedMetric({
      key: `acme.${aggregation}_of_calls`,
      description: `Calls, aggregated by ${aggregation}.`,
      unit: "calls",
      direction: "up",
      aggregation,
    }),
  ),
})

const ana = "ana@example.com"
const stranger = "zed@example.com"
let n = 0
const observed = (metric: string, t: number, subject: object, value: number) => ({
  id: `o${++n}`,
  type: "metric.observed",
  at: iso(t),
  actor: { kind: "automation" },
  metric,
  subject,
  value,
})

/** The week of 2 March: 3, 1, 4, 1, 5 at 09:00 to 13:00; the week of 9 March: 2 and 6 at 09:00. */
const calls = (metric: string, subject: object = { person: ana }) => [
  ...[3, 1, 4, 1, 5].map((value, i) => observed(metric, i * HOUR, subject, value)),
  observed(metric, 7 * DAY, subject, 2),
  observed(metric, 7 * DAY, subject, 6),
]

describe.each(testDialects())("plugin metrics on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    const host = await openTestHost(dialect, [orgPlugin, kpiPlugin, acmePlugin])
    kpi = { ...host, ...kpiKit(host.run) }
    await kpi.createTeam("alpha")
    await kpi.run(
      Effect.flatMap(PersonRepo, (people) =>
        people.create(
          Schema.decodeUnknownSync(CreatePersonInput)({ name: "Ana", email: ana, timeZone: "UTC", teamKey: "alpha" }),
        ),
      ),
    )
  })
  afterEach(() => kpi.close())

  const weekly = (metric: string) =>
    kpi.report({ metric, groupBy: ["person", "period"], period: "week", asOf: iso(30 * DAY) })

  it.each([
    // Week 1 sorted 1 1 3 4 5; week 2: 2 6.
    ["sum", 14, 8],
    ["count", 5, 2],
    ["mean", 2.8, 4],
    ["median", 3, 4],
    // (5 − 1) × 0.9 = 3.6 → 4 + 0.6 × (5 − 4) = 4.6; (2 − 1) × 0.9 → 2 + 0.9 × 4 = 5.6.
    ["p90", 4.6, 5.6],
    ["max", 5, 6],
    // The latest instant; of the two at 9 March 09:00, the later to arrive.
    ["last", 5, 6],
  ] as const)("aggregates by %s", async (aggregation, week1, week2) => {
    const metric = `acme.${aggregation}_of_calls`
    await kpi.ingest(calls(metric))
    const common = { metric, basis: "observation", person: ana, aggregation, unit: "calls" }
    expect(await weekly(metric)).toEqual([
      { ...common, period: "2026-03-02", count: 5, value: expect.closeTo(week1, 9) },
      { ...common, period: "2026-03-09", count: 2, value: expect.closeTo(week2, 9) },
    ])
  })

  it("groups a person's values with their team, and a team's with the team", async () => {
    await kpi.ingest([
      ...calls("acme.sum_of_calls"),
      ...calls("acme.sum_of_calls", { team: "alpha" }),
      observed("acme.sum_of_calls", 0, { person: stranger }, 10),
    ])
    // alpha: Ana's 14 + 8 and the team's own 14 + 8; someone the organisation does not know has no team.
    expect(await kpi.report({ metric: "acme.sum_of_calls", groupBy: ["team"], asOf: iso(30 * DAY) })).toMatchObject([
      { team: null, count: 1, value: 10 },
      { team: "alpha", count: 14, value: 44 },
    ])
  })

  it("keeps the window and asOf", async () => {
    await kpi.ingest(calls("acme.sum_of_calls"))
    // From 10:00 (the 1 at 10:00 included) to 13:00 (the 5 excluded), as of 11:00 (the 1 at 12:00 not yet).
    expect(
      await kpi.report({ metric: "acme.sum_of_calls", from: iso(HOUR), to: iso(4 * HOUR), asOf: iso(2 * HOUR) }),
    ).toMatchObject([{ count: 2, value: 5 }])
  })

  const refusal = async (events: ReadonlyArray<unknown>) => {
    const exit = await kpi.exit(
      Effect.flatMap(EventLog, (log) => log.ingest(events.map((value, i) => ({ where: `line ${i + 1}`, value })))),
    )
    return (failureOf(exit) as { problems: ReadonlyArray<string> }).problems
  }

  it("refuses a value of a metric no plugin declares, and a team that does not exist", async () => {
    expect(await refusal([observed("acme.sum_of_call", 0, { person: ana }, 1)])).toEqual([
      expect.stringMatching(
        /^line 1 \(event "o\d+"\): metric: no plugin declares the metric "acme\.sum_of_call" \(declared: acme\.sum_of_calls, acme\.count_of_calls, .*\)$/,
      ),
    ])
    expect(await refusal([observed("acme.sum_of_calls", 0, { team: "omega" }, 1)])).toEqual([
      expect.stringMatching(/^line 1 \(event "o\d+"\): subject\.team: no team with key "omega"$/),
    ])
    expect(await kpi.report({ metric: "acme.sum_of_calls" })).toEqual([])
  })

  it("answers GraphQL rows of type ObservedMetricRow", async () => {
    await kpi.ingest(calls("acme.median_of_calls"))
    const data = await kpi.data(`{
      metric(query: { metric: "acme.median_of_calls", groupBy: [person], asOf: "2026-04-01T00:00:00Z" }) {
        __typename person ... on ObservedMetricRow { count value aggregation unit }
      }
    }`)
    // All seven sorted: 1 1 2 3 4 5 6 → 3.
    expect(data.metric).toEqual([
      { __typename: "ObservedMetricRow", person: ana, count: 7, value: 3, aggregation: "median", unit: "calls" },
    ])
  })
})

describe("a plugin's metric keys", () => {
  it("must carry the plugin's own id", async () => {
    const squatter = definePlugin({
      id: "squatter",
      version: "1.0.0",
      dependsOn: ["kpi"],
      contributes: [
        observedMetric({
          key: "acme.calls",
          description: "Calls.",
          unit: "calls",
          direction: "up",
          aggregation: "sum",
        }),
      ],
    })
    await expect(openTestHost("sqlite", [orgPlugin, kpiPlugin, squatter])).rejects.toThrow(
      /metric "acme\.calls" is prefixed by another plugin's id: expected "squatter\."/,
    )
  })
})
