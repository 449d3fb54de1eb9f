import { localDate, periodLabel, periodStart, zone } from "@teamops/core"
import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { grouping, periodOfDate } from "../src/Grouping.js"
import { random } from "../src/testing.js"

describe("period labels", () => {
  it("equal the labels of the zoned period starts, across DST changes and month ends", () => {
    const r = random(99)
    const zones = ["UTC", "Europe/Athens", "America/New_York", "Australia/Sydney", "Pacific/Apia", "Asia/Kolkata"]
    const from = Date.parse("2025-12-20T00:00:00Z")
    for (let i = 0; i < 2000; i++) {
      const at = from + Math.floor(r.next() * 400 * 86_400_000)
      const timeZone = r.pick(zones)
      for (const period of ["day", "week", "month"] as const) {
        const expected = periodLabel(periodStart(DateTime.unsafeMake(at), period, zone(timeZone)))
        expect(periodOfDate(localDate(at, timeZone), period)).toBe(expected)
      }
    }
  })

  it("start weeks on Monday and months on the first", () => {
    expect(periodOfDate("2026-03-29", "week")).toBe("2026-03-23")
    expect(periodOfDate("2026-03-30", "week")).toBe("2026-03-30")
    expect(periodOfDate("2026-01-01", "week")).toBe("2025-12-29")
    expect(periodOfDate("2026-02-28", "month")).toBe("2026-02-01")
    // 23:30 UTC on 31 March is already 1 April in Athens.
    expect(localDate(Date.parse("2026-03-31T23:30:00Z"), "Europe/Athens")).toBe("2026-04-01")
  })

  it("are the same when a report labels thousands of values, around midnights and changes of offset", () => {
    const r = random(7)
    // Changes at midnight (Santiago), of half an hour (Lord Howe), offsets of 45 and 30 minutes.
    const zones = ["America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Europe/Athens"]
    const around = ["2026-04-05T03:00:00Z", "2026-09-06T04:00:00Z", "2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z"]
    for (const timeZone of zones) {
      for (const period of ["day", "week", "month"] as const) {
        const groups = grouping({ groupBy: ["period"], period, timeZone, zoneOfTeam: () => undefined }, () => 0)
        const instants = [
          ...around.flatMap((at) =>
            Array.from({ length: 600 }, (_, i) => Date.parse(at) - 5 * 3_600_000 + i * 60_000 + r.int(60_000)),
          ),
          ...Array.from({ length: 500 }, () => Date.parse("2026-01-01T00:00:00Z") + r.int(365 * 86_400_000)),
        ]
        for (const at of instants) {
          const expected = periodLabel(periodStart(DateTime.unsafeMake(at), period, zone(timeZone)))
          expect(groups.labelsOf(at, null, null).period, `${new Date(at).toISOString()} in ${timeZone}`).toBe(expected)
        }
      }
    }
  })
})
