import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { EventLog } from "../src/EventLog.js"
import { failureOf, openKpi, type TestKpi } from "./support.js"

const ana = { kind: "human", email: "ana@example.com" }
const customer = { kind: "customer" }
const at = (minutes: number) => new Date(Date.parse("2026-03-02T09:00:00Z") + minutes * 60_000).toISOString()
const ev = (id: string, type: string, minutes: number, actor: object, extra: object = {}) => ({
  id,
  type,
  at: at(minutes),
  actor,
  conversationId: "c1",
  ...extra,
})

describe.each(testDialects())("the event log on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    await kpi.createTeam("support")
  })
  afterEach(() => kpi.close())

  const refusal = async (events: ReadonlyArray<unknown>) => {
    const exit = await kpi.exit(
      Effect.flatMap(EventLog, (log) => log.ingest(events.map((value, i) => ({ where: `line ${i + 1}`, value })))),
    )
    return failureOf(exit) as { _tag: string; message: string; problems: ReadonlyArray<string> }
  }
  const volume = async () => (await kpi.report({ metric: "volume", asOf: at(10_000) }))[0]?.count ?? 0

  it("skips a resend with the same content, compared after decoding", async () => {
    const created = ev("e1", "conversation.created", 0, customer, { channel: "chat", ignored: "field" })
    expect(await kpi.ingest([created])).toEqual({ accepted: 1, duplicates: 0, skipped: [] })
    // The same instant written with another offset, an unknown field dropped, an optional null left out.
    const again = { ...created, at: "2026-03-02T11:00:00+02:00", ignored: undefined, complexity: null }
    expect(await kpi.ingest([again, again])).toEqual({ accepted: 0, duplicates: 2, skipped: [] })
    expect(await volume()).toBe(1)
  })

  it("stores a batch sent twice at once exactly once", async () => {
    const batch = [
      ev("e1", "conversation.created", 0, customer),
      ev("e2", "message.human", 3, ana),
      ev("e3", "conversation.resolved", 9, ana),
    ]
    const results = await Promise.all([kpi.ingest(batch), kpi.ingest(batch), kpi.ingest(batch)])
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 0, 3])
    expect(results.map((r) => r.duplicates).sort()).toEqual([0, 3, 3])
    expect(await volume()).toBe(1)
  })

  it("refuses a resend with other content, naming the id, and stores nothing of its batch", async () => {
    await kpi.ingest([ev("e1", "conversation.created", 0, customer)])
    const error = await refusal([
      ev("e2", "conversation.created", 0, customer, { conversationId: "c2" }),
      ev("e1", "conversation.created", 1, customer),
    ])
    expect(error._tag).toBe("EventBatchRefused")
    expect(error.problems).toEqual([
      'line 2 (event "e1"): an event with this id was already received with different content',
    ])
    expect(await volume()).toBe(1)
  })

  it("refuses an id sent twice in one batch with different content", async () => {
    const error = await refusal([
      ev("e1", "conversation.created", 0, customer),
      ev("e1", "conversation.created", 5, customer),
    ])
    expect(error.problems).toEqual([
      'line 2 (event "e1"): the id is sent twice in the batch with different content (first at line 1)',
    ])
  })

  it("reports every decoding problem of a batch with its line, id and field", async () => {
    const error = await refusal([
      { id: "e1", type: "conversation.created", at: "2026-03-02 09:00", actor: customer, conversationId: "c1" },
      { type: "message.human", at: at(1), actor: { kind: "robot" }, conversationId: "c1" },
      ev("e3", "csat.rated", 2, customer, { rating: 6 }),
      ev("e4", "conversation.opened", 3, customer),
      "not an object",
      ev("e6", "metric.observed", 4, customer, { metric: "x", subject: { team: "support" }, value: 1 }),
    ])
    expect(error.problems).toEqual([
      'line 1 (event "e1"): at: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "2026-03-02 09:00"',
      "line 2: id: is missing",
      'line 2: actor.kind: expected one of customer, human, bot, automation, got "robot"',
      'line 3 (event "e3"): rating: expected an integer from 1 to 5',
      expect.stringMatching(
        /^line 4 \(event "e4"\): type: expected one of conversation\.created, .*got "conversation\.opened"$/,
      ),
      "line 5: expected an event as a JSON object",
      'line 6 (event "e6"): metric: no plugin declares the metric "x" (declared: none)',
    ])
  })

  it("refuses events that contradict the conversation, each with its reason", async () => {
    const error = await refusal([
      ev("e0", "message.customer", -1, customer),
      ev("e1", "conversation.created", 0, customer),
      ev("e2", "conversation.reopened", 1, customer),
      ev("e3", "csat.rated", 2, customer, { rating: 5 }),
      ev("e4", "conversation.resolved", 3, ana),
      ev("e5", "conversation.resolved", 4, ana),
      ev("e6", "message.human", 5, ana),
      ev("e7", "message.bot", 6, { kind: "bot" }),
      ev("e8", "conversation.handoff", 7, { kind: "bot" }),
      ev("e9", "conversation.created", 8, customer),
      ev("e10", "conversation.assigned", 9, ana, { assignee: null, teamKey: "nobody" }),
    ])
    expect(error.problems).toEqual(['line 11 (event "e10"): teamKey: no team with key "nobody"'])
    const contradictions = await refusal([
      ev("e1", "conversation.created", 0, customer),
      ev("e2", "conversation.reopened", 1, customer),
      ev("e3", "csat.rated", 2, customer, { rating: 5 }),
      ev("e4", "conversation.resolved", 3, ana),
      ev("e5", "conversation.resolved", 4, ana),
      ev("e6", "message.human", 5, ana),
      ev("e7", "message.bot", 6, { kind: "bot" }),
      ev("e8", "conversation.handoff", 7, { kind: "bot" }),
      ev("e9", "conversation.created", 8, customer),
    ])
    expect(contradictions.problems).toEqual([
      'line 2 (event "e2"): conversation "c1": conversation.reopened at 2026-03-02T09:01:00.000Z while it is open',
      'line 3 (event "e3"): conversation "c1": csat.rated at 2026-03-02T09:02:00.000Z before the conversation was first resolved',
      'line 5 (event "e5"): conversation "c1": conversation.resolved at 2026-03-02T09:04:00.000Z while it is already resolved',
      'line 6 (event "e6"): conversation "c1": message.human at 2026-03-02T09:05:00.000Z while the conversation is resolved',
      'line 7 (event "e7"): conversation "c1": message.bot at 2026-03-02T09:06:00.000Z while the conversation is resolved',
      'line 8 (event "e8"): conversation "c1": conversation.handoff at 2026-03-02T09:07:00.000Z while the conversation is resolved',
      'line 9 (event "e9"): conversation "c1": a second conversation.created at 2026-03-02T09:08:00.000Z',
    ])
    const early = await refusal([
      ev("e0", "message.customer", -1, customer),
      ev("e1", "conversation.created", 0, customer),
    ])
    expect(early.problems).toEqual([
      'line 1 (event "e0"): conversation "c1": message.customer at 2026-03-02T08:59:00.000Z comes before the conversation.created',
    ])
    const later = await refusal([ev("e7", "message.customer", 5, customer), ev("e8", "message.human", 9, ana)])
    expect(later.problems).toEqual([
      'line 1 (event "e7"): conversation "c1" has no conversation.created: its 2 events start with message.customer at 2026-03-02T09:05:00.000Z',
    ])
    const review = await refusal([
      {
        id: "r1",
        type: "qa.reviewed",
        at: at(0),
        actor: ana,
        reviewee: "bo@example.com",
        conversationId: "c9",
        review: {
          reviewer: "ana@example.com",
          scorecard: [{ category: "tone", weight: 1, scale: { min: 0, max: 4 }, value: 3 }],
        },
      },
    ])
    expect(review.problems).toEqual([
      'line 1 (event "r1"): conversation "c9" has no conversation.created: its only event is qa.reviewed at 2026-03-02T09:00:00.000Z',
    ])
    expect(await volume()).toBe(0)
  })

  it("leaves out, when told, the conversations a batch holds only the later part of", async () => {
    const batch = [
      ev("e1", "message.customer", 5, customer),
      ev("e2", "conversation.resolved", 9, ana),
      ev("f1", "conversation.created", 0, customer, { conversationId: "c2" }),
      ev("f2", "message.human", 3, ana, { conversationId: "c2" }),
    ]
    expect((await refusal(batch)).problems).toEqual([
      'line 1 (event "e1"): conversation "c1" has no conversation.created: its 2 events start with message.customer at 2026-03-02T09:05:00.000Z',
    ])
    expect(await volume()).toBe(0)
    expect(await kpi.ingest(batch, { skipIncomplete: true })).toEqual({
      accepted: 2,
      duplicates: 0,
      skipped: [
        {
          conversationId: "c1",
          events: 2,
          reason:
            'conversation "c1" has no conversation.created: its 2 events start with message.customer at 2026-03-02T09:05:00.000Z',
        },
      ],
    })
    expect(await volume()).toBe(1)
    // Other problems still refuse the batch whole.
    const broken = [
      ...batch,
      ev("g1", "conversation.created", 0, customer, { conversationId: "c3" }),
      ev("g2", "conversation.created", 1, customer, { conversationId: "c3" }),
    ]
    const exit = await kpi.exit(
      Effect.flatMap(EventLog, (log) =>
        log.ingest(
          broken.map((value, i) => ({ where: `line ${i + 1}`, value })),
          { skipIncomplete: true },
        ),
      ),
    )
    expect((failureOf(exit) as { problems: ReadonlyArray<string> }).problems).toEqual([
      'line 6 (event "g2"): conversation "c3": a second conversation.created at 2026-03-02T09:01:00.000Z',
    ])
  })

  it("refuses a batch that contradicts a later event already stored", async () => {
    await kpi.ingest([ev("e1", "conversation.created", 0, customer), ev("e2", "conversation.resolved", 10, ana)])
    const error = await refusal([ev("e3", "conversation.resolved", 5, ana)])
    expect(error.problems).toEqual([
      'stored event "e2": conversation "c1": conversation.resolved at 2026-03-02T09:10:00.000Z while it is already resolved',
    ])
    // An earlier event that fits is taken, and the facts are rebuilt around it.
    expect(await kpi.ingest([ev("e4", "message.human", 5, ana)])).toEqual({ accepted: 1, duplicates: 0, skipped: [] })
    const frt = await kpi.report({ metric: "first_response_time", asOf: at(100) })
    expect(frt[0]).toMatchObject({ calendar: { count: 1, median: 300 }, unanswered: 0 })
  })

  it("applies the events of a conversation in time order, whatever their order in the batch", async () => {
    await kpi.ingest([
      ev("e4", "conversation.resolved", 30, ana),
      ev("e2", "message.human", 10, ana),
      ev("e1", "conversation.created", 0, customer),
      ev("e3", "message.customer", 20, customer),
    ])
    const rows = await kpi.report({ metric: "resolution_time", asOf: at(100) })
    expect(rows[0]).toMatchObject({ calendar: { count: 1, median: 1800 }, open: 0 })
  })

  it("reopens a resolved conversation on a customer message, as a reopen at the same instant", async () => {
    await kpi.ingest([
      ev("e1", "conversation.created", 0, customer),
      ev("e2", "message.human", 5, ana),
      ev("e3", "conversation.resolved", 10, ana),
      ev("e4", "message.customer", 20, customer),
      ev("e5", "message.human", 26, ana),
    ])
    // Cycle 2 starts at 20 and waits from its start: first response 6 minutes; still open.
    const frt = await kpi.report({ metric: "first_response_time", asOf: at(100) })
    expect(frt[0]).toMatchObject({ calendar: { count: 2, min: 300, max: 360 } })
    const resolution = await kpi.report({ metric: "resolution_time", asOf: at(100) })
    expect(resolution[0]).toMatchObject({ calendar: { count: 1, median: 600 }, open: 1 })
    const reopen = await kpi.report({ metric: "reopen_rate", asOf: at(100) })
    expect(reopen[0]).toMatchObject({ numerator: 1, denominator: 1, rate: 1, provisional: true })
  })

  it("matches emails regardless of case, and tells a cleared team from an unchanged one", async () => {
    await kpi.createTeam("billing")
    await kpi.ingest([
      ev("e1", "conversation.created", 0, customer),
      ev("e2", "conversation.assigned", 1, ana, { assignee: { email: "Ana@Example.com" }, teamKey: "support" }),
      ev("e3", "conversation.assigned", 2, ana, { assignee: { email: "bo@example.com" } }),
      ev("e4", "conversation.created", 0, customer, { conversationId: "c2" }),
      ev("e5", "conversation.assigned", 1, ana, {
        conversationId: "c2",
        assignee: { email: "ANA@example.com" },
        teamKey: "billing",
      }),
      ev("e6", "conversation.assigned", 2, ana, {
        conversationId: "c2",
        assignee: { email: "ana@example.com" },
        teamKey: null,
      }),
    ])
    const rows = await kpi.report({ metric: "volume", groupBy: ["team", "person"], asOf: at(100) })
    expect(rows).toEqual([
      { team: null, person: "ana@example.com", metric: "volume", basis: "cycle start", count: 1 },
      { team: "support", person: "bo@example.com", metric: "volume", basis: "cycle start", count: 1 },
    ])
  })
})
