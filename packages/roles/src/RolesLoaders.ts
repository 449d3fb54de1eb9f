import { type RequestContext, requestLoader } from "@teamops/core"
import { Effect } from "effect"
import { LadderRepo } from "./LadderRepo.js"
import type { LadderLevel, LadderVersion, LadderVersionRef } from "./LadderVersion.js"

const keyOf = (ref: LadderVersionRef) => JSON.stringify([ref.ladderKey, ref.version])

// The request loader of ladder versions, by ladder key and version (null: the draft); every
// plugin that shows a level or a ladder reads versions through it, once per request.
const loader = requestLoader("roles", "ladderVersion", (keys: ReadonlyArray<string>) => {
  const refs = keys.map((key) => {
    const [ladderKey, version] = JSON.parse(key) as [string, number | null]
    return { ladderKey, version }
  })
  return Effect.map(
    Effect.flatMap(LadderRepo, (r) => r.versions(refs)),
    (found) => {
      const byKey = new Map(found.map((v) => [keyOf(v), v]))
      return keys.map((key) => byKey.get(key) ?? null)
    },
  )
})

/** A version of a ladder (`version` null: the draft), or null when there is none. */
export const loadLadderVersion = (context: RequestContext, ref: LadderVersionRef): Promise<LadderVersion | null> =>
  loader(context).load(keyOf(ref))

/** Tells the request's loader of a version read by other means, so that its levels need no second read. */
export const rememberLadderVersion = (context: RequestContext, version: LadderVersion) => {
  const key = keyOf(version)
  loader(context).clear(key).prime(key, version)
}

/** The levels of a version, as other plugins refer to them; the version is remembered for the request. */
export const levelsOf = (context: RequestContext, version: LadderVersion): Array<LadderLevel> => {
  rememberLadderVersion(context, version)
  return version.effective.levels.map((level) => ({ ladderKey: version.ladderKey, version: version.version, level }))
}
