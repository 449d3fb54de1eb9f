import { DateTime, Option, ParseResult, Schema } from "effect"

/**
 * An IANA time zone name such as `Europe/Athens`, checked against the runtime's
 * time zone database.
 */
export const TimeZone = Schema.String.pipe(
  Schema.filter((s) =>
    Option.isSome(DateTime.zoneMakeNamed(s))
      ? true
      : `unknown time zone ${JSON.stringify(s)} (expected an IANA name such as "Europe/Athens")`,
  ),
)

/** The named zone of a {@link TimeZone} string already decoded. */
export const zone = (name: string): DateTime.TimeZone.Named => DateTime.zoneUnsafeMakeNamed(name)

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

const isCalendarDate = (s: string) => {
  const m = datePattern.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** A calendar date without a time or zone, `YYYY-MM-DD`. Compares correctly as a string. */
export const LocalDate = Schema.String.pipe(
  Schema.filter((s) => isCalendarDate(s) || `expected a date as YYYY-MM-DD, got ${JSON.stringify(s)}`),
)

const timePattern = /^([01]\d|2[0-4]):([0-5]\d)$/

/** Minutes since local midnight of an `HH:MM` wall time (`24:00` is 1440). */
export const minutesOf = (time: string): number => {
  const m = timePattern.exec(time)
  return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2])
}

/** A local wall time `HH:MM` from `00:00` to `24:00`. */
export const LocalTime = Schema.String.pipe(
  Schema.filter((s) => {
    const minutes = minutesOf(s)
    return (
      (minutes >= 0 && minutes <= 1440) || `expected a time as HH:MM between 00:00 and 24:00, got ${JSON.stringify(s)}`
    )
  }),
)

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i

/** The UTC milliseconds of an RFC 3339 instant with an explicit offset, NaN for any other text. */
export const instantMillisOf = (s: string): number =>
  // Date.parse rolls a day past the month's end over (2026-02-30 → 2026-03-02): refuse it.
  instantPattern.test(s) && isCalendarDate(s.slice(0, 10)) ? Date.parse(s) : Number.NaN

/**
 * An RFC 3339 instant with an explicit offset (`2026-03-29T09:00:00+03:00`), decoded to a
 * UTC instant truncated to the millisecond.
 */
export const Instant = Schema.transformOrFail(Schema.String, Schema.DateTimeUtcFromSelf, {
  strict: true,
  decode: (s, _, ast) => {
    const millis = instantMillisOf(s)
    return Number.isNaN(millis)
      ? ParseResult.fail(
          new ParseResult.Type(
            ast,
            s,
            `expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got ${JSON.stringify(s)}`,
          ),
        )
      : ParseResult.succeed(DateTime.unsafeMake(millis))
  },
  encode: (dt) => ParseResult.succeed(DateTime.formatIso(dt)),
})

/** An {@link Instant} as UTC milliseconds since the epoch, for stores and arithmetic. */
export const InstantMillis = Schema.transform(Instant, Schema.Number, {
  strict: true,
  decode: (instant) => DateTime.toEpochMillis(instant),
  encode: (millis) => DateTime.unsafeMake(millis),
})

/** The reporting periods: a local day, a week starting Monday, a calendar month. */
export const Period = Schema.Literal("day", "week", "month")
export type Period = typeof Period.Type

/** The start of the period that contains `instant`, in the wall time of `timeZone`. */
export const periodStart = (instant: DateTime.DateTime, period: Period, timeZone: DateTime.TimeZone): DateTime.Zoned =>
  DateTime.startOf(DateTime.setZone(instant, timeZone), period, { weekStartsOn: 1 })

/** The start of the period after the one starting at `start` (23, 24 or 25 hours later for a day across DST). */
export const nextPeriodStart = (start: DateTime.Zoned, period: Period): DateTime.Zoned => {
  const ahead = period === "day" ? { days: 1 } : period === "week" ? { weeks: 1 } : { months: 1 }
  return DateTime.startOf(DateTime.add(start, ahead), period, { weekStartsOn: 1 })
}

/** A period is labelled by its local start date, `YYYY-MM-DD`. */
export const periodLabel = (start: DateTime.Zoned): string => DateTime.formatIsoDate(start)

/** The periods that meet `[from, to)`, in order, each with its start and end instants. */
export const periodsBetween = (
  from: DateTime.DateTime,
  to: DateTime.DateTime,
  period: Period,
  timeZone: DateTime.TimeZone,
): Array<{ readonly label: string; readonly start: DateTime.Zoned; readonly end: DateTime.Zoned }> => {
  const out: Array<{ label: string; start: DateTime.Zoned; end: DateTime.Zoned }> = []
  const stop = DateTime.toEpochMillis(to)
  // An empty (or reversed) range meets no period.
  if (DateTime.toEpochMillis(from) >= stop) return out
  for (let start = periodStart(from, period, timeZone); DateTime.toEpochMillis(start) < stop; ) {
    const end = nextPeriodStart(start, period)
    out.push({ label: periodLabel(start), start, end })
    start = end
  }
  return out
}

/** Today's date in `timeZone`, `YYYY-MM-DD`. */
export const today = (timeZone: DateTime.TimeZone, now: DateTime.DateTime): string =>
  DateTime.formatIsoDate(DateTime.setZone(now, timeZone))

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The local date of an instant in a zone, `YYYY-MM-DD`. Reports label every value they count,
 * so this reads the date with one cached formatter instead of building zoned date-times.
 */
export const localDate = (at: number, timeZone: string): string => {
  let format = dateFormats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    dateFormats.set(timeZone, format)
  }
  return format.format(at)
}
