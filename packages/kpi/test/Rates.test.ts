// Rates, counts and concurrency (docs/metrics.md, sections 5 and 6), each expectation worked out by hand in a comment.
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { DAY, HOUR, iso, MIN, openKpi, type TestKpi } from "./support.js"

const customer = { kind: "customer" }
const bot = { kind: "bot" }
const automation = { kind: "automation" }
const human = (email = "ana@example.com") => ({ kind: "human", email })

let n = 0
/** The events of conversation `id`, at offsets from T0. */
const chat = (id: string) => {
  const ev = (type: string, t: number, actor: object, extra: Record<string, unknown> = {}) => ({
    id: `${id}.${++n}`,
    type,
    at: iso(t),
    actor,
    conversationId: id,
    ...extra,
  })
  return {
    created: (t: number, extra: Record<string, unknown> = {}, actor: object = customer) =>
      ev("conversation.created", t, actor, extra),
    customer: (t: number) => ev("message.customer", t, customer),
    human: (t: number) => ev("message.human", t, human()),
    bot: (t: number) => ev("message.bot", t, bot),
    handoff: (t: number) => ev("conversation.handoff", t, bot),
    /** `teamKey` left out keeps the team. */
    assigned: (t: number, email: string | null, teamKey?: string | null) =>
      ev("conversation.assigned", t, automation, {
        assignee: email === null ? null : { email },
        ...(teamKey === undefined ? {} : { teamKey }),
      }),
    resolved: (t: number, by: object = human()) => ev("conversation.resolved", t, by),
    reopened: (t: number, by: object = customer) => ev("conversation.reopened", t, by),
    tagged: (t: number, complexity: string) => ev("conversation.tagged", t, automation, { complexity }),
    rated: (t: number, rating: number) => ev("csat.rated", t, customer, { rating }),
  }
}

/** Several conversations at once. */
const chats = <T extends ReadonlyArray<string>>(...ids: T) =>
  ids.map(chat) as { [K in keyof T]: ReturnType<typeof chat> }

const ana = "ana@example.com"
const bo = "bo@example.com"
const cy = "cy@example.com"
const dee = "dee@example.com"
const close = (x: number) => expect.closeTo(x, 9)

describe.each(testDialects())("rates and counts on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    await kpi.createTeam("alpha")
    await kpi.createTeam("beta")
  })
  afterEach(() => kpi.close())

  const report = (query: Record<string, unknown>) => kpi.report(query)

  describe("volume", () => {
    const row = (fields: object) => ({ metric: "volume", basis: "cycle start", ...fields })

    it("counts conversations created, not their later cycles, by the owner of cycle 1", async () => {
      const a = chat("a")
      const b = chat("b")
      const c = chat("c")
      await kpi.ingest([
        // a: cycle 1 Mon 09:00 (owner at its resolution: ana/alpha), then a cycle 2 owned by bo/beta.
        a.created(0),
        a.assigned(MIN, ana, "alpha"),
        a.resolved(10 * MIN),
        a.customer(HOUR),
        a.assigned(HOUR + MIN, bo, "beta"),
        a.resolved(2 * HOUR),
        // b: Tue 09:00, open, bo/beta at asOf.
        b.created(DAY),
        b.assigned(DAY + MIN, bo, "beta"),
        // c: Tue 10:00, outbound (a teammate started it), never assigned.
        c.created(DAY + HOUR, {}, human(cy)),
      ])
      const asOf = iso(3 * DAY)
      // 3 conversations created; a's reopen starts a cycle, not a conversation.
      expect(await report({ metric: "volume", asOf })).toEqual([row({ count: 3 })])
      // Owners: a → ana (cycle 1 ended under ana), b → bo, c → nobody (null first).
      expect(await report({ metric: "volume", groupBy: ["person"], asOf })).toEqual([
        row({ person: null, count: 1 }),
        row({ person: ana, count: 1 }),
        row({ person: bo, count: 1 }),
      ])
      expect(await report({ metric: "volume", groupBy: ["team"], asOf })).toEqual([
        row({ team: null, count: 1 }),
        row({ team: "alpha", count: 1 }),
        row({ team: "beta", count: 1 }),
      ])
      // Basis cycle start: a on Monday; b and c on Tuesday.
      expect(await report({ metric: "volume", groupBy: ["period"], period: "day", asOf })).toEqual([
        row({ period: "2026-03-02", count: 1 }),
        row({ period: "2026-03-03", count: 2 }),
      ])
      // Rows sort by the grouping keys in groupBy order, null first.
      expect(await report({ metric: "volume", groupBy: ["period", "team"], period: "day", asOf })).toEqual([
        row({ period: "2026-03-02", team: "alpha", count: 1 }),
        row({ period: "2026-03-03", team: null, count: 1 }),
        row({ period: "2026-03-03", team: "beta", count: 1 }),
      ])
      expect(await report({ metric: "volume", groupBy: ["team", "period"], period: "day", asOf })).toEqual([
        row({ team: null, period: "2026-03-03", count: 1 }),
        row({ team: "alpha", period: "2026-03-02", count: 1 }),
        row({ team: "beta", period: "2026-03-03", count: 1 }),
      ])
      // As of Mon 11:00 only a exists (its reopen at 10:00 still counts nothing).
      expect(await report({ metric: "volume", asOf: iso(2 * HOUR) })).toEqual([row({ count: 1 })])
      // from Tue 09:00: b and c.
      expect(await report({ metric: "volume", from: iso(DAY), asOf })).toEqual([row({ count: 2 })])
    })
  })

  describe("reopen_rate", () => {
    const row = (fields: object) => ({ metric: "reopen_rate", basis: "resolution", ...fields })

    it("counts a reopen exactly 7 days after the resolution, not 1 ms later", async () => {
      const a = chat("a")
      const b = chat("b")
      const c = chat("c")
      await kpi.ingest([
        a.created(0),
        a.resolved(HOUR),
        a.reopened(HOUR + 7 * DAY), // 7 days to the ms: reopened within 7 days (inclusive)
        b.created(0),
        b.resolved(HOUR),
        b.reopened(HOUR + 7 * DAY + 1), // 1 ms too late
        c.created(0),
        c.resolved(HOUR), // never reopened
      ])
      // Resolved cycles: a#1, b#1, c#1 = 3 (the open cycles 2 are not resolved); reopened within 7 d: a#1.
      // All resolved 30 days before asOf: not provisional.
      expect(await report({ metric: "reopen_rate", asOf: iso(30 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 3, rate: 0.333333333, provisional: false }),
      ])
    })

    it("counts each resolved cycle at its resolution; a customer message reopens", async () => {
      const a = chat("a")
      await kpi.ingest([
        a.created(0),
        a.resolved(HOUR), // Mon 10:00
        a.customer(2 * DAY), // Wed 09:00: reopens (2 days later)
        a.resolved(3 * DAY), // Thu 09:00, never reopened
      ])
      // Mon: cycle 1, reopened → 1/1. Thu: cycle 2 → 0/1.
      expect(await report({ metric: "reopen_rate", groupBy: ["period"], period: "day", asOf: iso(20 * DAY) })).toEqual([
        row({ period: "2026-03-02", numerator: 1, denominator: 1, rate: 1, provisional: false }),
        row({ period: "2026-03-05", numerator: 0, denominator: 1, rate: 0, provisional: false }),
      ])
    })

    it("is provisional while a counted cycle was resolved less than 7 days before asOf", async () => {
      const a = chat("a")
      const b = chat("b")
      await kpi.ingest([
        a.created(0),
        a.assigned(MIN, null, "alpha"),
        a.resolved(HOUR), // Mon 10:00
        b.created(5 * DAY),
        b.assigned(5 * DAY + MIN, null, "beta"),
        b.resolved(5 * DAY + HOUR), // Sat 10:00
      ])
      // asOf exactly 7 days after a's resolution: not "less than 7 days" → alpha final;
      // b resolved 2 days before → beta provisional.
      expect(await report({ metric: "reopen_rate", groupBy: ["team"], asOf: iso(HOUR + 7 * DAY) })).toEqual([
        row({ team: "alpha", numerator: 0, denominator: 1, rate: 0, provisional: false }),
        row({ team: "beta", numerator: 0, denominator: 1, rate: 0, provisional: true }),
      ])
      // 1 ms earlier a was resolved 7 d − 1 ms before asOf: provisional.
      expect(await report({ metric: "reopen_rate", groupBy: ["team"], asOf: iso(HOUR + 7 * DAY - 1) })).toEqual([
        row({ team: "alpha", numerator: 0, denominator: 1, rate: 0, provisional: true }),
        row({ team: "beta", numerator: 0, denominator: 1, rate: 0, provisional: true }),
      ])
    })

    it("ignores a reopen after asOf", async () => {
      const a = chat("a")
      await kpi.ingest([a.created(0), a.resolved(HOUR), a.reopened(2 * DAY)])
      // asOf Tue 09:00: the Wed reopen is not seen → 0/1; resolved 23 h before → provisional.
      expect(await report({ metric: "reopen_rate", asOf: iso(DAY) })).toEqual([
        row({ numerator: 0, denominator: 1, rate: 0, provisional: true }),
      ])
      // asOf Thu: reopened (47 h after) → 1/1; still resolved less than 7 days before asOf → provisional.
      expect(await report({ metric: "reopen_rate", asOf: iso(3 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 1, rate: 1, provisional: true }),
      ])
      // asOf 8 days later: 1/1, final.
      expect(await report({ metric: "reopen_rate", asOf: iso(8 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 1, rate: 1, provisional: false }),
      ])
    })
  })

  describe("csat_score and csat_response_rate", () => {
    const score = (fields: object) => ({ metric: "csat_score", basis: "rating", ...fields })
    const response = (fields: object) => ({ metric: "csat_response_rate", basis: "resolution", ...fields })

    it("gives a rating to the last cycle resolved before it, which keeps its latest rating", async () => {
      const c1 = chat("c1")
      const c2 = chat("c2")
      const c3 = chat("c3")
      await kpi.ingest([
        c1.created(0),
        c1.resolved(HOUR), // cycle 1 resolved
        c1.customer(3 * HOUR), // reopens: cycle 2, open
        c1.rated(4 * HOUR, 5), // last cycle resolved before it is still cycle 1
        c1.resolved(5 * HOUR), // cycle 2 resolved, never rated
        c2.created(0),
        c2.resolved(HOUR),
        c2.rated(2 * HOUR, 3), // → c2 cycle 1
        c3.created(0),
        c3.resolved(HOUR),
        c3.rated(2 * HOUR, 5), // → c3 cycle 1
        c3.reopened(3 * HOUR),
        c3.resolved(4 * HOUR),
        c3.rated(5 * HOUR, 1), // → c3 cycle 2
      ])
      // Arriving later but earlier in time: c1's 2 at 11:00 → cycle 1, where the 5 at 13:00 stays the latest.
      await kpi.ingest([c1.rated(2 * HOUR, 2)])
      const asOf = iso(DAY)
      // Rated cycles and kept ratings: c1#1 = 5, c2#1 = 3, c3#1 = 5, c3#2 = 1 → 4 or 5: 2 of 4.
      expect(await report({ metric: "csat_score", asOf })).toEqual([score({ numerator: 2, denominator: 4, rate: 0.5 })])
      // Resolved cycles: c1#1, c1#2, c2#1, c3#1, c3#2 = 5; rated: all but c1#2 = 4.
      expect(await report({ metric: "csat_response_rate", asOf })).toEqual([
        response({ numerator: 4, denominator: 5, rate: 0.8 }),
      ])
    })

    it("groups a rating by the owner of the cycle it belongs to", async () => {
      const c = chat("c")
      await kpi.ingest([
        c.created(0),
        c.assigned(MIN, ana, "alpha"),
        c.resolved(HOUR), // cycle 1 ends under ana/alpha
        c.customer(2 * HOUR), // cycle 2
        c.assigned(2 * HOUR + MIN, bo, "beta"),
        c.rated(3 * HOUR, 4), // cycle 2 is open → belongs to cycle 1, owned by ana/alpha
      ])
      const asOf = iso(DAY)
      // csat_score: cycle 1 rated 4 → alpha 1/1 (nothing for beta).
      expect(await report({ metric: "csat_score", groupBy: ["team"], asOf })).toEqual([
        score({ team: "alpha", numerator: 1, denominator: 1, rate: 1 }),
      ])
      // csat_response_rate: only cycle 1 is resolved, and it is rated → ana 1/1.
      expect(await report({ metric: "csat_response_rate", groupBy: ["person"], asOf })).toEqual([
        response({ person: ana, numerator: 1, denominator: 1, rate: 1 }),
      ])
    })

    it("counts csat_score at the kept rating and csat_response_rate at the resolution", async () => {
      const c1 = chat("c1")
      const c2 = chat("c2")
      await kpi.ingest([
        c1.created(0),
        c1.resolved(HOUR), // Mon 10:00
        c1.rated(DAY, 4), // Tue 09:00
        c1.rated(2 * DAY, 1), // Wed 09:00: the kept rating
        c2.created(0),
        c2.resolved(DAY), // Tue 09:00
        c2.rated(DAY + HOUR, 5), // Tue 10:00
      ])
      const byDay = { groupBy: ["period"], period: "day", asOf: iso(5 * DAY) }
      // csat_score: Tue: c2 (5) → 1/1; Wed: c1 (kept 1) → 0/1. c1's superseded Tuesday 4 counts nowhere.
      expect(await report({ metric: "csat_score", ...byDay })).toEqual([
        score({ period: "2026-03-03", numerator: 1, denominator: 1, rate: 1 }),
        score({ period: "2026-03-04", numerator: 0, denominator: 1, rate: 0 }),
      ])
      // csat_response_rate: Mon: c1 resolved and rated → 1/1; Tue: c2 → 1/1.
      expect(await report({ metric: "csat_response_rate", ...byDay })).toEqual([
        response({ period: "2026-03-02", numerator: 1, denominator: 1, rate: 1 }),
        response({ period: "2026-03-03", numerator: 1, denominator: 1, rate: 1 }),
      ])
      // As of Mon 12:00 c1 is resolved but not yet rated → 0/1.
      expect(await report({ metric: "csat_response_rate", asOf: iso(3 * HOUR) })).toEqual([
        response({ numerator: 0, denominator: 1, rate: 0 }),
      ])
      // As of Tue 21:00, c1's latest rating is still the 4: Tue: c1 (4), c2 (5) → 2/2.
      expect(
        await report({ metric: "csat_score", groupBy: ["period"], period: "day", asOf: iso(DAY + 12 * HOUR) }),
      ).toEqual([score({ period: "2026-03-03", numerator: 2, denominator: 2, rate: 1 })])
      // [Tue 00:00, Wed 00:00): only c2's rating; c1's kept rating is on Wednesday → 1/1.
      expect(
        await report({
          metric: "csat_score",
          from: "2026-03-03T00:00:00Z",
          to: "2026-03-04T00:00:00Z",
          asOf: iso(5 * DAY),
        }),
      ).toEqual([score({ numerator: 1, denominator: 1, rate: 1 })])
    })
  })

  describe("bot_resolution_rate", () => {
    const row = (fields: object) => ({ metric: "bot_resolution_rate", basis: "resolution", ...fields })

    it("counts bot resolutions without a teammate's message over resolved cycles where a bot wrote", async () => {
      const [b1, b2, b3, b4, b5, b6] = chats("b1", "b2", "b3", "b4", "b5", "b6")
      await kpi.ingest([
        // b1: bot wrote, bot resolved, no teammate → numerator and denominator.
        b1.created(0),
        b1.bot(MIN),
        b1.resolved(2 * MIN, bot),
        // b2: bot wrote, a teammate wrote, bot resolved → denominator only.
        b2.created(0),
        b2.bot(MIN),
        b2.human(2 * MIN),
        b2.resolved(3 * MIN, bot),
        // b3: bot wrote, handed off, a teammate resolved → denominator only.
        b3.created(0),
        b3.bot(MIN),
        b3.handoff(2 * MIN),
        b3.human(3 * MIN),
        b3.resolved(4 * MIN),
        // b4: bot wrote, automation resolved → denominator only.
        b4.created(0),
        b4.bot(MIN),
        b4.resolved(2 * MIN, automation),
        // b5: bot wrote, still open → not resolved, not counted.
        b5.created(0),
        b5.bot(MIN),
        // b6: no bot message, a teammate resolved → not counted.
        b6.created(0),
        b6.human(MIN),
        b6.resolved(2 * MIN),
      ])
      // numerator b1 = 1; denominator b1, b2, b3, b4 = 4.
      expect(await report({ metric: "bot_resolution_rate", asOf: iso(10 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 4, rate: 0.25, provisional: false }),
      ])
    })

    it("counts a bot resolution with no bot message in the numerator only (engine decision)", async () => {
      const c = chat("c")
      await kpi.ingest([c.created(0), c.customer(MIN), c.resolved(2 * MIN, bot)])
      // Resolved by a bot, no teammate → numerator 1; no bot message → denominator 0, rate null.
      expect(await report({ metric: "bot_resolution_rate", asOf: iso(10 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 0, rate: null, provisional: false }),
      ])
      // One hour after: not provisional, since the cycle is not in the denominator.
      expect(await report({ metric: "bot_resolution_rate", asOf: iso(2 * MIN + HOUR) })).toEqual([
        row({ numerator: 1, denominator: 0, rate: null, provisional: false }),
      ])
    })

    it("withdraws a bot resolution reopened within 24 hours, inclusive", async () => {
      const w1 = chat("w1")
      const w2 = chat("w2")
      await kpi.ingest([
        w1.created(0),
        w1.bot(MIN),
        w1.resolved(2 * MIN, bot),
        w1.customer(2 * MIN + DAY), // reopens exactly 24 h later → withdrawn
        w2.created(0),
        w2.bot(MIN),
        w2.resolved(2 * MIN, bot),
        w2.reopened(2 * MIN + DAY + 1), // 24 h + 1 ms → the resolution stands
      ])
      // numerator w2#1 = 1; denominator w1#1, w2#1 = 2 (cycles 2 are open); resolved 10 d ago → final.
      expect(await report({ metric: "bot_resolution_rate", asOf: iso(10 * DAY) })).toEqual([
        row({ numerator: 1, denominator: 2, rate: 0.5, provisional: false }),
      ])
      // As of 1 ms before w1's reopen, neither is reopened: 2/2, resolved 24 h − 1 ms before → provisional.
      expect(await report({ metric: "bot_resolution_rate", asOf: iso(2 * MIN + DAY - 1) })).toEqual([
        row({ numerator: 2, denominator: 2, rate: 1, provisional: true }),
      ])
    })

    it("is provisional while a bot-resolved cycle of its denominator is less than 24 hours old", async () => {
      const p = chat("p")
      const q = chat("q")
      const h = chat("h")
      await kpi.ingest([
        // q (beta): bot-resolved Mon 09:10.
        q.created(0),
        q.assigned(MIN, null, "beta"),
        q.bot(2 * MIN),
        q.resolved(10 * MIN, bot),
        // p (alpha): bot-resolved Wed 09:00.
        p.created(2 * DAY - HOUR),
        p.assigned(2 * DAY - HOUR + MIN, null, "alpha"),
        p.bot(2 * DAY - HOUR + 2 * MIN),
        p.resolved(2 * DAY, bot),
        // h (alpha): a bot wrote, a teammate resolved Wed 09:30 → denominator, never provisional.
        h.created(2 * DAY),
        h.assigned(2 * DAY + MIN, null, "alpha"),
        h.bot(2 * DAY + 2 * MIN),
        h.resolved(2 * DAY + 30 * MIN),
      ])
      // asOf Thu 08:59:59.999: p resolved 24 h − 1 ms before → alpha provisional (1 of p, h);
      // q resolved 2 days before → beta final.
      expect(await report({ metric: "bot_resolution_rate", groupBy: ["team"], asOf: iso(3 * DAY - 1) })).toEqual([
        row({ team: "alpha", numerator: 1, denominator: 2, rate: 0.5, provisional: true }),
        row({ team: "beta", numerator: 1, denominator: 1, rate: 1, provisional: false }),
      ])
      // asOf exactly 24 h after p's resolution: final (h was resolved by a teammate).
      expect(await report({ metric: "bot_resolution_rate", groupBy: ["team"], asOf: iso(3 * DAY) })).toEqual([
        row({ team: "alpha", numerator: 1, denominator: 2, rate: 0.5, provisional: false }),
        row({ team: "beta", numerator: 1, denominator: 1, rate: 1, provisional: false }),
      ])
    })
  })

  describe("handoff_rate", () => {
    const row = (fields: object) => ({ metric: "handoff_rate", basis: "cycle start", ...fields })

    it("counts handoffs among cycles where a bot wrote, at the cycle start", async () => {
      const [h1, h2, h3, h4, h5] = chats("h1", "h2", "h3", "h4", "h5")
      await kpi.ingest([
        // h1 (Mon): bot, handoff → numerator and denominator.
        h1.created(0),
        h1.bot(MIN),
        h1.handoff(2 * MIN),
        // h2 (Mon): bot, no handoff → denominator.
        h2.created(0),
        h2.bot(MIN),
        // h3 (Mon): handoff without a bot message → not in the denominator, so not in the numerator.
        h3.created(0),
        h3.handoff(MIN),
        // h4: starts Mon 23:00; bot Tue 01:00, handoff Tue 01:05 → counted on Monday.
        h4.created(14 * HOUR),
        h4.bot(16 * HOUR),
        h4.handoff(16 * HOUR + 5 * MIN),
        // h5: cycle 1 (Mon) bot-resolved without handoff → denominator;
        // cycle 2 reopened Wed 09:00 with bot and handoff → Wednesday numerator and denominator.
        h5.created(0),
        h5.bot(MIN),
        h5.resolved(2 * MIN, bot),
        h5.customer(2 * DAY),
        h5.bot(2 * DAY + MIN),
        h5.handoff(2 * DAY + 2 * MIN),
      ])
      // Mon: numerator h1, h4 = 2; denominator h1, h2, h4, h5#1 = 4. Wed: h5#2 → 1/1.
      expect(await report({ metric: "handoff_rate", groupBy: ["period"], period: "day", asOf: iso(10 * DAY) })).toEqual(
        [
          row({ period: "2026-03-02", numerator: 2, denominator: 4, rate: 0.5 }),
          row({ period: "2026-03-04", numerator: 1, denominator: 1, rate: 1 }),
        ],
      )
      // As of Tue 01:02: h4's bot message is in, its handoff is not → Mon 1/4; h5's cycle 2 not yet.
      expect(
        await report({ metric: "handoff_rate", groupBy: ["period"], period: "day", asOf: iso(16 * HOUR + 2 * MIN) }),
      ).toEqual([row({ period: "2026-03-02", numerator: 1, denominator: 4, rate: 0.25 })])
    })
  })

  describe("concurrency", () => {
    const row = (fields: object) => ({ metric: "concurrency", basis: expect.any(String), ...fields })

    it("reports the maximum and the time-weighted mean, plain and weighted by complexity", async () => {
      const c1 = chat("c1")
      const c2 = chat("c2")
      await kpi.ingest([
        c1.created(0), // the log's earliest event
        c1.assigned(HOUR, ana),
        c1.resolved(3 * HOUR),
        c2.created(2 * HOUR, { complexity: "complex" }),
        c2.assigned(2 * HOUR, ana),
        c2.resolved(5 * HOUR),
      ])
      // Window [09:00, 15:00) = 6 h. Load: [1,2) h: 1, [2,3): 2, [3,5): 1, [5,6): 0.
      //   max 2, mean (1 + 2 + 2) / 6 = 5/6.
      // Weighted (c1 untagged = 1, c2 complex = 2): [1,2): 1, [2,3): 3, [3,5): 2.
      //   max 3, mean (1 + 3 + 4) / 6 = 8/6.
      const expected = { max: 2, mean: close(5 / 6), weighted_max: 3, weighted_mean: close(8 / 6) }
      expect(await report({ metric: "concurrency", groupBy: ["person"], asOf: iso(6 * HOUR) })).toEqual([
        row({ person: ana, ...expected }),
      ])
      expect(await report({ metric: "concurrency", asOf: iso(6 * HOUR) })).toEqual([row(expected)])
    })

    it("applies a tag from its instant, with default or custom weights", async () => {
      const c = chat("c")
      await kpi.ingest([
        c.created(0),
        c.assigned(0, ana),
        c.tagged(2 * HOUR, "simple"),
        c.tagged(3 * HOUR, "complex"),
        c.resolved(4 * HOUR),
      ])
      const asOf = iso(4 * HOUR)
      // Window [09:00, 13:00) = 4 h, one cycle throughout: max 1, mean 1.
      // Complexity: [0,2) h standard, [2,3) simple, [3,4) complex.
      // Default weights 1, 0.5, 2: area 2 + 0.5 + 2 = 4.5 → mean 4.5/4 = 1.125, max 2.
      expect(await report({ metric: "concurrency", asOf })).toEqual([
        row({ max: 1, mean: 1, weighted_max: 2, weighted_mean: close(1.125) }),
      ])
      // Weights standard 3, simple 1, complex 5: area 6 + 1 + 5 = 12 → mean 3, max 5.
      expect(
        await report({ metric: "concurrency", asOf, complexityWeights: { simple: 1, standard: 3, complex: 5 } }),
      ).toEqual([row({ max: 1, mean: 1, weighted_max: 5, weighted_mean: close(3) })])
      // Only complex given (4), the others default: area 2 + 0.5 + 4 = 6.5 → mean 1.625, max 4.
      expect(await report({ metric: "concurrency", asOf, complexityWeights: { complex: 4 } })).toEqual([
        row({ max: 1, mean: 1, weighted_max: 4, weighted_mean: close(1.625) }),
      ])
    })

    it("averages over the period ∩ [from, to) ∩ [earliest event, asOf), leaving out windows with no load", async () => {
      const c = chat("c")
      await kpi.ingest([
        // The log's earliest event: an article view on Mon 07:00.
        { id: "view-1", type: "article.viewed", at: iso(-2 * HOUR), actor: customer, customerId: "k" },
        c.created(0), // Mon 09:00
        c.assigned(HOUR, ana), // Mon 10:00
        c.resolved(21 * HOUR), // Tue 06:00
      ])
      // asOf Mon 12:00: window [07:00, 12:00) = 5 h, load [10:00, 12:00) = 2 h → mean 0.4.
      expect(await report({ metric: "concurrency", asOf: iso(3 * HOUR) })).toEqual([
        row({ max: 1, mean: close(0.4), weighted_max: 1, weighted_mean: close(0.4) }),
      ])
      // [from, to) = [09:00, 11:00): load [10:00, 11:00) → mean 0.5.
      expect(await report({ metric: "concurrency", from: iso(0), to: iso(2 * HOUR), asOf: iso(3 * HOUR) })).toEqual([
        row({ max: 1, mean: close(0.5), weighted_max: 1, weighted_mean: close(0.5) }),
      ])
      // from before the earliest event and to after asOf: back to [07:00, 12:00) → 0.4.
      expect(
        await report({ metric: "concurrency", from: iso(-5 * HOUR), to: iso(10 * HOUR), asOf: iso(3 * HOUR) }),
      ).toEqual([row({ max: 1, mean: close(0.4), weighted_max: 1, weighted_mean: close(0.4) })])
      // to 09:30: window [07:00, 09:30), before the assignment → no load, no rows.
      expect(await report({ metric: "concurrency", to: iso(30 * MIN), asOf: iso(3 * HOUR) })).toEqual([])

      // By day, asOf Thu 12:00:
      //   Mon: [07:00, 24:00) = 17 h, load [10:00, 24:00) = 14 h → 14/17.
      //   Tue: [00:00, 24:00) = 24 h, load [00:00, 06:00) = 6 h → 0.25.
      //   Wed, Thu: no load → no rows.
      const byDay = { metric: "concurrency", groupBy: ["period"], period: "day", asOf: iso(3 * DAY + 3 * HOUR) }
      expect(await report(byDay)).toEqual([
        row({ period: "2026-03-02", max: 1, mean: close(14 / 17), weighted_max: 1, weighted_mean: close(14 / 17) }),
        row({ period: "2026-03-03", max: 1, mean: close(0.25), weighted_max: 1, weighted_mean: close(0.25) }),
      ])
      // from Mon 12:00: Mon window [12:00, 24:00), all loaded → 1; Tue unchanged.
      expect(await report({ ...byDay, from: iso(3 * HOUR) })).toEqual([
        row({ period: "2026-03-02", max: 1, mean: close(1), weighted_max: 1, weighted_mean: close(1) }),
        row({ period: "2026-03-03", max: 1, mean: close(0.25), weighted_max: 1, weighted_mean: close(0.25) }),
      ])
    })

    it("groups by person and by the team of the assignment, and sums over people otherwise", async () => {
      const [c1, c2, c3, c4] = chats("c1", "c2", "c3", "c4")
      await kpi.ingest([
        c1.created(0),
        c1.assigned(0, ana, "alpha"), // ana/alpha [0, 2) h
        c1.assigned(2 * HOUR, bo, "beta"), // bo/beta [2, 4)
        c1.resolved(4 * HOUR),
        c2.created(0),
        c2.assigned(HOUR, bo, "alpha"), // bo/alpha [1, 3)
        c2.resolved(3 * HOUR),
        c3.created(0),
        c3.assigned(0, null, "beta"), // a team but no person: no load
        c4.created(0),
        c4.assigned(3 * HOUR, cy), // cy, no team, [3, 4) until asOf
      ])
      const asOf = iso(4 * HOUR) // window [09:00, 13:00) = 4 h
      const plain = (max: number, mean: number) => ({
        max,
        mean: close(mean),
        weighted_max: max,
        weighted_mean: close(mean),
      })
      // ana [0,2) → 2/4. bo: [1,2) 1, [2,3) 2, [3,4) 1 → 4/4, max 2. cy [3,4) → 1/4.
      expect(await report({ metric: "concurrency", groupBy: ["person"], asOf })).toEqual([
        row({ person: ana, ...plain(1, 0.5) }),
        row({ person: bo, ...plain(2, 1) }),
        row({ person: cy, ...plain(1, 0.25) }),
      ])
      // null: cy [3,4) → 1/4. alpha: [0,1) 1, [1,2) 2, [2,3) 1 → 4/4, max 2. beta: [2,4) → 2/4.
      expect(await report({ metric: "concurrency", groupBy: ["team"], asOf })).toEqual([
        row({ team: null, ...plain(1, 0.25) }),
        row({ team: "alpha", ...plain(2, 1) }),
        row({ team: "beta", ...plain(1, 0.5) }),
      ])
      // Summed: [0,1) 1, [1,2) 2, [2,3) 2, [3,4) 2 → 7/4, max 2.
      expect(await report({ metric: "concurrency", asOf })).toEqual([row(plain(2, 7 / 4))])
      // Team then person: null/cy, alpha/ana [0,2), alpha/bo [1,3), beta/bo [2,4).
      expect(await report({ metric: "concurrency", groupBy: ["team", "person"], asOf })).toEqual([
        row({ team: null, person: cy, ...plain(1, 0.25) }),
        row({ team: "alpha", person: ana, ...plain(1, 0.5) }),
        row({ team: "alpha", person: bo, ...plain(1, 0.5) }),
        row({ team: "beta", person: bo, ...plain(1, 0.5) }),
      ])
      // Person then team.
      expect(await report({ metric: "concurrency", groupBy: ["person", "team"], asOf })).toEqual([
        row({ person: ana, team: "alpha", ...plain(1, 0.5) }),
        row({ person: bo, team: "alpha", ...plain(1, 0.5) }),
        row({ person: bo, team: "beta", ...plain(1, 0.5) }),
        row({ person: cy, team: null, ...plain(1, 0.25) }),
      ])
    })

    it("splits periods at local midnight of the team's calendar zone when grouped by team", async () => {
      await kpi.setCalendar("alpha", { timeZone: "Europe/Athens", weekly: { mon: [["09:00", "17:00"]] } })
      const c = chat("c")
      await kpi.ingest([
        c.created(0), // Mon 09:00Z, the earliest event
        c.assigned(11 * HOUR, ana, "alpha"), // Mon 20:00Z, open until asOf Tue 09:00Z
      ])
      const query = { metric: "concurrency", period: "day", asOf: iso(DAY) }
      // Athens is UTC+2: local Mar 2 ends at 22:00Z.
      //   Mar 2: [09:00Z, 22:00Z) = 13 h, load [20:00Z, 22:00Z) = 2 h → 2/13.
      //   Mar 3: [22:00Z, 09:00Z) = 11 h, all loaded → 1.
      expect(await report({ ...query, groupBy: ["team", "period"] })).toEqual([
        row({
          team: "alpha",
          period: "2026-03-02",
          max: 1,
          mean: close(2 / 13),
          weighted_max: 1,
          weighted_mean: close(2 / 13),
        }),
        row({ team: "alpha", period: "2026-03-03", max: 1, mean: close(1), weighted_max: 1, weighted_mean: close(1) }),
      ])
      // Not grouped by team: UTC days. Mar 2: [09:00, 24:00) = 15 h, load 4 h → 4/15; Mar 3: [00:00, 09:00) → 1.
      expect(await report({ ...query, groupBy: ["period"] })).toEqual([
        row({ period: "2026-03-02", max: 1, mean: close(4 / 15), weighted_max: 1, weighted_mean: close(4 / 15) }),
        row({ period: "2026-03-03", max: 1, mean: close(1), weighted_max: 1, weighted_mean: close(1) }),
      ])
    })

    it("counts only unresolved assigned time; an assignment carries over resolve and reopen", async () => {
      const [a, b, c] = chats("a", "b", "c")
      await kpi.ingest([
        a.created(0),
        a.assigned(0, ana),
        a.resolved(HOUR), // ana [0, 1) h
        a.customer(2 * HOUR), // reopened, still ana: [2, 3)
        a.resolved(3 * HOUR),
        b.created(0),
        b.assigned(0, bo), // bo [0, 1)
        b.assigned(HOUR, null), // unassigned [1, 2)
        b.assigned(2 * HOUR, bo), // bo [2, 4) until asOf
        c.created(0),
        c.assigned(0, cy), // cy [0, 1)
        c.resolved(HOUR),
        c.assigned(90 * MIN, dee), // reassigned while resolved: no load
        c.customer(2 * HOUR), // reopened: dee [2, 4) until asOf
      ])
      // Window [09:00, 13:00) = 4 h: ana 2 h → 0.5; bo 3 h → 0.75; cy 1 h → 0.25; dee 2 h → 0.5.
      const load = (mean: number) => ({ max: 1, mean: close(mean), weighted_max: 1, weighted_mean: close(mean) })
      expect(await report({ metric: "concurrency", groupBy: ["person"], asOf: iso(4 * HOUR) })).toEqual([
        row({ person: ana, ...load(0.5) }),
        row({ person: bo, ...load(0.75) }),
        row({ person: cy, ...load(0.25) }),
        row({ person: dee, ...load(0.5) }),
      ])
    })
  })
})
