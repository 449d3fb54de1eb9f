import { addDays, instantOf, minuteMillis, mondayOf } from "./WallTime.js"

export const halfHourMillis = 30 * minuteMillis

/** A week of a team: from Monday 00:00 to the next Monday 00:00 in the team's zone. */
export interface Week {
  readonly timeZone: string
  /** The local date of its Monday. */
  readonly monday: string
  /** UTC milliseconds. */
  readonly start: number
  readonly end: number
}

/** The week, in `timeZone`, that contains the local date `date`. */
export const weekOf = (date: string, timeZone: string): Week => {
  const monday = mondayOf(date)
  return { timeZone, monday, start: instantOf(monday, 0, timeZone), end: instantOf(addDays(monday, 7), 0, timeZone) }
}

/** The `count` weeks ending with `week`, oldest first. */
export const weeksEndingWith = (week: Week, count: number): ReadonlyArray<Week> =>
  Array.from({ length: count }, (_, i) => weekOf(addDays(week.monday, -7 * (count - 1 - i)), week.timeZone))

/**
 * The starts of the week's half hours: 336, fewer in a week in which the zone's clocks go
 * forward (334 for an hour) and more in one in which they go back.
 */
export const halfHoursOf = (week: Week): ReadonlyArray<number> =>
  Array.from(
    { length: Math.round((week.end - week.start) / halfHourMillis) },
    (_, i) => week.start + i * halfHourMillis,
  )
