import { Email, InstantMillis, Key } from "@teamops/core"
import { Complexity, oneOf } from "@teamops/kpi"
import { Either, Schema } from "effect"

/** How a judged figure stands against its target. */
export const Status = oneOf("on_track", "watch", "off_track", "no_data")
export type Status = typeof Status.Type

const bound = Schema.optionalWith(Schema.Number, { nullable: true })

/** A range of values, each end included; an end left out does not limit. */
export const Band = Schema.Struct({ min: bound, max: bound }).pipe(
  Schema.filter((band) =>
    band.min === undefined && band.max === undefined
      ? "expected a band with min, max or both"
      : band.min !== undefined && band.max !== undefined && band.min > band.max
        ? { path: ["max"], message: `expected max of at least min (${band.min}), got ${band.max}` }
        : true,
  ),
)
export type Band = typeof Band.Type

/** Who a target is for, from the most specific: a person, a ladder level, a team, everyone. */
export const ScopeKind = oneOf("person", "level", "team", "organisation")
export type ScopeKind = typeof ScopeKind.Type

/** `support/css2`: a ladder's key, a slash, a level's key. */
const levelKey = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/

const keyProblem = (kind: ScopeKind, key: string | undefined): string | undefined => {
  if (kind === "organisation") return key === undefined ? undefined : "expected no key for the organisation"
  if (key === undefined) return `expected the key of the ${kind}`
  if (kind === "team")
    return Schema.is(Key)(key) ? undefined : `expected a team key such as "support-emea", got ${JSON.stringify(key)}`
  if (kind === "level")
    return levelKey.test(key)
      ? undefined
      : `expected a ladder key and a level key such as "support/css2", got ${JSON.stringify(key)}`
  return Either.isRight(Schema.decodeEither(Email)(key))
    ? undefined
    : `expected an email address such as "ana@example.com", got ${JSON.stringify(key)}`
}

/** The scope of a target: its kind and, but for the organisation, the key of whom it is for. */
export const TargetScope = Schema.Struct({
  kind: ScopeKind,
  key: Schema.optionalWith(Schema.String, { nullable: true }),
}).pipe(
  Schema.filter((scope) => {
    const problem = keyProblem(scope.kind, scope.key)
    return problem === undefined ? true : { path: ["key"], message: problem }
  }),
  // Emails are kept in lower case, as people are.
  Schema.transform(Schema.typeSchema(Schema.Struct({ kind: ScopeKind, key: Schema.NullOr(Schema.String) })), {
    strict: true,
    decode: (scope) => ({
      kind: scope.kind,
      key: scope.key === undefined ? null : scope.kind === "person" ? scope.key.trim().toLowerCase() : scope.key,
    }),
    encode: (scope) => ({ kind: scope.kind, ...(scope.key === null ? {} : { key: scope.key }) }),
  }),
)
export type TargetScope = typeof TargetScope.Type

const contains = (outer: Band, inner: Band) =>
  (outer.min === undefined || (inner.min !== undefined && inner.min >= outer.min)) &&
  (outer.max === undefined || (inner.max !== undefined && inner.max <= outer.max))

/**
 * A target as it is set: for one statistic of a metric and a scope, optionally one complexity
 * tier, in force from `effectiveFrom` until a later version of the same target. `good: null`
 * ends the target from that instant.
 */
export const TargetInput = Schema.Struct({
  metric: Schema.NonEmptyString,
  statistic: Schema.NonEmptyString,
  scope: Schema.optionalWith(TargetScope, { default: () => ({ kind: "organisation", key: null }) as const }),
  complexity: Schema.optionalWith(Complexity, { nullable: true }),
  good: Schema.NullOr(Band),
  acceptable: Schema.optionalWith(Band, { nullable: true }),
  effectiveFrom: InstantMillis,
}).pipe(
  Schema.filter((t) =>
    t.good === null && t.acceptable !== undefined
      ? { path: ["acceptable"], message: "expected no acceptable band for a target that ends (good: null)" }
      : t.good !== null && t.acceptable !== undefined && !contains(t.acceptable, t.good)
        ? { path: ["acceptable"], message: "expected a band that contains good" }
        : true,
  ),
)
export type TargetInput = typeof TargetInput.Type

/** A version of a target, set through the API or contributed by a plugin as a default. */
export interface Target {
  /** Null for a plugin's default. */
  readonly id: string | null
  readonly metric: string
  readonly statistic: string
  readonly scope: TargetScope
  readonly complexity: Complexity | null
  /** Null: the target ends at `effectiveFrom`. */
  readonly good: Band | null
  /** Null: anything outside `good` is off track. */
  readonly acceptable: Band | null
  /** Null: in force since always (a plugin's default). */
  readonly effectiveFrom: number | null
  /** The plugin that contributed a default; null for a target that was set. */
  readonly contributedBy: string | null
}
