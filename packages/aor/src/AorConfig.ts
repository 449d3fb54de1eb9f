import { Schema } from "effect"

const Share = Schema.Number.pipe(
  Schema.filter((n) => (n >= 0 && n <= 1) || `expected a share of the week from 0 to 1, got ${n}`),
)
const Count = Schema.Int.pipe(Schema.filter((n) => n >= 0 || `expected a whole number of 0 or more, got ${n}`))

/** The limits of the health report, under `pluginConfig.aor`; every one has a default. */
export const AorConfig = Schema.Struct({
  /** The share of a person's weekly working hours areas may take; the rest is frontline time. */
  allowanceShare: Schema.optionalWith(Share, { default: () => 0.2, exact: true }),
  /** The same share for people at a ladder level (by level key, such as `css3`). */
  allowanceShareByLevel: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Share }), {
    default: () => ({}),
    exact: true,
  }),
  /** An area with more contributors than this has too many cooks. */
  maxContributors: Schema.optionalWith(Count, { default: () => 3, exact: true }),
  /** The first months of a person, in days since their hire date: for learning the product, not owning areas. */
  firstMonthsDays: Schema.optionalWith(Count, { default: () => 90, exact: true }),
})
export type AorConfig = typeof AorConfig.Type

export const defaultAorConfig: AorConfig = Schema.decodeUnknownSync(AorConfig)({})
