import { type Figure, within } from "@teamops/kpi"
import type { Status, Target, TargetScope } from "./Target.js"

/** Who a report row is about, as targets are scoped: the keys that are known for it. */
export interface RowScopes {
  readonly person?: string | undefined
  /** `ladder/level`: the level the person held when the period started. */
  readonly level?: string | undefined
  readonly team?: string | undefined
}

/** What a row asks a target for: its metric, the statistics judged, its tier, the start of its period. */
export interface Question {
  readonly metric: string
  /** The statistics to look for, the preferred first. */
  readonly statistics: ReadonlyArray<string>
  readonly complexity: string | undefined
  readonly start: number
}

const sameTarget = (a: Target, metric: string, statistic: string, scope: TargetScope, complexity: string | null) =>
  a.metric === metric &&
  a.statistic === statistic &&
  a.scope.kind === scope.kind &&
  a.scope.key === scope.key &&
  a.complexity === complexity

/**
 * The version of a target in force at `start`: the latest whose `effectiveFrom` is at or
 * before it (a default, in force since always, before any that was set); undefined when
 * none is, or when the version in force ends the target.
 */
export const inForce = (
  versions: ReadonlyArray<Target>,
  metric: string,
  statistic: string,
  scope: TargetScope,
  complexity: string | null,
  start: number,
): Target | undefined => {
  let found: Target | undefined
  for (const v of versions) {
    if (!sameTarget(v, metric, statistic, scope, complexity)) continue
    const from = v.effectiveFrom ?? Number.NEGATIVE_INFINITY
    if (from > start) continue
    // Versions come in the order they were set: of two with the same instant, the later wins.
    if (found === undefined || from >= (found.effectiveFrom ?? Number.NEGATIVE_INFINITY)) found = v
  }
  return found?.good === null ? undefined : found
}

/** The scopes of a row, from the most specific. */
const scopesOf = (row: RowScopes): ReadonlyArray<TargetScope> => [
  ...(row.person === undefined ? [] : [{ kind: "person", key: row.person } as const]),
  ...(row.level === undefined ? [] : [{ kind: "level", key: row.level } as const]),
  ...(row.team === undefined ? [] : [{ kind: "team", key: row.team } as const]),
  { kind: "organisation", key: null },
]

/**
 * The target that judges a row: for a query kept to one complexity tier, a target of that
 * tier when one applies, else one for every tier; then the most specific scope (person, level,
 * team, organisation); then the statistic listed first.
 */
export const applicable = (versions: ReadonlyArray<Target>, question: Question, row: RowScopes) => {
  const tiers = question.complexity === undefined ? [null] : [question.complexity, null]
  for (const tier of tiers)
    for (const scope of scopesOf(row))
      for (const statistic of question.statistics) {
        const target = inForce(versions, question.metric, statistic, scope, tier, question.start)
        if (target !== undefined) return target
      }
  return undefined
}

/**
 * How a figure stands: `no_data` without a value or below the count the metric needs,
 * `on_track` within `good`, `watch` within `acceptable`, `off_track` otherwise.
 */
export const statusOf = (target: Target, figure: Figure, minimumCount: number): Status => {
  if (figure.value === null || (figure.count !== undefined && figure.count < minimumCount)) return "no_data"
  if (target.good !== null && within(target.good, figure.value)) return "on_track"
  if (target.acceptable !== null && within(target.acceptable, figure.value)) return "watch"
  return "off_track"
}
