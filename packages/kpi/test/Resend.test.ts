// A resend is recognised by the hash of the text it was sent as, without decoding it; it
// must count and refuse exactly as a resend compared by content does.
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { EventLog } from "../src/EventLog.js"
import { failureOf, openKpi, type TestKpi } from "./support.js"

const ana = { kind: "human", email: "ana@example.com" }
const customer = { kind: "customer" }
const at = (minutes: number) => new Date(Date.parse("2026-03-02T09:00:00Z") + minutes * 60_000).toISOString()
const ev = (id: string, type: string, minutes: number, actor: object, conversationId = "c1") => ({
  id,
  type,
  at: at(minutes),
  actor,
  conversationId,
})

const conversation = (c: string) => [
  ev(`${c}-1`, "conversation.created", 0, customer, c),
  ev(`${c}-2`, "message.human", 3, ana, c),
  ev(`${c}-3`, "conversation.resolved", 9, ana, c),
]

/** Events as lines of a file: the text sent, and the event read from it. */
const lines = (events: ReadonlyArray<unknown>) =>
  events.map((value, i) => {
    const text = JSON.stringify(value)
    return { where: `line ${i + 1}`, value: JSON.parse(text) as unknown, text }
  })

describe.each(testDialects())("resending events on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
  })
  afterEach(() => kpi.close())

  const send = (batch: ReturnType<typeof lines>) => kpi.exit(Effect.flatMap(EventLog, (log) => log.ingest(batch)))
  const stored = () => kpi.run(Effect.flatMap(EventLog, (log) => log.count()))
  const volume = async () => (await kpi.report({ metric: "volume", asOf: at(10_000) }))[0]?.count ?? 0

  it("stores nothing of an unchanged resend and counts every event a duplicate", async () => {
    const file = lines([...conversation("c1"), ...conversation("c2")])
    expect(await kpi.run(Effect.flatMap(EventLog, (log) => log.ingest(file)))).toEqual({
      accepted: 6,
      duplicates: 0,
      skipped: [],
    })
    for (const again of [file, file.map(({ where, value }) => ({ where, value }))])
      expect(await kpi.run(Effect.flatMap(EventLog, (log) => log.ingest(again)))).toEqual({
        accepted: 0,
        duplicates: 6,
        skipped: [],
      })
    expect(await stored()).toBe(6)
    expect(await volume()).toBe(2)
  })

  it("counts a resend written otherwise, with the same content, a duplicate", async () => {
    await kpi.ingest(conversation("c1"))
    // Other spacing, another order of fields, the instant with an offset: other text, same event.
    const created = conversation("c1")[0]
    const text = ` {"conversationId":"c1", "type":"conversation.created","id":"c1-1","actor":{"kind":"customer"},"at":"2026-03-02T11:00:00+02:00"}`
    expect(JSON.parse(text)).toEqual({ ...created, at: "2026-03-02T11:00:00+02:00" })
    expect(
      await kpi.run(
        Effect.flatMap(EventLog, (log) => log.ingest([{ where: "line 1", value: JSON.parse(text), text }])),
      ),
    ).toEqual({
      accepted: 0,
      duplicates: 1,
      skipped: [],
    })
  })

  it("refuses a changed event under a known id, whether its text or its content differs, and stores nothing of its batch", async () => {
    await kpi.ingest(conversation("c1"))
    const changed = { ...ev("c1-3", "conversation.resolved", 10, ana) }
    const error = failureOf(await send(lines([...conversation("c2"), changed]))) as { problems: ReadonlyArray<string> }
    expect(error.problems).toEqual([
      'line 4 (event "c1-3"): an event with this id was already received with different content',
    ])
    // The same id twice in one batch, once unchanged and once changed.
    const twice = failureOf(await send(lines([conversation("c1")[2], changed]))) as { problems: ReadonlyArray<string> }
    expect(twice.problems).toEqual([
      'line 2 (event "c1-3"): the id is sent twice in the batch with different content (first at line 1)',
    ])
    expect(await stored()).toBe(3)
    expect(await volume()).toBe(1)
  })

  it("stores only the new events of a batch mixing new and known ones", async () => {
    await kpi.ingest(conversation("c1").slice(0, 2))
    const batch = lines([...conversation("c1"), ...conversation("c2")])
    expect(await kpi.run(Effect.flatMap(EventLog, (log) => log.ingest(batch)))).toEqual({
      accepted: 4,
      duplicates: 2,
      skipped: [],
    })
    expect(await stored()).toBe(6)
    // c1's facts were derived again from its stored events and the new one: it is resolved too.
    const resolved = await kpi.report({ metric: "resolution_time", asOf: at(10_000) })
    expect(resolved[0]).toMatchObject({ calendar: { count: 2, median: 540 }, open: 0 })
  })

  it("recognises by content the resend of events stored without a hash", async () => {
    const file = lines(conversation("c1"))
    await kpi.run(Effect.flatMap(EventLog, (log) => log.ingest(file)))
    await kpi.server.host.db.kysely.updateTable("kpi_events").set({ sent_hash: null }).execute()
    expect(await kpi.run(Effect.flatMap(EventLog, (log) => log.ingest(file)))).toEqual({
      accepted: 0,
      duplicates: 3,
      skipped: [],
    })
    const changed = lines([{ ...conversation("c1")[0], at: at(1) }])
    const error = failureOf(await send(changed)) as { problems: ReadonlyArray<string> }
    expect(error.problems).toEqual([
      'line 1 (event "c1-1"): an event with this id was already received with different content',
    ])
  })
})
