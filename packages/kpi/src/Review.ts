import type { Review } from "./Event.js"

/** A category's score: where its value sits on its scale, from 0 to 1. */
const categoryScore = (entry: Review["scorecard"][number], value: number) =>
  (value - entry.scale.min) / (entry.scale.max - entry.scale.min)

/**
 * The score of a quality review: the weighted mean of its scored categories, or 0 when a
 * critical category scores below one half (an N/A critical category never fails it).
 * `null` when every category is N/A.
 */
export const reviewScore = (review: Review): number | null => {
  let weighted = 0
  let weights = 0
  let failed = false
  for (const entry of review.scorecard) {
    if (entry.value === null) continue
    const score = categoryScore(entry, entry.value)
    if (entry.critical && score < 0.5) failed = true
    weighted += entry.weight * score
    weights += entry.weight
  }
  if (weights === 0) return null
  return failed ? 0 : weighted / weights
}
