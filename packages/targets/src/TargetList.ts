import { inForce } from "./Judgement.js"
import type { Target } from "./Target.js"

/** The versions in force at `at`, one per target (metric, statistic, scope and tier), ended ones left out. */
export const inForceAt = (versions: ReadonlyArray<Target>, at: number): ReadonlyArray<Target> => {
  const seen = new Set<string>()
  const found: Array<Target> = []
  for (const v of versions) {
    const key = JSON.stringify([v.metric, v.statistic, v.scope.kind, v.scope.key, v.complexity])
    if (seen.has(key)) continue
    seen.add(key)
    const current = inForce(versions, v.metric, v.statistic, v.scope, v.complexity, at)
    if (current !== undefined) found.push(current)
  }
  return found
}
