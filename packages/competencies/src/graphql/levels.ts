import type { RequestContext } from "@teamops/core"
import { type LadderLevel, loadLadderVersion } from "@teamops/roles"
import type { LevelAt } from "../Promotion.js"

/** A level of a ladder version as `roles` shows it; a stored level its version lacks is a broken invariant. */
export const levelOf = async (
  context: RequestContext,
  at: LevelAt,
  invariant: (message: string) => never,
): Promise<LadderLevel> => {
  const ladder = await loadLadderVersion(context, { ladderKey: at.ladderKey, version: at.version })
  const level = ladder?.effective.levels.find((l) => l.key === at.level)
  return level === undefined
    ? invariant(`level ${at.level} of ladder ${at.ladderKey} v${at.version} is missing`)
    : { ladderKey: at.ladderKey, version: at.version, level }
}
