import { addDays, instantOf, wallTimeOf, weekdayIndex } from "./WallTime.js"
import { halfHourMillis, type Week } from "./Week.js"

/**
 * How many conversations customers start in each half hour of `week`, as the mean over the
 * `weeks` weeks ending with it (`created` holds the instants of those weeks, any order).
 *
 * The weeks are laid over each other by local wall time in the team's zone, so that a
 * customer who writes on Mondays at 09:10 counts at Monday 09:00 whether the clocks were on
 * summer or winter time that week. A conversation of the week itself counts in the half hour
 * it was created in; one of an earlier week counts at its weekday and wall time in this week,
 * read as {@link instantOf} reads it: a wall time this week skips lands after the change, one
 * it has twice counts in its first half hour.
 */
export const demandOf = (
  week: Week,
  weeks: number,
  created: ReadonlyArray<number>,
  halfHours: number,
): ReadonlyArray<number> => {
  const counts = new Array<number>(halfHours).fill(0)
  for (const at of created) {
    const place = at >= week.start && at < week.end ? at : placedInWeek(week, at)
    const index = Math.floor((place - week.start) / halfHourMillis)
    if (index >= 0 && index < halfHours) counts[index] = (counts[index] as number) + 1
  }
  return counts.map((count) => count / weeks)
}

const placedInWeek = (week: Week, at: number): number => {
  const wall = wallTimeOf(at, week.timeZone)
  const halfHour = Math.floor(wall.minutes / 30) * 30
  return instantOf(addDays(week.monday, weekdayIndex(wall.date)), halfHour, week.timeZone)
}
