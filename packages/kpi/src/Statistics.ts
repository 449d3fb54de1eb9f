/**
 * Durations in seconds, to the millisecond: the precision of the instants they are made from,
 * so that interpolating or averaging them shows no floating-point noise (3006, not 3006.0000000000005).
 */
export const roundSeconds = (seconds: number): number => Math.round(seconds * 1_000) / 1_000

/** Quotients (rates, means of scores, shares, time-weighted means) to 1e-9. */
export const roundQuotient = (quotient: number): number => Math.round(quotient * 1e9) / 1e9

/** The summary of a set of durations, in seconds, each statistic {@link roundSeconds rounded}. */
export interface Summary {
  readonly count: number
  readonly median: number
  readonly p90: number
  readonly mean: number
  readonly min: number
  readonly max: number
}

/**
 * The percentile `p` (0 to 1) of sorted values by linear interpolation between closest
 * ranks, as PostgreSQL's `percentile_cont`: h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌈h⌉] − x[⌊h⌋]).
 */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number => {
  const h = (sorted.length - 1) * p
  const low = sorted[Math.floor(h)] as number
  const high = sorted[Math.ceil(h)] as number
  return low + (h - Math.floor(h)) * (high - low)
}

/** The sum of values taken in ascending order, so that any order of the same values sums alike. */
export const sumOf = (sorted: ReadonlyArray<number>) => sorted.reduce((sum, x) => sum + x, 0)

/**
 * Count, median, 90th percentile, mean, minimum and maximum of durations in seconds, each to
 * the millisecond; `null` when there are no values.
 */
export const summarize = (values: ReadonlyArray<number>): Summary | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const summary = {
    count: sorted.length,
    median: roundSeconds(percentile(sorted, 0.5)),
    p90: roundSeconds(percentile(sorted, 0.9)),
    mean: roundSeconds(sumOf(sorted) / sorted.length),
    min: roundSeconds(sorted[0] as number),
    max: roundSeconds(sorted[sorted.length - 1] as number),
  }
  measured.set(summary, sorted)
  return summary
}

// The values behind each summary, ascending, for as long as the summary is held: what a
// target's attainment counts.
const measured = new WeakMap<Summary, ReadonlyArray<number>>()

/** The values a summary was made of, ascending; undefined for a summary made elsewhere. */
export const measuredValues = (summary: Summary): ReadonlyArray<number> | undefined => measured.get(summary)

/** The mean of values that are not durations (scores), to 1e-9; `null` when there are none. */
export const meanOf = (values: ReadonlyArray<number>): number | null =>
  values.length === 0 ? null : roundQuotient(sumOf([...values].sort((a, b) => a - b)) / values.length)

/** A quotient, to 1e-9, that is `null` when nothing was counted. */
export const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : roundQuotient(numerator / denominator),
})
