import type { LadderDocument, Level } from "@teamops/roles"
import type { LevelAt } from "./Promotion.js"

/**
 * Where a promotion leads from a level of one ladder version:
 * - `next`: the level it leads to;
 * - `top`: no promotion leaves the level (the top of its track);
 * - `unknown`: the version has no level of that key.
 */
export type NextLevel =
  | { readonly _tag: "next"; readonly from: Level; readonly level: Level }
  | { readonly _tag: "top"; readonly from: Level }
  | { readonly _tag: "unknown" }

/**
 * The level a `promotion` transition of `ladder` leads to from level `from`. When several
 * promotions leave the level, the first of them (in the order of the file's transitions)
 * whose target is on the same track wins; when none stays on the track, the first of them.
 * A promotion whose target is not a level of the version (a role, say) is not counted.
 */
export const nextLevel = (ladder: Pick<LadderDocument, "levels" | "transitions">, from: string): NextLevel => {
  const current = ladder.levels.find((l) => l.key === from)
  if (current === undefined) return { _tag: "unknown" }
  const targets = ladder.transitions.flatMap((t) => {
    if (t.kind !== "promotion" || t.from !== from || t.to === undefined || t.to === from) return []
    const level = ladder.levels.find((l) => l.key === t.to)
    return level === undefined ? [] : [level]
  })
  const level = targets.find((l) => l.track === current.track) ?? targets[0]
  return level === undefined ? { _tag: "top", from: current } : { _tag: "next", from: current, level }
}

/** The latest published version of a ladder, as the next level is read from it. */
export interface LatestLadder {
  readonly ladderKey: string
  readonly version: number
  readonly ladder: Pick<LadderDocument, "levels" | "transitions">
}

/** Why a person has no next level, in words: "no current level", "css2 is the top of its track…". */
export interface NoNextLevel {
  readonly _tag: "NoNextLevel"
  readonly reason: string
}

/** A person's next level (a level of the latest version of their ladder), or why there is none. */
export type PersonNextLevel =
  | { readonly _tag: "next"; readonly ladderKey: string; readonly version: number; readonly level: Level }
  | NoNextLevel

const none = (reason: string): NoNextLevel => ({ _tag: "NoNextLevel", reason })

/**
 * The next level of a person whose current level is `current` (undefined before the first
 * promotion), read from `latest`, the latest published version of the current level's ladder
 * (undefined when it has none).
 */
export const nextLevelOfPerson = (current: LevelAt | undefined, latest: LatestLadder | undefined): PersonNextLevel => {
  if (current === undefined) return none("no current level")
  if (latest === undefined) return none(`ladder "${current.ladderKey}" has no published version`)
  const found = nextLevel(latest.ladder, current.level)
  switch (found._tag) {
    case "unknown":
      return none(`"${current.level}" is not a level of ladder "${latest.ladderKey}" version ${latest.version}`)
    case "top":
      return none(`${current.level} is the top of its track in ladder "${latest.ladderKey}" version ${latest.version}`)
    case "next":
      return { _tag: "next", ladderKey: latest.ladderKey, version: latest.version, level: found.level }
  }
}
