import { contribute, extensionPoint } from "@teamops/core"
import { Schema } from "effect"
import { oneOf } from "./Event.js"

/** How the values of a plugin metric in one group make the row's value. */
export const Aggregation = oneOf("sum", "count", "mean", "median", "p90", "max", "last")
export type Aggregation = typeof Aggregation.Type

/** Whether a higher value is better (`up`, as 1:1s held) or a lower one (`down`, as waiting time). */
export const Direction = oneOf("up", "down")
export type Direction = typeof Direction.Type

/** A plugin key and a snake_case name: `support.one_on_ones`. */
const pluginMetricKey = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

/** What a plugin says about a metric whose values arrive as `metric.observed` events. */
export const ObservedMetricDefinition = Schema.Struct({
  key: Schema.String.pipe(
    Schema.filter(
      (s) =>
        pluginMetricKey.test(s) ||
        `expected the plugin's id, a dot and a snake_case name, such as "support.one_on_ones", got ${JSON.stringify(s)}`,
    ),
  ),
  description: Schema.NonEmptyString,
  /** What one value counts or measures, in words: "meetings", "days", "seconds". */
  unit: Schema.NonEmptyString,
  direction: Direction,
  aggregation: Aggregation,
})
export type ObservedMetricDefinition = typeof ObservedMetricDefinition.Type

/** Where plugins declare metrics observed in the event log (`metric.observed`). */
export const observedMetricPoint = extensionPoint("kpi", "observedMetric", ObservedMetricDefinition)

/** Declares a metric whose values are ingested as `metric.observed` events and reported like the built-in ones. */
export const observedMetric = (definition: typeof ObservedMetricDefinition.Encoded) =>
  contribute(observedMetricPoint, definition)
