import { zone } from "@teamops/core"
import { DateTime } from "effect"
import type { FactScope } from "./FactReader.js"
import type { MetricQuery } from "./MetricQuery.js"
import type { ReportRow } from "./ReportContext.js"

/** The question a report row answers, and the instant its period starts. */
export interface RowOrigin {
  readonly query: MetricQuery
  /** The instant the report was computed as of (the query's `asOf`, else the time it ran). */
  readonly asOf: number
  /**
   * The first instant of the row's period (local midnight of its first day in the period's
   * zone); for a row not grouped by period, the query's `from`, else its `asOf`.
   */
  readonly start: number
  /** The owners the report was limited to, when it was: asking again needs no others' facts. */
  readonly scope: FactScope | undefined
}

// Rows stay plain objects (printed as they are by the command line); what they answer is
// kept beside them, for as long as a row is held.
const origins = new WeakMap<ReportRow, RowOrigin>()

/** What `row` answers: its query and the start of its period; undefined for a row no report made. */
export const originOf = (row: ReportRow): RowOrigin | undefined => origins.get(row)

/** The instant of local midnight of `date` (YYYY-MM-DD) in `timeZone`. */
export const localMidnight = (date: string, timeZone: string): number => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number]
  return DateTime.toEpochMillis(
    DateTime.unsafeMakeZoned({ year, month, day }, { timeZone: zone(timeZone), adjustForTimeZone: true }),
  )
}

/**
 * Remembers the origin of the rows of one query. `zoneOf` gives the zone a row's period was
 * computed in; `asOf` is the instant the report was computed as of; `scope` the owners it was
 * limited to.
 */
export const rememberOrigins = (
  rows: ReadonlyArray<ReportRow>,
  query: MetricQuery,
  asOf: number,
  scope: FactScope | undefined,
  zoneOf: (row: ReportRow) => string,
) => {
  for (const row of rows) {
    const start = row.period === undefined ? (query.from ?? asOf) : localMidnight(row.period, zoneOf(row))
    origins.set(row, { query, asOf, start, scope })
  }
}
