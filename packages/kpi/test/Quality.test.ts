// Quality reviews (docs/metrics.md, section 7): scores, iqs, qa_pass_rate and their grouping, worked out by hand.

import { CreatePersonInput, PersonRepo } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { DAY, HOUR, iso, MIN, openKpi, type TestKpi } from "./support.js"

let n = 0

interface Category {
  readonly weight?: number
  readonly min?: number
  readonly max?: number
  readonly critical?: boolean
}

/** A scorecard entry: `value` on the scale `[min, max]` (default 0 to 10), or `null` for N/A. */
const cat = (value: number | null, { weight = 1, min = 0, max = 10, critical = false }: Category = {}) => ({
  category: `c${++n}`,
  weight,
  scale: { min, max },
  value,
  critical,
})

/** A `qa.reviewed` event at an offset from T0. */
const reviewed = (
  t: number,
  reviewee: string,
  scorecard: ReadonlyArray<ReturnType<typeof cat>>,
  conversationId?: string,
) => ({
  id: `review-${++n}`,
  type: "qa.reviewed",
  at: iso(t),
  actor: { kind: "human", email: "rita@example.com" },
  review: { reviewer: "rita@example.com", scorecard },
  reviewee,
  ...(conversationId === undefined ? {} : { conversationId }),
})

const conversationEvent = (conversationId: string, type: string, t: number, extra: Record<string, unknown> = {}) => ({
  id: `${conversationId}-${++n}`,
  type,
  at: iso(t),
  actor: { kind: type === "conversation.created" ? "customer" : "automation" },
  conversationId,
  ...extra,
})
const created = (conversationId: string, t: number) => conversationEvent(conversationId, "conversation.created", t)
/** `teamKey` left out keeps the conversation's team. */
const assigned = (conversationId: string, t: number, email: string, teamKey?: string) =>
  conversationEvent(conversationId, "conversation.assigned", t, {
    assignee: { email },
    ...(teamKey === undefined ? {} : { teamKey }),
  })

const close = (x: number) => expect.closeTo(x, 9)
const iqsRow = (fields: object) => ({ metric: "iqs", basis: "review", ...fields })
const passRow = (fields: object) => ({ metric: "qa_pass_rate", basis: "review", ...fields })

describe.each(testDialects())("quality reviews on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
  })
  afterEach(() => kpi.close())

  const report = (query: Record<string, unknown>) => kpi.report(query)
  const createPerson = (email: string, teamKey: string) =>
    kpi.run(
      Effect.flatMap(PersonRepo, (people) =>
        people.create(Schema.decodeUnknownSync(CreatePersonInput)({ name: email, email, timeZone: "UTC", teamKey })),
      ),
    )

  // One reviewee per review, so that grouping by person shows each review's score.
  const scored = [
    // (4−1)/(5−1) = 0.75 weight 2; (10−0)/10 = 1 weight 1; N/A weight 3 left out → (1.5 + 1) / 3 = 5/6.
    reviewed(0, "s1@example.com", [cat(4, { weight: 2, min: 1, max: 5 }), cat(10), cat(null, { weight: 3 })]),
    // Critical 1/4 = 0.25 < 0.5 → the review scores 0 whatever the rest.
    reviewed(0, "s2@example.com", [cat(1, { max: 4, critical: true }), cat(1, { weight: 5, max: 1 })]),
    // N/A critical never fails; the other (2−1)/(3−1) = 0.5 → 0.5.
    reviewed(0, "s3@example.com", [cat(null, { max: 4, critical: true }), cat(2, { min: 1, max: 3 })]),
    // All N/A: no score, counted in all_na.
    reviewed(0, "s4@example.com", [cat(null), cat(null, { critical: true })]),
    // Critical exactly 2/4 = 0.5 does not fail; (0.5 + 5/5) / 2 = 0.75.
    reviewed(0, "s5@example.com", [cat(2, { max: 4, critical: true }), cat(5, { max: 5 })]),
    // 4/5 = 0.8, exactly the default threshold.
    reviewed(0, "s6@example.com", [cat(4, { max: 5 })]),
    // (1−(−2))/(2−(−2)) = 0.75 weight 3; (20−10)/(20−10) = 1 weight 1 → (2.25 + 1) / 4 = 0.8125.
    reviewed(0, "s7@example.com", [cat(1, { weight: 3, min: -2, max: 2 }), cat(20, { min: 10, max: 20 })]),
  ]
  const asOf = iso(DAY)

  it("scores each review: weighted mean of the non-N/A categories, zero when a critical one fails", async () => {
    await kpi.ingest(scored)
    expect(await report({ metric: "iqs", groupBy: ["person"], asOf })).toEqual([
      iqsRow({ person: "s1@example.com", count: 1, iqs: close(5 / 6), all_na: 0 }),
      iqsRow({ person: "s2@example.com", count: 1, iqs: 0, all_na: 0 }),
      iqsRow({ person: "s3@example.com", count: 1, iqs: close(0.5), all_na: 0 }),
      iqsRow({ person: "s4@example.com", count: 0, iqs: null, all_na: 1 }),
      iqsRow({ person: "s5@example.com", count: 1, iqs: close(0.75), all_na: 0 }),
      iqsRow({ person: "s6@example.com", count: 1, iqs: close(0.8), all_na: 0 }),
      iqsRow({ person: "s7@example.com", count: 1, iqs: close(0.8125), all_na: 0 }),
    ])
  })

  it("gives iqs as the mean review score and all-N/A reviews apart", async () => {
    await kpi.ingest(scored)
    // 6 scored: (5/6 + 0 + 0.5 + 0.75 + 0.8 + 0.8125) / 6; 1 all N/A.
    expect(await report({ metric: "iqs", asOf })).toEqual([
      iqsRow({ count: 6, iqs: close((5 / 6 + 0 + 0.5 + 0.75 + 0.8 + 0.8125) / 6), all_na: 1 }),
    ])
  })

  it("passes reviews at or above 0.8 by default, or the threshold asked for", async () => {
    await kpi.ingest(scored)
    // ≥ 0.8: s1 (0.833), s6 (0.8), s7 (0.8125) → 3 of 6 scored.
    expect(await report({ metric: "qa_pass_rate", asOf })).toEqual([
      passRow({ numerator: 3, denominator: 6, rate: 0.5, all_na: 1 }),
    ])
    // ≥ 0.75: also s5 → 4/6.
    expect(await report({ metric: "qa_pass_rate", asOf, passThreshold: 0.75 })).toEqual([
      passRow({ numerator: 4, denominator: 6, rate: 0.666666667, all_na: 1 }),
    ])
    // ≥ 0.9: none → 0/6.
    expect(await report({ metric: "qa_pass_rate", asOf, passThreshold: 0.9 })).toEqual([
      passRow({ numerator: 0, denominator: 6, rate: 0, all_na: 1 }),
    ])
    // ≥ 0: every scored review, the zeroed s2 too → 6/6.
    expect(await report({ metric: "qa_pass_rate", asOf, passThreshold: 0 })).toEqual([
      passRow({ numerator: 6, denominator: 6, rate: 1, all_na: 1 }),
    ])
    // A person with only an all-N/A review: 0/0, rate null.
    const s4 = (await report({ metric: "qa_pass_rate", groupBy: ["person"], asOf })).find(
      (r) => r.person === "s4@example.com",
    )
    expect(s4).toEqual(passRow({ person: "s4@example.com", numerator: 0, denominator: 0, rate: null, all_na: 1 }))
  })

  it("counts a review at its instant", async () => {
    await kpi.ingest([
      reviewed(0, "ana@example.com", [cat(10)]), // Mon, 1
      reviewed(DAY, "ana@example.com", [cat(6)]), // Tue, 0.6
      reviewed(DAY + HOUR, "ana@example.com", [cat(null)]), // Tue, all N/A
      reviewed(2 * DAY, "ana@example.com", [cat(9)]), // Wed, 0.9
    ])
    // By day, asOf Tue 12:00: Mon 1 → iqs 1; Tue 0.6 and an all-N/A. Wednesday's review is after asOf.
    expect(await report({ metric: "iqs", groupBy: ["period"], period: "day", asOf: iso(DAY + 3 * HOUR) })).toEqual([
      iqsRow({ period: "2026-03-02", count: 1, iqs: 1, all_na: 0 }),
      iqsRow({ period: "2026-03-03", count: 1, iqs: close(0.6), all_na: 1 }),
    ])
    // [Tue 00:00, Thu 00:00) as of Fri: 0.6 and 0.9 → iqs 0.75, pass 1 of 2.
    const range = { from: "2026-03-03T00:00:00Z", to: "2026-03-05T00:00:00Z", asOf: iso(4 * DAY) }
    expect(await report({ metric: "iqs", ...range })).toEqual([iqsRow({ count: 2, iqs: close(0.75), all_na: 1 })])
    expect(await report({ metric: "qa_pass_rate", ...range })).toEqual([
      passRow({ numerator: 1, denominator: 2, rate: 0.5, all_na: 1 }),
    ])
  })

  it("groups by the reviewee, and by the conversation's team at the review or else the reviewee's team", async () => {
    await kpi.createTeam("alpha")
    await kpi.createTeam("beta")
    await createPerson("ana@example.com", "alpha")
    await kpi.ingest([
      created("c1", 0),
      assigned("c1", HOUR, "bo@example.com", "beta"), // c1 is beta's from 10:00
      assigned("c1", HOUR + 30 * MIN, "cy@example.com"), // to cy at 10:30, team left out: still beta
      assigned("c1", 3 * HOUR, "ana@example.com", "alpha"), // and alpha's from 12:00, after the reviews
      created("c2", 0),
      assigned("c2", 5 * HOUR, "ana@example.com", "beta"), // c2 has no team until 14:00
      // All reviews at 11:00. Scores: value/10.
      reviewed(2 * HOUR, "ana@example.com", [cat(9)], "c1"), // 0.9: c1 is beta's at 11:00 → beta
      reviewed(2 * HOUR, "ana@example.com", [cat(6)], "c2"), // 0.6: c2 has no team yet → ana's team alpha
      reviewed(2 * HOUR, "Ana@Example.com", [cat(8)]), // 0.8: no conversation → ana's team alpha
      reviewed(2 * HOUR, "zed@example.com", [cat(5)]), // 0.5: zed is no known person → no team
      reviewed(2 * HOUR, "zed@example.com", [cat(10)], "c1"), // 1: c1 → beta
      reviewed(2 * HOUR, "bo@example.com", [cat(null)]), // all N/A: bo's team beta
    ])
    // bo joins the organisation after the events: his reviews are linked to him (team beta) from now on.
    await createPerson("bo@example.com", "beta")
    const asOf = iso(DAY)
    // null: 0.5. alpha: 0.6, 0.8 → 0.7. beta: 0.9, 1 → 0.95, plus one all N/A.
    expect(await report({ metric: "iqs", groupBy: ["team"], asOf })).toEqual([
      iqsRow({ team: null, count: 1, iqs: close(0.5), all_na: 0 }),
      iqsRow({ team: "alpha", count: 2, iqs: close(0.7), all_na: 0 }),
      iqsRow({ team: "beta", count: 2, iqs: close(0.95), all_na: 1 }),
    ])
    // Passing (≥ 0.8): null 0/1; alpha 0.8 → 1/2; beta 2/2.
    expect(await report({ metric: "qa_pass_rate", groupBy: ["team"], asOf })).toEqual([
      passRow({ team: null, numerator: 0, denominator: 1, rate: 0, all_na: 0 }),
      passRow({ team: "alpha", numerator: 1, denominator: 2, rate: 0.5, all_na: 0 }),
      passRow({ team: "beta", numerator: 2, denominator: 2, rate: 1, all_na: 1 }),
    ])
    // ana (emails compared without case): 0.9, 0.6, 0.8 → 2.3/3. bo: only N/A. zed: 0.5, 1 → 0.75.
    expect(await report({ metric: "iqs", groupBy: ["person"], asOf })).toEqual([
      iqsRow({ person: "ana@example.com", count: 3, iqs: close(2.3 / 3), all_na: 0 }),
      iqsRow({ person: "bo@example.com", count: 0, iqs: null, all_na: 1 }),
      iqsRow({ person: "zed@example.com", count: 2, iqs: close(0.75), all_na: 0 }),
    ])
    // Team then person: null/zed 0.5; alpha/ana 0.6, 0.8; beta/ana 0.9; beta/bo N/A; beta/zed 1.
    expect(await report({ metric: "iqs", groupBy: ["team", "person"], asOf })).toEqual([
      iqsRow({ team: null, person: "zed@example.com", count: 1, iqs: close(0.5), all_na: 0 }),
      iqsRow({ team: "alpha", person: "ana@example.com", count: 2, iqs: close(0.7), all_na: 0 }),
      iqsRow({ team: "beta", person: "ana@example.com", count: 1, iqs: close(0.9), all_na: 0 }),
      iqsRow({ team: "beta", person: "bo@example.com", count: 0, iqs: null, all_na: 1 }),
      iqsRow({ team: "beta", person: "zed@example.com", count: 1, iqs: 1, all_na: 0 }),
    ])
  })
})
