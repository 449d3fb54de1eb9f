import { describe, expect, it } from "vitest"
import { chronological, currentLevel, daysInLevel, type Promotion } from "../src/Promotion.js"
import type { Readiness } from "../src/Readiness.js"

const snapshot = {} as Readiness

const promotion = (id: string, to: string, at: string, version = 1, effectiveOn = at.slice(0, 10)): Promotion => ({
  id,
  personId: "p",
  ladderKey: "support",
  version,
  from: null,
  to,
  rationale: "because",
  readiness: snapshot,
  at,
  effectiveOn,
})

describe("promotions", () => {
  const first = promotion("1", "css1", "2025-01-10T09:00:00.000Z")
  const second = promotion("2", "css2", "2026-03-01T09:00:00.000Z", 2)

  it("has no current level and no time in level before the first promotion", () => {
    expect(currentLevel([])).toBeUndefined()
    expect(daysInLevel([], "2026-03-01")).toBeUndefined()
  })

  it("takes the current level from the latest promotion, whatever the order given", () => {
    expect(currentLevel([second, first])).toEqual({ ladderKey: "support", version: 2, level: "css2" })
    expect(chronological([second, first]).map((p) => p.id)).toEqual(["1", "2"])
  })

  it("orders promotions of the same instant by id", () => {
    const same = promotion("10", "css2", first.at)
    expect(chronological([same, first]).map((p) => p.id)).toEqual(["1", "10"])
    expect(currentLevel([same, first])?.level).toBe("css2")
  })

  it("orders promotions by the day they took effect, before the day they were recorded", () => {
    // Recorded today, effective long ago: it comes first, and the level of today is css2.
    const imported = promotion("3", "css1", "2026-03-02T09:00:00.000Z", 1, "2024-06-01")
    const later = promotion("2", "css2", "2026-03-01T09:00:00.000Z", 1, "2025-06-01")
    expect(chronological([later, imported]).map((p) => p.id)).toEqual(["3", "2"])
    expect(currentLevel([later, imported])?.level).toBe("css2")
    // Same day: the one recorded later is the later one.
    const sameDay = promotion("4", "css3", "2026-03-03T09:00:00.000Z", 1, "2025-06-01")
    expect(chronological([sameDay, later]).map((p) => p.id)).toEqual(["2", "4"])
  })

  it("counts whole days from the day the latest promotion took effect to today", () => {
    expect(daysInLevel([first, second], "2026-03-01")).toBe(0)
    expect(daysInLevel([first, second], "2026-03-02")).toBe(1)
    expect(daysInLevel([first, second], "2026-04-30")).toBe(60)
    const backdated = promotion("3", "css2", "2026-03-01T09:00:00.000Z", 1, "2025-03-01")
    expect(daysInLevel([first, backdated], "2026-03-01")).toBe(365)
  })
})
