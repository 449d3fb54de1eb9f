import { InstantMillis, LocalDate, LocalTime, minutesOf, TimeZone, type Weekday, weekdays } from "@teamops/core"
import { type Array as Arr, Option, ParseResult, Schema } from "effect"

/**
 * One open interval of a day as written, `["09:00", "13:00"]`: local wall times, the start
 * included and the end not. `24:00` may end it.
 */
export const OpenInterval = Schema.Tuple(LocalTime, LocalTime).pipe(
  Schema.annotations({ message: () => `expected an interval of local times such as ["09:00", "17:00"]` }),
  Schema.filter(([start, end]) => minutesOf(start) < minutesOf(end) || `expected start ${start} before end ${end}`),
)
export type OpenInterval = typeof OpenInterval.Type

const byStartTime = (a: OpenInterval, b: OpenInterval) => minutesOf(a[0]) - minutesOf(b[0])

// An overlap is reported at the interval that starts later, so that the path points at one
// of the two and the message names both.
const DayIntervals = Schema.Array(OpenInterval).pipe(
  Schema.annotations({
    message: () => `expected a list of intervals such as [["09:00", "13:00"], ["14:00", "18:00"]]`,
  }),
  Schema.filter((intervals) => {
    const order = intervals.map((_, i) => i).sort((a, b) => byStartTime(intervals[a]!, intervals[b]!))
    for (let k = 1; k < order.length; k++) {
      const [prev, next] = [intervals[order[k - 1]!]!, intervals[order[k]!]!]
      if (minutesOf(next[0]) < minutesOf(prev[1])) {
        return {
          path: [order[k]!],
          message: `expected intervals that do not overlap, but ${prev[0]}-${prev[1]} overlaps ${next[0]}-${next[1]}`,
        }
      }
    }
    return true
  }),
)

// A day left out of the file is closed; a closed day is left out again when written back.
const day = Schema.optionalToRequired(DayIntervals, Schema.typeSchema(DayIntervals), {
  decode: Option.getOrElse(() => []),
  encode: (intervals) => (intervals.length === 0 ? Option.none() : Option.some(intervals)),
})

const WeeklyOpenHours = Schema.Struct({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })

// Input is decoded ignoring unknown fields, so a day written "monday" or "Mon" would pass as a
// closed Monday: name it instead.
const KnownDays = Schema.Record({ key: Schema.String, value: Schema.Unknown }).pipe(
  Schema.annotations({
    message: () => `expected the open hours of each weekday, such as { "mon": [["09:00", "17:00"]] }`,
  }),
  Schema.filter((days) =>
    Object.keys(days)
      .filter((key) => !(weekdays as ReadonlyArray<string>).includes(key))
      .map((key) => ({ path: [key], message: `expected a weekday: ${weekdays.join(", ")}` })),
  ),
)

// The check of day names changes nothing it lets through, so the written form stays the
// one of the days themselves.
const Weekly = Schema.compose(KnownDays, WeeklyOpenHours, { strict: false }) as unknown as Schema.Schema<
  typeof WeeklyOpenHours.Type,
  typeof WeeklyOpenHours.Encoded
>

/**
 * One version of a team's calendar as a file holds it:
 *
 * ```json
 * { "timeZone": "Europe/Athens",
 *   "weekly": { "mon": [["09:00", "13:00"], ["14:00", "18:00"]] },
 *   "holidays": ["2026-12-25"],
 *   "effectiveFrom": "2026-04-01T00:00:00Z" }
 * ```
 *
 * Open hours are local wall times of `timeZone` for each weekday (a day left out is closed),
 * minus the local dates of `holidays`. The version is in force from `effectiveFrom`, decoded
 * to UTC milliseconds; without it (or with `null`), from the beginning.
 */
export const CalendarVersion = Schema.Struct({
  timeZone: TimeZone,
  weekly: Weekly,
  holidays: Schema.optionalToRequired(Schema.Array(LocalDate), Schema.Array(Schema.String), {
    decode: Option.getOrElse(() => []),
    encode: (dates) => (dates.length === 0 ? Option.none() : Option.some(dates)),
  }),
  effectiveFrom: Schema.optionalToRequired(Schema.NullOr(InstantMillis), Schema.NullOr(Schema.Number), {
    decode: Option.getOrElse(() => null),
    encode: Option.fromNullable,
  }),
})
export type CalendarVersion = typeof CalendarVersion.Type
/** A version as written in a file. */
export type CalendarVersionJson = typeof CalendarVersion.Encoded

const fromOf = (version: CalendarVersion) => version.effectiveFrom ?? Number.NEGATIVE_INFINITY

/** Versions in the order they come into force, the undated one first. */
export const sortVersions = <V extends CalendarVersion>(versions: ReadonlyArray<V>): Array<V> =>
  [...versions].sort((a, b) => (fromOf(a) === fromOf(b) ? 0 : fromOf(a) < fromOf(b) ? -1 : 1))

// Two versions in force from the same instant would leave the calendar of that time undecided.
const VersionList = Schema.NonEmptyArray(CalendarVersion).pipe(
  Schema.filter((versions) => {
    const seen = new Map<number | null, number>()
    return versions.map((version, i) => {
      const other = seen.get(version.effectiveFrom)
      if (other === undefined) {
        seen.set(version.effectiveFrom, i)
        return undefined
      }
      const message =
        version.effectiveFrom === null
          ? `expected one version at most without effectiveFrom, but version ${other} has none either`
          : `expected versions in force from different instants, but version ${other} is also in force from ${new Date(version.effectiveFrom).toISOString()}`
      return { path: [i, "effectiveFrom"], message }
    })
  }),
)

const decodeVersion = ParseResult.decodeUnknown(CalendarVersion)
const decodeList = ParseResult.decodeUnknown(VersionList)

const sorted = (versions: Arr.NonEmptyReadonlyArray<CalendarVersion>) =>
  sortVersions(versions) as unknown as Arr.NonEmptyReadonlyArray<CalendarVersion>

/**
 * A calendar file: one version, or a non-empty list of versions in force from different
 * instants. Decodes to the list in the order the versions come into force (the undated one
 * first); encodes to a list.
 */
export const CalendarFile = Schema.transformOrFail(Schema.Unknown, Schema.typeSchema(VersionList), {
  strict: true,
  // A union of the two forms would report a mistake twice, as "not a list" and as "not a
  // version": whether the file is a list tells its form, and only that form is decoded.
  decode: (file, options, ast) =>
    Array.isArray(file)
      ? file.length === 0
        ? ParseResult.fail(new ParseResult.Type(ast, file, "expected at least one calendar version"))
        : ParseResult.map(decodeList(file, options), sorted)
      : typeof file === "object" && file !== null
        ? ParseResult.map(decodeVersion(file, options), (version) => [version] as const)
        : ParseResult.fail(
            new ParseResult.Type(ast, file, "expected a calendar version or a non-empty list of versions"),
          ),
  encode: (versions, options) => ParseResult.encodeUnknown(VersionList)(versions, options),
  // The file is read as unknown input, but it is written as a list of versions.
}) as unknown as Schema.Schema<
  Arr.NonEmptyReadonlyArray<CalendarVersion>,
  CalendarVersionJson | Arr.NonEmptyReadonlyArray<CalendarVersionJson>
>

/** The file form of a list of versions, as {@link CalendarFile} reads it back. */
export const encodeCalendar: (versions: ReadonlyArray<CalendarVersion>) => ReadonlyArray<CalendarVersionJson> =
  Schema.encodeSync(Schema.Array(CalendarVersion))

/**
 * The version in force at `atMillis`: the one with the latest `effectiveFrom` not after it,
 * an undated version counting as in force from the beginning. `undefined` before the first
 * version. The versions may come in any order.
 */
export const versionAt = <V extends CalendarVersion>(versions: ReadonlyArray<V>, atMillis: number): V | undefined => {
  let found: V | undefined
  for (const version of versions) {
    if (fromOf(version) <= atMillis && (found === undefined || fromOf(version) > fromOf(found))) found = version
  }
  return found
}

const minuteMillis = 60_000
const dayMillis = 86_400_000
const readingReach = 36 * 3_600_000

const formats = new Map<string, Intl.DateTimeFormat>()

// Building a formatter costs far more than using one: one per zone for the process.
const formatOf = (timeZone: string) => {
  let format = formats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
    formats.set(timeZone, format)
  }
  return format
}

/** The UTC offset in force at `instant`, in milliseconds east of UTC. */
const offsetAt = (format: Intl.DateTimeFormat, instant: number): number => {
  // The formatter shows whole seconds: compare with the instant cut to its second.
  const second = Math.floor(instant / 1000) * 1000
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of format.formatToParts(second)) {
    if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value)
  }
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - second
}

/**
 * The instant of a local wall time, given as milliseconds read as if UTC. A repeated wall
 * time is its first occurrence; one skipped by a change of offset is read with the offset
 * in force before the change, so it lands as far after the change as it was after its start.
 */
const instantOf = (format: Intl.DateTimeFormat, wall: number): number => {
  // Offsets change at most once within a day and a half: the offsets a day and a half either
  // side are the only ones the wall time can have.
  const before = offsetAt(format, wall - readingReach)
  const after = offsetAt(format, wall + readingReach)
  const byBefore = wall - before
  if (before === after) return byBefore
  const byAfter = wall - after
  const beforeHolds = offsetAt(format, byBefore) === before
  const afterHolds = offsetAt(format, byAfter) === after
  if (beforeHolds && afterHolds) return Math.min(byBefore, byAfter)
  return afterHolds ? byAfter : byBefore
}

/** Open hours of one local date as instants: sorted, disjoint `[start, end)` pairs. */
type DayHours = ReadonlyArray<readonly [number, number]>

interface Prepared {
  readonly format: Intl.DateTimeFormat
  /** Per weekday, Monday first, the intervals in minutes since local midnight. */
  readonly weekly: ReadonlyArray<ReadonlyArray<readonly [number, number]>>
  /** Holidays as day numbers (days since 1970-01-01). */
  readonly holidays: ReadonlySet<number>
  /** The open hours of each day number asked for so far. */
  readonly days: Map<number, DayHours>
}

const prepared = new WeakMap<CalendarVersion, Prepared>()

const prepare = (version: CalendarVersion): Prepared => {
  let found = prepared.get(version)
  if (found === undefined) {
    found = {
      format: formatOf(version.timeZone),
      weekly: weekdays.map((weekday: Weekday) =>
        version.weekly[weekday].map(([start, end]) => [minutesOf(start), minutesOf(end)] as const),
      ),
      holidays: new Set(version.holidays.map((date) => Date.parse(`${date}T00:00:00Z`) / dayMillis)),
      days: new Map(),
    }
    prepared.set(version, found)
  }
  return found
}

const closed: DayHours = []

// Day 0, 1970-01-01, was a Thursday.
const weekdayIndex = (dayNumber: number) => (((dayNumber + 3) % 7) + 7) % 7

/** The union of intervals: the images of wall times after a skipped hour may overlap. */
const union = (intervals: Array<readonly [number, number]>): DayHours => {
  const out: Array<[number, number]> = []
  for (const [start, end] of intervals.sort((a, b) => a[0] - b[0])) {
    if (end <= start) continue
    const last = out[out.length - 1]
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else out.push([start, end])
  }
  return out
}

const hoursOf = (calendar: Prepared, dayNumber: number): DayHours => {
  const intervals = calendar.weekly[weekdayIndex(dayNumber)]!
  if (intervals.length === 0) return closed
  let hours = calendar.days.get(dayNumber)
  if (hours === undefined) {
    const midnight = dayNumber * dayMillis
    const read = (minutes: number) => instantOf(calendar.format, midnight + minutes * minuteMillis)
    hours = calendar.holidays.has(dayNumber)
      ? closed
      : union(intervals.map(([start, end]) => [read(start), read(end)] as const))
    calendar.days.set(dayNumber, hours)
  }
  return hours
}

/**
 * How many milliseconds of `[startMillis, endMillis)` fall in the open hours of `version`;
 * 0 when the range is empty or reversed.
 *
 * Each interval of each local date is read as instants in the version's zone: a wall time
 * skipped by a change of offset is read with the offset before the change, a repeated one is
 * its first occurrence, and `24:00` is `00:00` of the next date read the same way. An interval
 * whose end does not come after its start is empty, and the open hours are the union of the
 * rest. Holidays close their whole local date.
 */
export const businessMillis = (version: CalendarVersion, startMillis: number, endMillis: number): number => {
  if (!(endMillis > startMillis)) return 0
  const calendar = prepare(version)
  // No offset reaches a whole day, so the hours of a local date lie within a day either side
  // of that date read as UTC: the dates from the one before the range to the one after it
  // are all that can meet it.
  const first = Math.floor(startMillis / dayMillis) - 1
  const last = Math.ceil(endMillis / dayMillis)
  const met: Array<readonly [number, number]> = []
  let inOrder = true
  for (let dayNumber = first; dayNumber <= last; dayNumber++) {
    for (const interval of hoursOf(calendar, dayNumber)) {
      if (interval[1] <= startMillis || interval[0] >= endMillis) continue
      const previous = met[met.length - 1]
      if (previous !== undefined && interval[0] < previous[0]) inOrder = false
      met.push(interval)
    }
  }
  // The dates' hours come in order unless a skipped hour straddles midnight.
  if (!inOrder) met.sort((a, b) => a[0] - b[0])
  let total = 0
  let covered = startMillis
  for (const [start, end] of met) {
    const to = Math.min(end, endMillis)
    if (to > Math.max(start, covered)) total += to - Math.max(start, covered)
    if (end > covered) covered = end
  }
  return total
}
