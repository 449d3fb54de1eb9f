import type { Generated } from "kysely"

/** The tables of the targets plugin. */
export interface TargetsDatabase {
  targets_versions: {
    /** Grows with each version set. */
    id: Generated<number>
    metric: string
    statistic: string
    scope_kind: string
    /** Empty for the organisation. */
    scope_key: string
    /** Empty for every tier. */
    complexity: string
    /** Zero: a version that ends the target. */
    has_good: number
    good_min: number | null
    good_max: number | null
    acceptable_min: number | null
    acceptable_max: number | null
    effective_from: number
    set_at: number
  }
}
