import { seedDemo } from "@teamops/server"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CalendarRepo } from "../src/CalendarRepo.js"
import { openKpi, type TestKpi } from "./support.js"

describe("the kpi demo", () => {
  let kpi: TestKpi
  beforeAll(async () => {
    kpi = await openKpi("sqlite")
  })
  afterAll(() => kpi.close())

  it("gives the regional teams calendars and four weeks of events, once", async () => {
    expect(await seedDemo(kpi.server.host, { whenEmpty: true })).toBe(true)
    const volume = await kpi.report({ metric: "volume", groupBy: ["team"] })
    // Conversations a bot resolved before anyone was assigned have no team.
    expect(volume.map((row) => row.team)).toEqual([null, "support-americas", "support-apac", "support-emea"])
    const total = volume.reduce((sum, row) => sum + (row.count as number), 0)
    expect(total).toBeGreaterThan(200)
    const calendars = await kpi.run(Effect.flatMap(CalendarRepo, (r) => r.all))
    expect([...calendars.keys()].sort()).toEqual(["support-americas", "support-apac", "support-emea"])
    const frt = await kpi.report({ metric: "first_response_time", groupBy: ["team"] })
    for (const row of frt.filter((r) => r.team !== null)) {
      expect((row.business as { count: number }).count).toBeGreaterThan(0)
    }
    expect(await seedDemo(kpi.server.host, { whenEmpty: false })).toBe(true)
    const again = await kpi.report({ metric: "volume", groupBy: ["team"] })
    expect(again).toEqual(volume)
  })
})
