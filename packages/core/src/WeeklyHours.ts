import { Schema } from "effect"
import { LocalTime, minutesOf } from "./Time.js"

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const
export type Weekday = (typeof weekdays)[number]

/** A span of local wall time within one day, `start` before `end` (`24:00` allowed as an end). */
export const TimeRange = Schema.Struct({ start: LocalTime, end: LocalTime }).pipe(
  Schema.filter((r) => minutesOf(r.start) < minutesOf(r.end) || `expected start ${r.start} before end ${r.end}`),
)
export type TimeRange = typeof TimeRange.Type

const DayRanges = Schema.Array(TimeRange).pipe(
  Schema.filter((ranges) => {
    const sorted = [...ranges].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
    for (let i = 1; i < sorted.length; i++) {
      const [prev, next] = [sorted[i - 1], sorted[i]]
      if (prev && next && minutesOf(next.start) < minutesOf(prev.end)) {
        return `expected ranges that do not overlap, but ${prev.start}-${prev.end} overlaps ${next.start}-${next.end}`
      }
    }
    return true
  }),
)

/**
 * Weekly hours: for each weekday, the local wall-time ranges that count (working hours of a
 * person, open hours of a team). A day that is absent or empty has none.
 */
export const WeeklyHours = Schema.Struct({
  mon: Schema.optionalWith(DayRanges, { default: () => [] }),
  tue: Schema.optionalWith(DayRanges, { default: () => [] }),
  wed: Schema.optionalWith(DayRanges, { default: () => [] }),
  thu: Schema.optionalWith(DayRanges, { default: () => [] }),
  fri: Schema.optionalWith(DayRanges, { default: () => [] }),
  sat: Schema.optionalWith(DayRanges, { default: () => [] }),
  sun: Schema.optionalWith(DayRanges, { default: () => [] }),
})
export type WeeklyHours = typeof WeeklyHours.Type

const nineToFive = [{ start: "09:00", end: "17:00" }]

/** Monday to Friday, 09:00 to 17:00. */
export const officeHours: WeeklyHours = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
}

/** Total minutes per week. */
export const weeklyMinutes = (hours: WeeklyHours): number =>
  weekdays.reduce((sum, day) => sum + hours[day].reduce((s, r) => s + minutesOf(r.end) - minutesOf(r.start), 0), 0)
