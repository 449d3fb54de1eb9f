import { parseLadderFile } from "@teamops/roles"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { RaterKind } from "../src/Assessment.js"
import type { VersionChanges } from "../src/CompetencyMapping.js"
import { assessReadiness, type CatalogEvidence, type EvidenceTally, type Rating } from "../src/Readiness.js"
import { ladderV1, ladderV2 } from "./support.js"

const v1 = Effect.runSync(parseLadderFile("yaml", ladderV1))
const v2 = Effect.runSync(parseLadderFile("yaml", ladderV2))
const history: ReadonlyArray<VersionChanges> = [
  { version: 1, changes: v1.changes },
  { version: 2, changes: v2.changes },
]

const levelOf = (doc: typeof v1, key: string) => {
  const level = doc.levels.find((l) => l.key === key)
  if (level === undefined) throw new Error(`no level ${key}`)
  return level
}
const targetV1 = (level: string) => ({ ladderKey: "support", version: 1, ladder: v1, level: levelOf(v1, level) })
const targetV2 = (level: string) => ({ ladderKey: "support", version: 2, ladder: v2, level: levelOf(v2, level) })

let order = 0
const rating = (
  competency: string,
  raterKind: RaterKind,
  step: string,
  recordedAt = "2026-01-01T00:00:00.000Z",
  version = 1,
  observedOn = recordedAt.slice(0, 10),
): Rating => ({ version, competency, raterKind, rating: step, observedOn, recordedAt, order: order++ })

const evidence = (competency: string, count: number, version = 1): EvidenceTally => ({ version, competency, count })

describe("assessReadiness", () => {
  it("is ready when the manager's latest rating meets every expected step", () => {
    const r = assessReadiness(
      targetV1("css2"),
      history.slice(0, 1),
      [
        rating("communication", "manager", "proficient"),
        rating("troubleshooting", "manager", "expert"),
        rating("mentoring", "manager", "learning"),
      ],
      [],
    )
    expect(r).toMatchObject({ ready: true, met: 3, total: 3, gaps: [] })
    expect(r.explanation).toBe("ready for css2: all 3 competencies met")
    expect(r.because).toBe(
      "ready because the manager rated every competency at or above the expected step: communication proficient (expected proficient), troubleshooting expert (expected practising) and mentoring learning (expected learning)",
    )
    expect(r.competencies.map((c) => c.competency.key)).toEqual(["communication", "troubleshooting", "mentoring"])
  })

  it("lists the gaps: below the expected step, or not assessed by a manager", () => {
    const r = assessReadiness(
      targetV1("css2"),
      history,
      [
        rating("communication", "manager", "expert"),
        rating("troubleshooting", "manager", "learning"),
        rating("mentoring", "self", "proficient"),
        rating("mentoring", "peer", "expert"),
      ],
      [],
    )
    expect(r.ready).toBe(false)
    expect(r.met).toBe(1)
    expect(r.total).toBe(3)
    expect(r.gaps).toEqual([
      { competency: expect.objectContaining({ key: "troubleshooting" }), expected: "practising", assessed: "learning" },
      { competency: expect.objectContaining({ key: "mentoring" }), expected: "learning", assessed: null },
    ])
    expect(r.explanation).toBe(
      "not ready for css2: 1 of 3 competencies met; missing: troubleshooting (expected practising, manager rated learning), mentoring (expected learning, not assessed by a manager)",
    )
    expect(r.because).toBe(
      "not ready because troubleshooting is rated learning by the manager, below the expected practising and mentoring has no manager rating (expected learning)",
    )
  })

  it("takes the latest rating of each kind, by time and then by order", () => {
    const r = assessReadiness(
      targetV1("css1"),
      history,
      [
        rating("communication", "manager", "expert", "2026-01-01T00:00:00.000Z"),
        rating("communication", "manager", "learning", "2026-02-01T00:00:00.000Z"),
        rating("communication", "manager", "practising", "2025-12-01T00:00:00.000Z"),
        rating("troubleshooting", "self", "learning", "2026-03-01T00:00:00.000Z"),
        rating("troubleshooting", "self", "practising", "2026-03-01T00:00:00.000Z"),
      ],
      [],
    )
    const [communication, troubleshooting] = r.competencies
    expect(communication).toMatchObject({ manager: "learning", met: false })
    expect(troubleshooting).toMatchObject({ self: "practising", manager: null, met: false })
  })

  it("takes the latest observed rating, whenever it was recorded", () => {
    const r = assessReadiness(
      targetV1("css1"),
      history,
      [
        rating("communication", "manager", "learning", "2026-02-01T00:00:00.000Z", 1, "2026-01-15"),
        // Recorded later, as history: observed before the rating above, so not the latest.
        rating("communication", "manager", "expert", "2026-03-01T00:00:00.000Z", 1, "2025-06-01"),
      ],
      [],
    )
    expect(r.competencies[0]).toMatchObject({ manager: "learning", met: false })
  })

  it("says whether self and manager agree: both rated, the same step", () => {
    const r = assessReadiness(
      targetV1("css2"),
      history,
      [
        rating("communication", "self", "proficient"),
        rating("communication", "manager", "proficient"),
        rating("troubleshooting", "self", "expert"),
        rating("troubleshooting", "manager", "practising"),
        rating("mentoring", "self", "learning"),
      ],
      [],
    )
    expect(r.competencies.map((c) => [c.competency.key, c.agree])).toEqual([
      ["communication", true],
      ["troubleshooting", false],
      ["mentoring", false],
    ])
  })

  it("counts a self or peer rating but never meets an expectation with it", () => {
    const r = assessReadiness(
      targetV1("css1"),
      history,
      [
        rating("communication", "self", "expert"),
        rating("communication", "peer", "expert"),
        rating("troubleshooting", "manager", "learning"),
      ],
      [],
    )
    expect(r.competencies[0]).toMatchObject({ self: "expert", peer: "expert", manager: null, met: false })
    expect(r.competencies[1]).toMatchObject({ manager: "learning", met: true })
  })

  it("maps ratings and evidence of a renamed competency forward to the new key", () => {
    const r = assessReadiness(
      targetV2("css2"),
      history,
      [
        rating("communication", "manager", "proficient", "2026-01-01T00:00:00.000Z", 1),
        rating("troubleshooting", "manager", "practising", "2026-01-01T00:00:00.000Z", 1),
        rating("troubleshooting", "self", "expert", "2026-01-01T00:00:00.000Z", 1),
        rating("diagnosis", "self", "practising", "2026-02-01T00:00:00.000Z", 2),
        rating("mentoring", "manager", "learning", "2026-01-01T00:00:00.000Z", 1),
      ],
      [evidence("troubleshooting", 2, 1), evidence("diagnosis", 1, 2), evidence("mentoring", 1)],
    )
    expect(r).toMatchObject({ ladderKey: "support", version: 2, level: "css2", ready: true, met: 3, total: 3 })
    expect(r.competencies.find((c) => c.competency.key === "diagnosis")).toEqual({
      competency: { key: "diagnosis", name: "Diagnosis", category: "Craft", description: expect.any(String) },
      expected: "practising",
      self: "practising",
      manager: "practising",
      peer: null,
      evidenceCount: 3,
      evidence: [],
      agree: true,
      met: true,
    })
    expect(r.competencies.find((c) => c.competency.key === "mentoring")?.evidenceCount).toBe(1)
  })

  it("ignores ratings of versions after the target", () => {
    const r = assessReadiness(
      targetV1("css1"),
      history,
      [rating("communication", "manager", "expert", undefined, 2)],
      [],
    )
    expect(r.competencies[0]?.manager).toBeNull()
  })

  it("does not meet an expectation with a step the target scale lacks", () => {
    const r = assessReadiness(targetV1("css1"), history, [rating("communication", "manager", "guru")], [])
    expect(r.competencies[0]?.met).toBe(false)
    expect(r.explanation).toContain(
      "communication (expected practising, manager rated guru, not a step of this version's scale)",
    )
  })

  it("is ready for a level that expects nothing, and says so", () => {
    const empty = { ...v1, matrix: {} }
    const r = assessReadiness({ ...targetV1("css1"), ladder: empty }, history, [], [])
    expect(r).toMatchObject({ ready: true, met: 0, total: 0, competencies: [], gaps: [] })
    expect(r.explanation).toBe("ready for css1: the level expects no competencies")
    expect(r.because).toBe("ready because css1 expects no competencies")
  })

  it("says 1 of 1 for a level with one competency", () => {
    const one = { ...v1, matrix: { css1: { communication: { expected: "learning", behaviours: [] } } } }
    const r = assessReadiness(
      { ...targetV1("css1"), ladder: one },
      history,
      [rating("communication", "manager", "learning")],
      [],
    )
    expect(r.explanation).toBe("ready for css1: 1 of 1 competency met")
  })
})

describe("assessReadiness with evidence contributed by plugins", () => {
  const area = (key: string) => ({ kind: "area", key, name: `Area ${key}` })
  const work = (competency: string, date: string, key = "macros"): CatalogEvidence => ({
    competency,
    date,
    text: `work on ${key}`,
    url: null,
    source: area(key),
  })
  const onAssessment = (date: string) => ({
    date,
    text: "seen in a review",
    url: "https://example.com/review/1",
    source: { kind: "assessment", key: "QXNzZXNzbWVudDox", name: "manager rating of communication (version 1)" },
  })

  it("counts each item for the competency it names, with the assessments' evidence, and lists them latest first", () => {
    const r = assessReadiness(
      targetV1("css2"),
      history.slice(0, 1),
      [rating("communication", "manager", "proficient")],
      [{ ...evidence("communication", 1), items: [onAssessment("2026-01-05")] }],
      [
        work("communication", "2026-01-03"),
        work("communication", "2026-01-09", "escalations"),
        work("mentoring", "2026-01-01"),
      ],
    )
    const communication = r.competencies.find((c) => c.competency.key === "communication")
    expect(communication?.evidenceCount).toBe(3)
    expect(communication?.evidence).toEqual([
      { date: "2026-01-09", text: "work on escalations", url: null, source: area("escalations") },
      onAssessment("2026-01-05"),
      { date: "2026-01-03", text: "work on macros", url: null, source: area("macros") },
    ])
    expect(r.competencies.find((c) => c.competency.key === "mentoring")?.evidenceCount).toBe(1)
    expect(r.competencies.find((c) => c.competency.key === "troubleshooting")).toMatchObject({
      evidenceCount: 0,
      evidence: [],
    })
  })

  it("counts an item naming a former key for the competency it became, and one naming no competency of the level nowhere", () => {
    const r = assessReadiness(
      targetV2("css2"),
      history,
      [],
      [],
      [work("troubleshooting", "2026-01-03"), work("diagnosis", "2026-01-04"), work("juggling", "2026-01-05")],
    )
    const diagnosis = r.competencies.find((c) => c.competency.key === "diagnosis")
    expect(diagnosis?.evidenceCount).toBe(2)
    expect(diagnosis?.evidence.map((e) => e.date)).toEqual(["2026-01-04", "2026-01-03"])
    expect(r.competencies.reduce((sum, c) => sum + c.evidenceCount, 0)).toBe(2)
    // Evidence never meets an expectation: only the manager's rating does.
    expect(r).toMatchObject({ ready: false, met: 0 })
  })
})
