import type { ReportRow } from "./ReportContext.js"
import { measuredValues, roundQuotient, type Summary } from "./Statistics.js"

/** Bounds of a band, each inclusive; a bound left out does not limit. */
export interface Bound {
  readonly min?: number | null | undefined
  readonly max?: number | null | undefined
}

/** Whether `value` lies within `bound`, both ends included. */
export const within = (bound: Bound, value: number) =>
  (bound.min === undefined || bound.min === null || value >= bound.min) &&
  (bound.max === undefined || bound.max === null || value <= bound.max)

/**
 * The share of a time metric row's measured calendar values that lie within `bound` (the
 * SLA percentage helpdesks report), to 1e-9; null when the row measured nothing or is not a
 * time metric's row.
 */
export const attainment = (row: ReportRow, bound: Bound): number | null => {
  const calendar = row.calendar as Summary | null | undefined
  const values = calendar === null || calendar === undefined ? undefined : measuredValues(calendar)
  if (values === undefined || values.length === 0) return null
  let inside = 0
  for (const value of values) if (within(bound, value)) inside++
  return roundQuotient(inside / values.length)
}
