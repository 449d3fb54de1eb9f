import type { MetricQuery } from "./MetricQuery.js"
import type { ReportRow } from "./ReportContext.js"
import type { Summary } from "./Statistics.js"

/**
 * One figure of a report row, as a target judges it: its value (null when nothing was
 * measured) and the number of values it stands on (ratings for CSAT), when that is known.
 */
export interface Figure {
  readonly value: number | null
  readonly count?: number
}

/** Reads one statistic of a row of a metric, for the query the row answers. */
export type StatisticOf = (row: ReportRow, query: MetricQuery) => Figure

/** The statistics a target may name, per metric key. */
export type MetricStatistics = Readonly<Record<string, StatisticOf>>

const ofSummary =
  (name: "median" | "p90" | "mean" | "max"): StatisticOf =>
  (row) => {
    const calendar = row.calendar as Summary | null
    return calendar === null ? { value: null, count: 0 } : { value: calendar[name], count: calendar.count }
  }

/** Time metrics are judged on their calendar durations. */
const duration: MetricStatistics = {
  median: ofSummary("median"),
  p90: ofSummary("p90"),
  mean: ofSummary("mean"),
  max: ofSummary("max"),
}

const rate: MetricStatistics = {
  rate: (row) => ({ value: row.rate as number | null, count: row.denominator as number }),
}

/**
 * Concurrency of a person is judged on the figures weighted by complexity, as a complex
 * conversation weighs more than a simple one; a query kept to one tier weighs them alike.
 */
const weighted = (row: ReportRow, query: MetricQuery) =>
  row.person !== undefined && row.person !== null && query.complexity === undefined

const concurrency: MetricStatistics = {
  max: (row, query) => ({ value: (weighted(row, query) ? row.weighted_max : row.max) as number }),
  mean: (row, query) => ({ value: (weighted(row, query) ? row.weighted_mean : row.mean) as number }),
}

/** The statistics of the built-in metrics. */
export const builtInStatistics: Readonly<Record<string, MetricStatistics>> = {
  first_response_time: duration,
  reply_time: duration,
  resolution_time: duration,
  handling_time: duration,
  volume: { count: (row) => ({ value: row.count as number, count: row.count as number }) },
  reopen_rate: rate,
  csat_score: rate,
  csat_response_rate: rate,
  bot_resolution_rate: rate,
  handoff_rate: rate,
  qa_pass_rate: rate,
  iqs: { mean: (row) => ({ value: row.iqs as number | null, count: row.count as number }) },
  concurrency,
}
