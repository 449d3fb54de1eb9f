import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { levelDiff } from "../src/LevelDiff.js"
import { supportLadder } from "./support.js"

const diffOf = (from: string, to: string) => {
  const diff = levelDiff(supportLadder, from, to)
  if (Either.isLeft(diff)) throw diff.left
  return diff.right
}
const keys = (changes: ReadonlyArray<{ competency: { key: string }; from: { key: string }; to: { key: string } }>) =>
  changes.map((c) => [c.competency.key, c.from.key, c.to.key])

describe("levelDiff", () => {
  it("lists rising steps, new competencies, new behaviours and new responsibilities", () => {
    const diff = diffOf("css1", "css2")
    expect([diff.from.key, diff.to.key]).toEqual(["css1", "css2"])
    expect(keys(diff.rises)).toEqual([
      ["communication", "practising", "proficient"],
      ["troubleshooting", "aware", "practising"],
    ])
    expect(diff.falls).toEqual([])
    expect(diff.newCompetencies.map((n) => [n.competency.key, n.expected.key])).toEqual([["coaching", "aware"]])
    expect(diff.dropped).toEqual([])
    // "Answers in plain words." is expected at css1 already.
    expect(diff.newBehaviours.map((b) => [b.competency.key, b.behaviour.text])).toEqual([
      ["communication", "Calms an angry customer."],
      ["coaching", "Pairs with a new colleague."],
    ])
    expect(diff.changedExpectations).toEqual([
      { aspect: "scope", from: "Own tickets.", to: "Own tickets and the queue of the shift." },
      { aspect: "autonomy", from: "Works with guidance.", to: "Works alone." },
      { aspect: "impact", from: "Customers get correct answers.", to: "The shift meets its targets." },
    ])
  })

  it("lists falling steps and competencies no longer expected, by scale order", () => {
    const diff = diffOf("support-lead", "css1")
    expect(diff.rises).toEqual([])
    expect(keys(diff.falls)).toEqual([["communication", "expert", "practising"]])
    expect(diff.dropped.map((c) => c.key)).toEqual(["coaching"])
    expect(diff.newCompetencies.map((n) => n.competency.key)).toEqual(["troubleshooting"])
  })

  it("finds nothing between a level and itself, nor new expectations between equal texts", () => {
    const diff = diffOf("css2", "css2")
    expect([diff.rises, diff.falls, diff.newCompetencies, diff.dropped, diff.newBehaviours]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ])
    expect(diff.changedExpectations).toEqual([])
    // tse1 has no matrix row: everything css2 expects is dropped.
    expect(diffOf("css2", "tse1").dropped.map((c) => c.key)).toEqual(["communication", "troubleshooting", "coaching"])
    expect(diffOf("css2", "tse1").changedExpectations.map((c) => c.aspect)).toEqual(["scope", "impact"])
  })

  it("answers a NotFoundError for an unknown level", () => {
    const diff = levelDiff(supportLadder, "css1", "css9")
    expect(Either.isLeft(diff) && diff.left).toMatchObject({
      _tag: "NotFoundError",
      entity: "Level",
      key: "css9",
      message: 'no level "css9" in ladder "support"',
    })
  })
})
