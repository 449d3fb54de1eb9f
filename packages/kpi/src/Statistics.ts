/** The summary of a set of durations, in seconds. */
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

/** Count, median, 90th percentile, mean, minimum and maximum; `null` when there are no values. */
export const summarize = (values: ReadonlyArray<number>): Summary | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: sorted.length,
    median: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  }
}

/** A quotient that is `null` when nothing was counted. */
export const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
})
