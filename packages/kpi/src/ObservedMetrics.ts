import { Effect } from "effect"
import type { ObservationRow } from "./FactReader.js"
import type { Aggregation, ObservedMetricDefinition } from "./ObservedMetric.js"
import { groupsOf, type MetricDefinition, note, rowsOf } from "./ReportContext.js"
import { percentile, roundQuotient, sumOf } from "./Statistics.js"

/**
 * The value of a group of observations as the metric aggregates them; `last` is the value
 * observed latest (ties by arrival). Quotients and percentiles to 1e-9, as every rate.
 */
export const aggregate = (aggregation: Aggregation, observations: ReadonlyArray<ObservationRow>): number => {
  if (aggregation === "count") return observations.length
  if (aggregation === "last") {
    let last = observations[0] as ObservationRow
    for (const o of observations) if (o.at > last.at || (o.at === last.at && o.seq > last.seq)) last = o
    return last.value
  }
  const sorted = observations.map((o) => o.value).sort((a, b) => a - b)
  switch (aggregation) {
    case "sum":
      return roundQuotient(sumOf(sorted))
    case "mean":
      return roundQuotient(sumOf(sorted) / sorted.length)
    case "median":
      return roundQuotient(percentile(sorted, 0.5))
    case "p90":
      return roundQuotient(percentile(sorted, 0.9))
    case "max":
      return sorted[sorted.length - 1] as number
  }
}

/**
 * The report metric of a declared plugin metric: its observations in the window, grouped by
 * their subject (a person, with their team; or a team) and the period of the observation.
 */
export const observedMetricReport = (declared: ObservedMetricDefinition): MetricDefinition => {
  const definition: MetricDefinition = {
    key: declared.key,
    basis: "observation",
    unit: declared.unit,
    direction: declared.direction,
    // A target judges the aggregated value, or how many observations there were.
    statistics: {
      [declared.aggregation]: (row) => ({ value: row.value as number, count: row.count as number }),
      count: (row) => ({ value: row.count as number, count: row.count as number }),
    },
    evaluate: (context) =>
      Effect.map(context.facts.observations(context.window, declared.key), (observations) => {
        const groups = groupsOf(context, (): Array<ObservationRow> => [])
        for (const o of observations) {
          const acc = groups.add(o.at, o.team, o.person_email)
          acc.push(o)
          note(context, acc, () => ({
            conversationId: null,
            cycle: null,
            person: o.person_email,
            team: o.team,
            at: o.at,
            value: o.value,
            reason: null,
          }))
        }
        return rowsOf(definition, groups.rows(), (acc) => ({
          count: acc.length,
          value: aggregate(declared.aggregation, acc),
          aggregation: declared.aggregation,
          unit: declared.unit,
        }))
      }),
  }
  return definition
}
