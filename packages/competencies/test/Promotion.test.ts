import { DateTime } from "effect"
import { describe, expect, it } from "vitest"
import { chronological, currentLevel, daysInLevel, type Promotion } from "../src/Promotion.js"
import type { Readiness } from "../src/Readiness.js"

const snapshot = {} as Readiness

const promotion = (id: string, to: string, at: string, version = 1): Promotion => ({
  id,
  personId: "p",
  ladderKey: "support",
  version,
  from: null,
  to,
  rationale: "because",
  readiness: snapshot,
  at,
})

describe("promotions", () => {
  const first = promotion("1", "css1", "2025-01-10T09:00:00.000Z")
  const second = promotion("2", "css2", "2026-03-01T09:00:00.000Z", 2)

  it("has no current level and no time in level before the first promotion", () => {
    expect(currentLevel([])).toBeUndefined()
    expect(daysInLevel([], DateTime.unsafeMake("2026-03-01T00:00:00Z"))).toBeUndefined()
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

  it("counts whole days since the latest promotion", () => {
    expect(daysInLevel([first, second], DateTime.unsafeMake("2026-03-01T10:00:00Z"))).toBe(0)
    expect(daysInLevel([first, second], DateTime.unsafeMake("2026-03-02T08:59:59Z"))).toBe(0)
    expect(daysInLevel([first, second], DateTime.unsafeMake("2026-03-02T09:00:00Z"))).toBe(1)
    expect(daysInLevel([first, second], DateTime.unsafeMake("2026-04-30T09:00:00Z"))).toBe(60)
  })
})
