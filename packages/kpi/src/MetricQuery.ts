import { InstantMillis, TimeZone } from "@teamops/core"
import { Schema } from "effect"
import { Complexity, oneOf } from "./Event.js"

export const GroupKey = oneOf("team", "person", "period")
export type GroupKey = typeof GroupKey.Type

const Weight = Schema.Number.pipe(Schema.nonNegative({ message: () => "expected a weight of 0 or more" }))

/** How much one conversation of each complexity weighs in concurrency; untagged is standard. */
export const ComplexityWeights = Schema.Struct({
  simple: Schema.optionalWith(Weight, { default: () => 0.5, nullable: true }),
  standard: Schema.optionalWith(Weight, { default: () => 1, nullable: true }),
  complex: Schema.optionalWith(Weight, { default: () => 2, nullable: true }),
})
export type ComplexityWeights = typeof ComplexityWeights.Type

const optional = <A, I>(schema: Schema.Schema<A, I, never>) => Schema.optionalWith(schema, { nullable: true })

/**
 * A question to the metrics: which metric, grouped how, over which range of basis instants,
 * as of when. `from` is inclusive and `to` exclusive; `asOf` defaults to now.
 */
export const MetricQuery = Schema.Struct({
  metric: Schema.String,
  groupBy: Schema.optionalWith(
    Schema.Array(GroupKey).pipe(
      Schema.filter(
        (keys) => new Set(keys).size === keys.length || "expected each of team, person and period at most once",
      ),
    ),
    { default: () => [] },
  ),
  period: optional(oneOf("day", "week", "month")),
  timeZone: optional(TimeZone),
  from: optional(InstantMillis),
  to: optional(InstantMillis),
  asOf: optional(InstantMillis),
  complexity: optional(Complexity),
  complexityWeights: Schema.optionalWith(ComplexityWeights, {
    default: () => ({ simple: 0.5, standard: 1, complex: 2 }),
    nullable: true,
  }),
  passThreshold: Schema.optionalWith(
    Schema.Number.pipe(Schema.between(0, 1, { message: () => "expected a number from 0 to 1" })),
    { default: () => 0.8, nullable: true },
  ),
}).pipe(
  Schema.filter((q) => {
    const problems: Array<Schema.FilterIssue> = []
    if (q.groupBy.includes("period") && q.period === undefined) {
      problems.push({ path: ["period"], message: "expected day, week or month when grouping by period" })
    }
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      problems.push({ path: ["to"], message: "expected an instant not before from" })
    }
    return problems
  }),
)
export type MetricQuery = typeof MetricQuery.Type
