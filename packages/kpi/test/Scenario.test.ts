import { testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { conversation, openKpi, type TestKpi } from "./support.js"

describe.each(testDialects())("a first conversation on %s", (dialect) => {
  let kpi: TestKpi
  beforeAll(async () => {
    kpi = await openKpi(dialect)
    await kpi.createTeam("support")
  })
  afterAll(() => kpi.close())

  it("measures first response, resolution and handling", async () => {
    const c = conversation("c1")
    const result = await kpi.ingest([
      c.event("conversation.created", 0, "customer"),
      c.event("conversation.assigned", 2, "automation", { assignee: { email: "ana@example.com" }, teamKey: "support" }),
      c.event("message.human", 10, "human"),
      c.event("message.customer", 12, "customer"),
      c.event("message.human", 15, "human"),
      c.event("conversation.resolved", 30, "human"),
    ])
    expect(result).toEqual({ accepted: 6, duplicates: 0, skipped: [] })
    const frt = await kpi.report({ metric: "first_response_time", groupBy: ["team"], asOf: "2026-03-03T00:00:00Z" })
    expect(frt).toEqual([
      {
        team: "support",
        metric: "first_response_time",
        basis: "cycle start",
        calendar: { count: 1, median: 600, p90: 600, mean: 600, min: 600, max: 600 },
        business: null,
        unanswered: 0,
      },
    ])
    const handling = await kpi.report({ metric: "handling_time", asOf: "2026-03-03T00:00:00Z" })
    expect(handling[0]).toMatchObject({ calendar: { count: 1, median: 28 * 60 }, open: 0 })
    const reply = await kpi.report({ metric: "reply_time", asOf: "2026-03-03T00:00:00Z" })
    expect(reply[0]).toMatchObject({ calendar: { count: 1, median: 180 } })
    const conc = await kpi.report({ metric: "concurrency", groupBy: ["person"], asOf: "2026-03-03T00:00:00Z" })
    expect(conc[0]).toMatchObject({ person: "ana@example.com", max: 1, weighted_max: 1 })
  })
})
