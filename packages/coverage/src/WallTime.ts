import { zone } from "@teamops/core"
import { DateTime } from "effect"

export const minuteMillis = 60_000
export const dayMillis = 86_400_000

/** The date `days` after `date` (YYYY-MM-DD), before for a negative count. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMillis).toISOString().slice(0, 10)

/** 0 for Monday to 6 for Sunday. */
export const weekdayIndex = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

/** The Monday of the week (Monday to Sunday) that contains `date`. */
export const mondayOf = (date: string): string => addDays(date, -weekdayIndex(date))

/**
 * The instant of a local wall time, `minutes` after the start of `date` in `timeZone` (1440 is
 * the next midnight). A wall time the clocks skip is read with the offset before the change, so
 * it lands as far after the change as it was after the skipped hour's start (02:30 on a night
 * the clocks go from 02:00 to 03:00 is 03:30); a wall time that happens twice is its first.
 */
export const instantOf = (date: string, minutes: number, timeZone: string): number => {
  const key = `${date} ${minutes} ${timeZone}`
  let instant = instants.get(key)
  if (instant === undefined) {
    if (instants.size >= 10_000) instants.clear()
    instant = zonedInstant(date, minutes, timeZone)
    instants.set(key, instant)
  }
  return instant
}

// Teammates share zones and hours: the instants of their wall times are found once for the
// process (finding one asks the zone's offset of the time zone database), a bounded number.
const instants = new Map<string, number>()

const zonedInstant = (date: string, minutes: number, timeZone: string): number => {
  const [year, month, day] = addDays(date, Math.floor(minutes / 1440))
    .split("-")
    .map(Number) as [number, number, number]
  const rest = minutes % 1440
  return DateTime.toEpochMillis(
    DateTime.unsafeMakeZoned(
      { year, month, day, hours: Math.floor(rest / 60), minutes: rest % 60 },
      { timeZone: zone(timeZone), adjustForTimeZone: true, disambiguation: "compatible" },
    ),
  )
}

const formats = new Map<string, Intl.DateTimeFormat>()

// One formatter per zone for the process: building one costs far more than using it.
const formatOf = (timeZone: string) => {
  let format = formats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
    formats.set(timeZone, format)
  }
  return format
}

/** The local date (YYYY-MM-DD) and minutes after local midnight of an instant in `timeZone`. */
export const wallTimeOf = (at: number, timeZone: string): { readonly date: string; readonly minutes: number } => {
  const parts: Record<string, string> = {}
  for (const part of formatOf(timeZone).formatToParts(at)) parts[part.type] = part.value
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  }
}
