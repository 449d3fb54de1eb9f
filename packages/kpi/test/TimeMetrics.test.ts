import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { openKpi, type TestKpi } from "./support.js"

const ana = { kind: "human", email: "ana@example.com" }
const customer = { kind: "customer" }
const bot = { kind: "bot" }
let n = 0
/** An event of conversation `c` at instant `at` (RFC 3339). */
const ev = (c: string, type: string, at: string, actor: object, extra: object = {}) => ({
  id: `${c}-${++n}`,
  type,
  at,
  actor,
  conversationId: c,
  ...extra,
})
/** `minutes` after 2026-03-02T09:00:00Z (a Monday). */
const t = (minutes: number) => new Date(Date.parse("2026-03-02T09:00:00Z") + minutes * 60_000).toISOString()
const assign = (c: string, at: string, email: string | null, teamKey?: string | null) =>
  ev(c, "conversation.assigned", at, ana, {
    assignee: email === null ? null : { email },
    ...(teamKey === undefined ? {} : { teamKey }),
  })

const weekdays = (hours: Array<[string, string]>) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours })

describe.each(testDialects())("time metrics on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    for (const team of ["athens", "new-york", "nowhere", "later"]) await kpi.createTeam(team)
    await kpi.setCalendar("athens", [
      { timeZone: "Europe/Athens", weekly: weekdays([["09:00", "17:00"]]) },
      {
        timeZone: "Europe/Athens",
        weekly: weekdays([["10:00", "18:00"]]),
        holidays: ["2026-04-03"],
        effectiveFrom: "2026-04-01T00:00:00Z",
      },
    ])
    await kpi.setCalendar("new-york", { timeZone: "America/New_York", weekly: weekdays([["09:00", "17:00"]]) })
    await kpi.setCalendar("later", {
      timeZone: "UTC",
      weekly: weekdays([["00:00", "24:00"]]),
      effectiveFrom: "2026-06-01T00:00:00Z",
    })
  })
  afterEach(() => kpi.close())

  const frt = (asOf: string, extra: object = {}) => kpi.report({ metric: "first_response_time", asOf, ...extra })

  it("starts waiting at a handoff that comes before any human message", async () => {
    await kpi.ingest([
      ev("a", "conversation.created", t(0), customer),
      ev("a", "message.customer", t(0), customer),
      ev("a", "message.bot", t(1), bot),
      ev("a", "conversation.handoff", t(5), bot),
      ev("a", "message.human", t(12), ana),
      // Here the teammate wrote before the handoff: waiting starts at the cycle start.
      ev("b", "conversation.created", t(0), customer),
      ev("b", "message.human", t(3), ana),
      ev("b", "conversation.handoff", t(5), bot),
      ev("b", "message.human", t(8), ana),
    ])
    // a: 12 − 5 = 7 minutes; b: 3 − 0 = 3 minutes.
    expect((await frt(t(60)))[0]).toMatchObject({
      calendar: { count: 2, min: 180, max: 420, mean: 300 },
      unanswered: 0,
    })
  })

  it("waits for the customer in an outbound conversation and in a cycle a teammate reopened", async () => {
    await kpi.ingest([
      ev("o", "conversation.created", t(0), ana),
      ev("o", "message.human", t(1), ana),
      ev("o", "message.customer", t(10), customer),
      ev("o", "message.human", t(14), ana),
      ev("o", "conversation.resolved", t(20), ana),
      ev("o", "conversation.reopened", t(30), ana),
      ev("o", "message.human", t(31), ana),
      ev("o", "message.customer", t(40), customer),
      ev("o", "message.human", t(45), ana),
      // Outbound, and the customer never writes: no first response, and not unanswered.
      ev("q", "conversation.created", t(0), ana),
      ev("q", "message.human", t(1), ana),
    ])
    // Cycle 1: 14 − 10 = 4 min; cycle 2: 45 − 40 = 5 min. The answers ending waiting are not reply times.
    expect((await frt(t(60)))[0]).toMatchObject({ calendar: { count: 2, min: 240, max: 300 }, unanswered: 0 })
    expect(await kpi.report({ metric: "reply_time", asOf: t(60) })).toEqual([])
  })

  it("counts unanswered cycles, except those a bot resolved, even when that resolution was withdrawn", async () => {
    await kpi.ingest([
      ev("h", "conversation.created", t(0), customer),
      ev("h", "conversation.resolved", t(20), ana),
      ev("w", "conversation.created", t(0), customer),
      ev("w", "message.bot", t(1), bot),
      ev("w", "conversation.resolved", t(2), bot),
      ev("w", "message.customer", t(60), customer),
      ev("open", "conversation.created", t(0), customer),
    ])
    // h: resolved by a teammate with no reply (1); w cycle 1: bot (0); w cycle 2 waiting since 60 (1); open (1).
    const rows = await frt(t(120))
    expect(rows[0]).toMatchObject({ calendar: null, business: null, unanswered: 3 })
  })

  it("cuts at asOf: later events are ignored and an open cycle keeps waiting", async () => {
    await kpi.ingest([
      ev("x", "conversation.created", t(0), customer),
      assign("x", t(1), "ana@example.com", "athens"),
      ev("x", "conversation.handoff", t(10), bot),
      ev("x", "message.human", t(20), ana),
      assign("x", t(25), "bo@example.com", "new-york"),
      ev("x", "conversation.resolved", t(30), ana),
    ])
    expect((await frt(t(5), { groupBy: ["person"] }))[0]).toMatchObject({ person: "ana@example.com", unanswered: 1 })
    expect((await frt(t(15)))[0]).toMatchObject({ calendar: null, unanswered: 1 })
    // Waiting from the handoff at 10; the owner is the assignment when the cycle ended.
    expect(await frt(t(40), { groupBy: ["person"] })).toMatchObject([
      { person: "bo@example.com", calendar: { count: 1, median: 600 }, unanswered: 0 },
    ])
    expect((await kpi.report({ metric: "resolution_time", asOf: t(29) }))[0]).toMatchObject({ calendar: null, open: 1 })
    expect((await kpi.report({ metric: "resolution_time", asOf: t(30) }))[0]).toMatchObject({
      calendar: { count: 1, median: 1800 },
      open: 0,
    })
  })

  it("times replies from the first customer message after a human one to the next human message", async () => {
    await kpi.ingest([
      ev("r", "conversation.created", t(0), customer),
      ev("r", "message.customer", t(0), customer),
      ev("r", "message.human", t(5), ana),
      ev("r", "message.customer", t(10), customer),
      ev("r", "message.customer", t(12), customer),
      ev("r", "message.human", t(20), ana),
      ev("r", "message.human", t(21), ana),
      ev("r", "message.customer", t(30), customer),
      ev("r", "message.human", t(1471), ana),
      ev("r", "message.customer", t(1500), customer),
    ])
    // Replies of 10 min (at t20, day 2026-03-02) and 1441 min (at t1471, day 2026-03-03); the last message waits.
    expect(await kpi.report({ metric: "reply_time", groupBy: ["period"], period: "day", asOf: t(2000) })).toEqual([
      {
        period: "2026-03-02",
        metric: "reply_time",
        basis: "the replying message.human",
        calendar: { count: 1, median: 600, p90: 600, mean: 600, min: 600, max: 600 },
        business: null,
      },
      {
        period: "2026-03-03",
        metric: "reply_time",
        basis: "the replying message.human",
        calendar: { count: 1, median: 86460, p90: 86460, mean: 86460, min: 86460, max: 86460 },
        business: null,
      },
    ])
    expect(await kpi.report({ metric: "reply_time", asOf: t(1470) })).toMatchObject([{ calendar: { count: 1 } }])
  })

  it("measures business time across a spring-forward weekend in Athens, with a holiday and calendar versions", async () => {
    await kpi.ingest([
      // Friday 2026-03-27 16:00 EET (+02:00) to Monday 2026-03-30 10:00 EEST (+03:00).
      ev("dst", "conversation.created", "2026-03-27T16:00:00+02:00", customer),
      assign("dst", "2026-03-27T16:00:00+02:00", null, "athens"),
      ev("dst", "message.human", "2026-03-30T10:00:00+03:00", ana),
      // Tuesday 16:00 to Wednesday 09:30: the version in force at the start (09:00–17:00) applies to all of it.
      ev("v1", "conversation.created", "2026-03-31T16:00:00+03:00", customer),
      assign("v1", "2026-03-31T16:00:00+03:00", null, "athens"),
      ev("v1", "message.human", "2026-04-01T09:30:00+03:00", ana),
      // Wednesday 09:00 to 12:00, under the version from April (10:00–18:00).
      ev("v2", "conversation.created", "2026-04-01T09:00:00+03:00", customer),
      assign("v2", "2026-04-01T09:00:00+03:00", null, "athens"),
      ev("v2", "message.human", "2026-04-01T12:00:00+03:00", ana),
      // Thursday 17:00 to Saturday 11:00 across the holiday on Friday 2026-04-03: only Thursday 17–18.
      ev("hol", "conversation.created", "2026-04-02T17:00:00+03:00", customer),
      assign("hol", "2026-04-02T17:00:00+03:00", null, "athens"),
      ev("hol", "message.human", "2026-04-04T11:00:00+03:00", ana),
    ])
    const rows = await frt("2026-04-10T00:00:00Z", { groupBy: ["period"], period: "day", timeZone: "Europe/Athens" })
    expect(rows.map((r) => [r.period, (r.calendar as any).median, (r.business as any).median])).toEqual([
      // 65 h calendar; Friday 16–17 and Monday 09–10.
      ["2026-03-27", 234_000, 7_200],
      // 17.5 h; Tuesday 16–17 and Wednesday 09–09:30.
      ["2026-03-31", 63_000, 5_400],
      // 3 h; 10–12.
      ["2026-04-01", 10_800, 7_200],
      // 42 h; Thursday 17–18.
      ["2026-04-02", 151_200, 3_600],
    ])
  })

  it("measures business time across the American spring forward, and daily buckets follow the team's zone", async () => {
    await kpi.ingest([
      // Friday 2026-03-06 16:30 EST (21:30Z) to Monday 2026-03-09 09:30 EDT (13:30Z).
      ev("ny", "conversation.created", "2026-03-06T21:30:00Z", customer),
      assign("ny", "2026-03-06T21:30:00Z", "ana@example.com", "new-york"),
      ev("ny", "conversation.resolved", "2026-03-09T13:30:00Z", ana),
      // Created 2026-03-08 at 23:30 in New York, which is already the 9th in UTC.
      ev("late", "conversation.created", "2026-03-09T03:30:00Z", customer),
      assign("late", "2026-03-09T03:30:00Z", "ana@example.com", "new-york"),
    ])
    const byTeam = await kpi.report({
      metric: "resolution_time",
      groupBy: ["team", "period"],
      period: "day",
      asOf: "2026-03-10T00:00:00Z",
    })
    const summary = (x: number) => ({ count: 1, median: x, p90: x, mean: x, min: x, max: x })
    const basis = "resolution (open cycles: cycle start)"
    expect(byTeam).toEqual([
      // 23:30 on the 8th in New York.
      {
        team: "new-york",
        period: "2026-03-08",
        metric: "resolution_time",
        basis,
        calendar: null,
        business: null,
        open: 1,
      },
      // 64 h; Friday 16:30–17:00 and Monday 09:00–09:30.
      {
        team: "new-york",
        period: "2026-03-09",
        metric: "resolution_time",
        basis,
        calendar: summary(230_400),
        business: summary(3_600),
        open: 0,
      },
    ])
    // In UTC both fall on the 9th.
    const utc = await kpi.report({
      metric: "resolution_time",
      groupBy: ["period"],
      period: "day",
      asOf: "2026-03-10T00:00:00Z",
    })
    expect(utc).toMatchObject([{ period: "2026-03-09", calendar: { count: 1 }, open: 1 }])
    const handling = await kpi.report({ metric: "handling_time", groupBy: ["team"], asOf: "2026-03-10T00:00:00Z" })
    expect(handling).toMatchObject([
      { team: "new-york", calendar: summary(230_400), business: summary(3_600), open: 1 },
    ])
  })

  it("gives a null business value without a team, without a calendar, or before the first version", async () => {
    await kpi.ingest([
      ev("none", "conversation.created", t(0), customer),
      ev("none", "message.human", t(10), ana),
      ev("nocal", "conversation.created", t(0), customer),
      assign("nocal", t(0), null, "nowhere"),
      ev("nocal", "message.human", t(10), ana),
      ev("early", "conversation.created", t(0), customer),
      assign("early", t(0), null, "later"),
      ev("early", "message.human", t(10), ana),
    ])
    const rows = await frt(t(60), { groupBy: ["team"] })
    expect(rows.map((r) => [r.team, (r.calendar as any).count, r.business])).toEqual([
      [null, 1, null],
      ["later", 1, null],
      ["nowhere", 1, null],
    ])
  })

  it("sums the assigned time of a cycle, and counts a never-assigned cycle as 0", async () => {
    await kpi.ingest([
      ev("h1", "conversation.created", t(0), customer),
      assign("h1", t(10), "ana@example.com", "new-york"),
      assign("h1", t(20), null),
      assign("h1", t(30), "bo@example.com"),
      ev("h1", "conversation.resolved", t(60), ana),
      ev("h2", "conversation.created", t(0), customer),
      ev("h2", "conversation.resolved", t(5), bot),
    ])
    // h1: 10 + 30 minutes; Monday 2026-03-02 09:10Z–10:00Z is 04:10–05:00 in New York, closed: business 0.
    const rows = await kpi.report({ metric: "handling_time", groupBy: ["team"], asOf: t(100) })
    expect(rows).toMatchObject([
      { team: null, calendar: { count: 1, median: 0 }, business: null, open: 0 },
      { team: "new-york", calendar: { count: 1, median: 2400 }, business: { count: 1, median: 0 }, open: 0 },
    ])
  })
})
