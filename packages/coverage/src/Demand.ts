import { addDays, instantOf, wallTimeOf, weekdayIndex } from "./WallTime.js"
import { halfHourMillis, type Week } from "./Week.js"

const quarterHourMillis = 15 * 60_000

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
  // Every zone's offset and every change of it fall on a quarter hour: the conversations of
  // one quarter hour have one place in the week, found once (finding it formats a date).
  const places = new Map<number, number>()
  const placeOf = (at: number) => {
    const quarter = Math.floor(at / quarterHourMillis)
    let place = places.get(quarter)
    if (place === undefined) {
      place = placedInWeek(week, at)
      places.set(quarter, place)
    }
    return place
  }
  for (const at of created) {
    const place = at >= week.start && at < week.end ? at : placeOf(at)
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
