import { describe, expect, it } from "vitest"
import { effectiveLadder } from "../src/EffectiveLadder.js"
import { supportLadder, withLadder } from "./support.js"

describe("effectiveLadder", () => {
  it("is the document itself without a base", () => {
    expect(effectiveLadder(supportLadder, undefined)).toBe(supportLadder)
  })

  it("takes the base's scale, competencies and matrix, the version's entries overriding per competency", () => {
    const derived = withLadder((d) => {
      d.key = "emea"
      d.extends = "support"
      d.scale = []
      d.competencies = [
        { key: "coaching", name: "Coaching", category: "People", description: "Grows others in EMEA." },
        { key: "languages", name: "Languages", category: "Craft", description: "Speaks two languages." },
      ]
      d.matrix = {
        css1: { languages: { expected: "practising", behaviours: [] } },
        css2: { coaching: { expected: "practising", behaviours: [] } },
      }
    })
    const effective = effectiveLadder(derived, supportLadder)
    expect(effective.key).toBe("emea")
    expect(effective.scale).toEqual(supportLadder.scale)
    expect(effective.competencies.map((c) => [c.key, c.category])).toEqual([
      ["communication", "Craft"],
      ["troubleshooting", "Craft"],
      ["coaching", "People"],
      ["languages", "Craft"],
    ])
    expect(Object.keys(effective.matrix)).toEqual(["css1", "css2", "support-lead"])
    expect(effective.matrix.css1).toEqual({
      ...supportLadder.matrix.css1,
      languages: { expected: "practising", behaviours: [] },
    })
    expect(effective.matrix.css2?.coaching).toEqual({ expected: "practising", behaviours: [] })
    expect(effective.matrix.css2?.communication).toEqual(supportLadder.matrix.css2?.communication)
    // Its own scale wins.
    const ownScale = { ...derived, scale: [supportLadder.scale[0]!, supportLadder.scale[1]!] }
    expect(effectiveLadder(ownScale, supportLadder).scale.map((s) => s.key)).toEqual(["aware", "practising"])
  })
})
