import { readFileSync } from "node:fs"
import { type LadderDocument, parseLadderFile } from "@teamops/roles"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { nextLevel, nextLevelOfPerson } from "../src/NextLevel.js"

const supportLadder: LadderDocument = Effect.runSync(
  parseLadderFile("yaml", readFileSync(new URL("../../support/src/support-ladder.yaml", import.meta.url), "utf8")),
)

const nextOf = (ladder: Pick<LadderDocument, "levels" | "transitions">, from: string) => {
  const found = nextLevel(ladder, from)
  return found._tag === "next" ? found.level.key : found._tag
}

const level = (key: string, track: string, rank: number) => ({
  key,
  title: key,
  track,
  rank,
  summary: "s",
  expectations: { scope: "s", autonomy: "a", impact: "i" },
})
const promotion = (from: string, to: string) => ({ from, to, kind: "promotion" as const, takes: "t" })

describe("the next level on the support ladder", () => {
  it("leads from css1 to css2", () => {
    expect(nextOf(supportLadder, "css1")).toBe("css2")
  })

  it("leads from css2 up its own track, not to the technical track listed after it", () => {
    expect(nextOf(supportLadder, "css2")).toBe("senior-support-specialist")
  })

  it("leaves the track when no promotion stays on it", () => {
    // senior-support-specialist is the top of the ic track; its first promotion is technical.
    expect(nextOf(supportLadder, "senior-support-specialist")).toBe("senior-support-engineer")
  })

  it("follows the other tracks", () => {
    expect(nextOf(supportLadder, "customer-support-engineer")).toBe("senior-support-engineer")
    expect(nextOf(supportLadder, "support-lead")).toBe("support-manager")
    expect(nextOf(supportLadder, "support-operations-specialist")).toBe("senior-support-operations-specialist")
  })

  it("has none at the top of a track, where only lateral moves and exits leave", () => {
    expect(nextOf(supportLadder, "support-manager")).toBe("top")
    expect(nextOf(supportLadder, "senior-support-engineer")).toBe("top")
    expect(nextOf(supportLadder, "senior-support-operations-specialist")).toBe("top")
  })

  it("knows no level the version lacks", () => {
    expect(nextOf(supportLadder, "css9")).toBe("unknown")
  })
})

describe("the choice among promotions", () => {
  const levels = [level("a1", "a", 1), level("a2", "a", 2), level("a3", "a", 3), level("b1", "b", 1)]

  it("takes the first promotion on the same track, in the order of the transitions", () => {
    const transitions = [promotion("a1", "b1"), promotion("a1", "a3"), promotion("a1", "a2")]
    expect(nextOf({ levels, transitions }, "a1")).toBe("a3")
  })

  it("takes the first promotion when none stays on the track", () => {
    const transitions = [promotion("a3", "b1"), promotion("a3", "a3")]
    expect(nextOf({ levels, transitions }, "a3")).toBe("b1")
  })

  it("counts only promotions that lead to a level", () => {
    const transitions = [
      { from: "a1", to: "a2", kind: "lateral" as const, takes: "t" },
      { from: "a1", department: "Sales", kind: "exit" as const, takes: "t" },
      promotion("a1", "a-coach"),
      promotion("a2", "a3"),
    ]
    expect(nextOf({ levels, transitions }, "a1")).toBe("top")
  })
})

describe("a person's next level", () => {
  const latest = { ladderKey: "support", version: 3, ladder: supportLadder }

  it("is read from the latest version of the ladder of the current level", () => {
    const found = nextLevelOfPerson({ ladderKey: "support", version: 1, level: "css2" }, latest)
    expect(found).toMatchObject({
      _tag: "next",
      ladderKey: "support",
      version: 3,
      level: { key: "senior-support-specialist" },
    })
  })

  it("says why there is none", () => {
    const reason = (at: Parameters<typeof nextLevelOfPerson>[0], version = latest) => {
      const found = nextLevelOfPerson(at, version)
      return found._tag === "NoNextLevel" ? found.reason : found.level.key
    }
    expect(reason(undefined)).toBe("no current level")
    expect(reason({ ladderKey: "support", version: 3, level: "support-manager" })).toBe(
      'support-manager is the top of its track in ladder "support" version 3',
    )
    expect(reason({ ladderKey: "support", version: 1, level: "css0" })).toBe(
      '"css0" is not a level of ladder "support" version 3',
    )
    expect(nextLevelOfPerson({ ladderKey: "gone", version: 1, level: "x" }, undefined)).toEqual({
      _tag: "NoNextLevel",
      reason: 'ladder "gone" has no published version',
    })
  })
})
