// Rounding of report figures (docs/metrics.md, section 10): time statistics to the
// millisecond, quotients to 1e-9, with values whose plain floating-point result shows noise.
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { stepStatistics } from "../src/Concurrency.js"
import { meanOf, percentile, rate, summarize } from "../src/Statistics.js"
import { DAY, iso, MIN, openKpi, type TestKpi } from "./support.js"

describe("statistics", () => {
  it("rounds percentiles to the millisecond: p90 of 60, 600, 1620 and 3600 s is 3006", () => {
    // Unrounded, the interpolation 1620 + 0.7 × 1980 gives 3006.0000000000005.
    expect(percentile([60, 600, 1620, 3600], 0.9)).not.toBe(3006)
    expect(summarize([3600, 60, 1620, 600])).toEqual({
      count: 4,
      median: 1110,
      p90: 3006,
      mean: 1470,
      min: 60,
      max: 3600,
    })
  })

  it("rounds means of seconds to the millisecond: 0.1, 0.2 and 0.3 s average 0.2", () => {
    // Unrounded: (0.1 + 0.2 + 0.3) / 3 = 0.20000000000000004.
    expect((0.1 + 0.2 + 0.3) / 3).not.toBe(0.2)
    expect(summarize([0.3, 0.1, 0.2])).toMatchObject({ mean: 0.2, median: 0.2, p90: 0.28 })
    // Half a millisecond and more goes up.
    expect(summarize([1.0004, 2.0006])).toMatchObject({ min: 1, max: 2.001, mean: 1.501 })
  })

  it("rounds quotients to 1e-9", () => {
    expect(rate(1, 3)).toEqual({ numerator: 1, denominator: 3, rate: 0.333333333 })
    expect(rate(2, 3).rate).toBe(0.666666667)
    expect(rate(3, 4).rate).toBe(0.75)
    expect(rate(0, 0).rate).toBeNull()
    // Scores of 0.7, 0.9 and 0.8 average 0.8, where plain arithmetic gives 0.7999999999999999.
    expect(meanOf([0.7, 0.9, 0.8])).toBe(0.8)
    expect(meanOf([1, 0, 0])).toBe(0.333333333)
    expect(meanOf([])).toBeNull()
  })

  it("rounds concurrency's time-weighted mean and sums of fractional weights to 1e-9", () => {
    // One conversation held during the first third of the window.
    expect(stepStatistics([{ start: 0, end: 1_000, weight: 1 }], 0, 3_000)).toEqual({ max: 1, mean: 0.333333333 })
    // Weights 0.1 and 0.2 at once: 0.3, not 0.30000000000000004.
    const loads = [
      { start: 0, end: 2_000, weight: 0.1 },
      { start: 1_000, end: 2_000, weight: 0.2 },
    ]
    expect(stepStatistics(loads, 0, 2_000)).toEqual({ max: 0.3, mean: 0.2 })
  })
})

describe.each(testDialects())("report figures on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
  })
  afterEach(() => kpi.close())

  const ana = { kind: "human", email: "ana@example.com" }
  let n = 0
  const event = (conversationId: string, type: string, at: number, actor: object) => ({
    id: `${conversationId}-${++n}`,
    type,
    at: iso(at),
    actor,
    conversationId,
  })
  /** A conversation answered `seconds` after it started, and resolved a minute later when `resolved`. */
  const answeredAfter = (conversationId: string, seconds: number, resolved = true) => [
    event(conversationId, "conversation.created", 0, { kind: "customer" }),
    event(conversationId, "message.customer", 0, { kind: "customer" }),
    event(conversationId, "message.human", seconds * 1_000, ana),
    ...(resolved ? [event(conversationId, "conversation.resolved", seconds * 1_000 + MIN, ana)] : []),
  ]
  const asOf = iso(DAY)

  it("answers time statistics to the millisecond and rates to 1e-9", async () => {
    await kpi.ingest([
      ...answeredAfter("a", 60),
      ...answeredAfter("b", 600),
      ...answeredAfter("c", 1_620),
      ...answeredAfter("d", 3_600, false),
      event("a", "conversation.reopened", 2 * 3_600_000, { kind: "customer" }),
    ])
    const [frt] = await kpi.report({ metric: "first_response_time", asOf })
    expect(frt).toMatchObject({ calendar: { count: 4, median: 1110, p90: 3006, mean: 1470, min: 60, max: 3600 } })
    // One of the three resolved cycles was reopened within 7 days.
    const [reopen] = await kpi.report({ metric: "reopen_rate", asOf })
    expect(reopen).toMatchObject({ numerator: 1, denominator: 3, rate: 0.333333333 })
  })

  it("scores reviews to 1e-9, so that a score of 0.8 passes the threshold of 0.8", async () => {
    const category = (value: number) => ({ category: `c${value}`, weight: 0.1, scale: { min: 0, max: 10 }, value })
    const review = (id: string, values: ReadonlyArray<number>) => ({
      id,
      type: "qa.reviewed",
      at: iso(0),
      actor: { kind: "human", email: "rita@example.com" },
      review: { reviewer: "rita@example.com", scorecard: values.map(category) },
      reviewee: "ana@example.com",
    })
    // (0.1 × 0.7 + 0.1 × 0.9) / 0.2 is 0.7999999999999999 in plain arithmetic; 0.1 × 0.6 / 0.1 is 0.6.
    await kpi.ingest([review("r1", [7, 9]), review("r2", [6]), review("r3", [10])])
    const [pass] = await kpi.report({ metric: "qa_pass_rate", asOf })
    expect(pass).toMatchObject({ numerator: 2, denominator: 3, rate: 0.666666667 })
    const [iqs] = await kpi.report({ metric: "iqs", asOf })
    // (0.8 + 0.6 + 1) / 3
    expect(iqs).toMatchObject({ count: 3, iqs: 0.8 })
  })
})
