import { describe, expect, it } from "vitest"
import { applyChanges, keysMappingTo, mapCompetency, type VersionChanges } from "../src/CompetencyMapping.js"

const history: ReadonlyArray<VersionChanges> = [
  { version: 1, changes: [] },
  { version: 2, changes: [{ rename: { from: "troubleshooting", to: "diagnosis" } }] },
  { version: 3, changes: [{ split: { from: "communication", into: ["writing", "speaking"] } }] },
  { version: 4, changes: [{ merge: { from: ["diagnosis", "writing"], into: "problem-solving" } }] },
]

describe("applyChanges", () => {
  it("renames, splits and merges; a key no change names stays", () => {
    expect(applyChanges("a", [{ rename: { from: "a", to: "b" } }])).toEqual(["b"])
    expect(applyChanges("a", [{ split: { from: "a", into: ["b", "c"] } }])).toEqual(["b", "c"])
    expect(applyChanges("b", [{ merge: { from: ["a", "b"], into: "c" } }])).toEqual(["c"])
    expect(applyChanges("z", [{ rename: { from: "a", to: "b" } }])).toEqual(["z"])
  })

  it("applies one version's changes together, so two renames can swap keys", () => {
    const swap = [{ rename: { from: "a", to: "b" } }, { rename: { from: "b", to: "a" } }]
    expect(applyChanges("a", swap)).toEqual(["b"])
    expect(applyChanges("b", swap)).toEqual(["a"])
  })
})

describe("mapCompetency", () => {
  it("maps a renamed key forward", () => {
    expect(mapCompetency("troubleshooting", 1, history, 2)).toEqual(["diagnosis"])
    expect(mapCompetency("troubleshooting", 1, history, 3)).toEqual(["diagnosis"])
  })

  it("maps a split key to each part", () => {
    expect(mapCompetency("communication", 1, history, 3)).toEqual(["writing", "speaking"])
    expect(mapCompetency("communication", 2, history, 3)).toEqual(["writing", "speaking"])
  })

  it("maps merged keys to one, without duplicates", () => {
    expect(mapCompetency("troubleshooting", 1, history)).toEqual(["problem-solving"])
    expect(mapCompetency("communication", 1, history)).toEqual(["problem-solving", "speaking"])
    expect(mapCompetency("writing", 3, history)).toEqual(["problem-solving"])
  })

  it("uses only the versions after the one rated against, up to the target", () => {
    expect(mapCompetency("troubleshooting", 2, history)).toEqual(["troubleshooting"])
    expect(mapCompetency("communication", 3, history)).toEqual(["communication"])
    expect(mapCompetency("troubleshooting", 1, history, 1)).toEqual(["troubleshooting"])
  })

  it("applies the versions in order whatever order the history lists them in", () => {
    expect(mapCompetency("troubleshooting", 1, [...history].reverse())).toEqual(["problem-solving"])
  })

  it("leaves an unchanged key as it is", () => {
    expect(mapCompetency("mentoring", 1, history)).toEqual(["mentoring"])
  })
})

describe("keysMappingTo", () => {
  it("finds every earlier key that maps to a competency of the target version", () => {
    const candidates = [
      { version: 1, keys: ["communication", "troubleshooting", "mentoring"] },
      { version: 2, keys: ["communication", "diagnosis", "mentoring"] },
      { version: 3, keys: ["writing", "speaking", "diagnosis", "mentoring"] },
      { version: 4, keys: ["speaking", "problem-solving", "mentoring"] },
    ]
    expect(keysMappingTo("problem-solving", 4, history, candidates)).toEqual([
      { version: 1, competency: "communication" },
      { version: 1, competency: "troubleshooting" },
      { version: 2, competency: "communication" },
      { version: 2, competency: "diagnosis" },
      { version: 3, competency: "writing" },
      { version: 3, competency: "diagnosis" },
      { version: 4, competency: "problem-solving" },
    ])
    expect(keysMappingTo("diagnosis", 2, history, candidates)).toEqual([
      { version: 1, competency: "troubleshooting" },
      { version: 2, competency: "diagnosis" },
    ])
  })
})
