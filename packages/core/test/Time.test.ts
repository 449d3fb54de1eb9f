import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Either, ParseResult, Schema } from "effect"
import {
  Instant,
  LocalDate,
  LocalTime,
  minutesOf,
  nextPeriodStart,
  type Period,
  periodLabel,
  periodStart,
  periodsBetween,
  TimeZone,
  today,
  zone,
} from "../src/Time.js"

const utc = (iso: string) => DateTime.unsafeMake(iso)
const iso = (dt: DateTime.DateTime) => DateTime.formatIso(dt)
const hoursBetween = (a: DateTime.DateTime, b: DateTime.DateTime) =>
  (DateTime.toEpochMillis(b) - DateTime.toEpochMillis(a)) / 3_600_000

/** The message of a failed decode, every issue formatted. */
const failure = <A, I>(schema: Schema.Schema<A, I, never>, input: unknown) =>
  Schema.decodeUnknown(schema)(input).pipe(
    Effect.flip,
    Effect.map((e) => ParseResult.TreeFormatter.formatErrorSync(e)),
  )

describe("TimeZone", () => {
  it.effect("accepts an IANA name", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* Schema.decodeUnknown(TimeZone)("Europe/Athens"), "Europe/Athens")
      assert.strictEqual(zone("Europe/Athens").id, "Europe/Athens")
    }),
  )

  it.effect("refuses an unknown name with a message naming it", () =>
    Effect.gen(function* () {
      const message = yield* failure(TimeZone, "Mars/Olympus")
      assert.include(message, `unknown time zone "Mars/Olympus"`)
    }),
  )
})

describe("LocalDate", () => {
  it("accepts calendar dates, including 29 February of a leap year", () => {
    assert.isTrue(Either.isRight(Schema.decodeUnknownEither(LocalDate)("2026-03-29")))
    assert.isTrue(Either.isRight(Schema.decodeUnknownEither(LocalDate)("2028-02-29")))
  })

  it.effect("refuses a date that is not in the calendar", () =>
    Effect.gen(function* () {
      assert.include(yield* failure(LocalDate, "2026-02-30"), `expected a date as YYYY-MM-DD, got "2026-02-30"`)
      assert.include(yield* failure(LocalDate, "2026-02-29"), `"2026-02-29"`)
      assert.include(yield* failure(LocalDate, "2026-3-1"), `"2026-3-1"`)
    }),
  )
})

describe("LocalTime", () => {
  it("accepts 00:00 to 24:00", () => {
    for (const time of ["00:00", "09:30", "23:59", "24:00"]) {
      assert.isTrue(Either.isRight(Schema.decodeUnknownEither(LocalTime)(time)), time)
    }
    assert.strictEqual(minutesOf("24:00"), 1440)
    assert.strictEqual(minutesOf("09:30"), 570)
  })

  it.effect("refuses 24:01 and malformed times", () =>
    Effect.gen(function* () {
      assert.include(
        yield* failure(LocalTime, "24:01"),
        `expected a time as HH:MM between 00:00 and 24:00, got "24:01"`,
      )
      assert.include(yield* failure(LocalTime, "25:00"), `"25:00"`)
      assert.include(yield* failure(LocalTime, "9:00"), `"9:00"`)
      assert.include(yield* failure(LocalTime, "09:60"), `"09:60"`)
    }),
  )
})

describe("Instant", () => {
  it.effect("decodes an instant with an offset to the UTC instant", () =>
    Effect.gen(function* () {
      const instant = yield* Schema.decodeUnknown(Instant)("2026-03-29T09:00:00+03:00")
      assert.strictEqual(iso(instant), "2026-03-29T06:00:00.000Z")
      assert.strictEqual(DateTime.toEpochMillis(instant), Date.UTC(2026, 2, 29, 6, 0, 0))
    }),
  )

  it.effect("truncates to the millisecond", () =>
    Effect.gen(function* () {
      const instant = yield* Schema.decodeUnknown(Instant)("2026-03-29T09:00:00.123987Z")
      assert.strictEqual(iso(instant), "2026-03-29T09:00:00.123Z")
    }),
  )

  it.effect("encodes back to an ISO instant in UTC", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* Schema.encode(Instant)(utc("2026-03-29T06:00:00Z")), "2026-03-29T06:00:00.000Z")
    }),
  )

  it.effect("refuses an instant without an offset, and one that is not a date", () =>
    Effect.gen(function* () {
      assert.include(
        yield* failure(Instant, "2026-03-29T09:00:00"),
        `expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "2026-03-29T09:00:00"`,
      )
      assert.include(yield* failure(Instant, "2026-03-29"), `got "2026-03-29"`)
      assert.include(yield* failure(Instant, "yesterday"), `got "yesterday"`)
      assert.include(yield* failure(Instant, "2026-13-01T00:00:00Z"), `got "2026-13-01T00:00:00Z"`)
      // Not rolled over to 2026-03-02.
      assert.include(yield* failure(Instant, "2026-02-30T09:00:00Z"), `got "2026-02-30T09:00:00Z"`)
    }),
  )
})

describe("periods across daylight saving time", () => {
  const athens = zone("Europe/Athens")
  const newYork = zone("America/New_York")
  const sydney = zone("Australia/Sydney")

  const period = (at: string, p: Period, tz: DateTime.TimeZone) => {
    const start = periodStart(utc(at), p, tz)
    const end = nextPeriodStart(start, p)
    return { label: periodLabel(start), start: iso(start), end: iso(end), hours: hoursBetween(start, end) }
  }

  it("Europe/Athens: the week in which summer time starts (Sunday 2026-03-29) is 167 hours", () => {
    // 2026-03-29T09:00:00+03:00, the Sunday itself.
    assert.deepStrictEqual(period("2026-03-29T06:00:00Z", "week", athens), {
      label: "2026-03-23",
      start: "2026-03-22T22:00:00.000Z", // Monday 2026-03-23 00:00 +02:00
      end: "2026-03-29T21:00:00.000Z", // Monday 2026-03-30 00:00 +03:00
      hours: 167,
    })
    // Monday 00:00 local belongs to its own week; Sunday 23:59 local to the one before.
    assert.strictEqual(period("2026-03-22T22:00:00Z", "week", athens).label, "2026-03-23")
    assert.strictEqual(period("2026-03-22T21:59:59.999Z", "week", athens).label, "2026-03-16")
    assert.strictEqual(period("2026-03-29T20:59:59.999Z", "week", athens).label, "2026-03-23")
    assert.strictEqual(period("2026-03-29T21:00:00Z", "week", athens).label, "2026-03-30")
  })

  it("Europe/Athens: the day summer time starts is 23 hours", () => {
    assert.deepStrictEqual(period("2026-03-29T06:00:00Z", "day", athens), {
      label: "2026-03-29",
      start: "2026-03-28T22:00:00.000Z",
      end: "2026-03-29T21:00:00.000Z",
      hours: 23,
    })
  })

  it("America/New_York: 2026-03-08 is 23 hours and 2026-11-01 is 25 hours", () => {
    assert.deepStrictEqual(period("2026-03-08T12:00:00Z", "day", newYork), {
      label: "2026-03-08",
      start: "2026-03-08T05:00:00.000Z", // 00:00 -05:00
      end: "2026-03-09T04:00:00.000Z", // 00:00 -04:00
      hours: 23,
    })
    assert.deepStrictEqual(period("2026-11-01T12:00:00Z", "day", newYork), {
      label: "2026-11-01",
      start: "2026-11-01T04:00:00.000Z", // 00:00 -04:00
      end: "2026-11-02T05:00:00.000Z", // 00:00 -05:00
      hours: 25,
    })
    // An ordinary day.
    assert.strictEqual(period("2026-03-10T12:00:00Z", "day", newYork).hours, 24)
  })

  it("America/New_York: days in order over the spring change", () => {
    const days = periodsBetween(utc("2026-03-07T05:00:00Z"), utc("2026-03-10T04:00:00Z"), "day", newYork)
    assert.deepStrictEqual(
      days.map((d) => [d.label, iso(d.start), hoursBetween(d.start, d.end)]),
      [
        ["2026-03-07", "2026-03-07T05:00:00.000Z", 24],
        ["2026-03-08", "2026-03-08T05:00:00.000Z", 23],
        ["2026-03-09", "2026-03-09T04:00:00.000Z", 24],
      ],
    )
  })

  it("Australia/Sydney: months are labelled by their local first day, across the April change", () => {
    // From 2026-03-15 local to 2026-05-15 local; summer time (+11:00) ends on Sunday 2026-04-05.
    const months = periodsBetween(utc("2026-03-14T13:00:00Z"), utc("2026-05-14T14:00:00Z"), "month", sydney)
    assert.deepStrictEqual(
      months.map((m) => ({ label: m.label, start: iso(m.start), end: iso(m.end) })),
      [
        { label: "2026-03-01", start: "2026-02-28T13:00:00.000Z", end: "2026-03-31T13:00:00.000Z" },
        { label: "2026-04-01", start: "2026-03-31T13:00:00.000Z", end: "2026-04-30T14:00:00.000Z" },
        { label: "2026-05-01", start: "2026-04-30T14:00:00.000Z", end: "2026-05-31T14:00:00.000Z" },
      ],
    )
    // April 2026 in Sydney: 30 days and the hour given back.
    assert.strictEqual(hoursBetween(months[1]!.start, months[1]!.end), 30 * 24 + 1)
  })

  it("Australia/Sydney: the label is the local date, not the UTC date", () => {
    // 2026-03-31T14:00Z is 2026-04-01 01:00 in Sydney.
    assert.strictEqual(period("2026-03-31T14:00:00Z", "month", sydney).label, "2026-04-01")
    assert.strictEqual(period("2026-03-31T14:00:00Z", "day", sydney).label, "2026-04-01")
    assert.strictEqual(today(sydney, utc("2026-03-31T14:00:00Z")), "2026-04-01")
    assert.strictEqual(today(newYork, utc("2026-03-31T14:00:00Z")), "2026-03-31")
  })

  it("periodsBetween covers [from, to): a period starting at `to` is not included", () => {
    const weeks = periodsBetween(utc("2026-03-22T22:00:00Z"), utc("2026-04-05T21:00:00Z"), "week", athens)
    assert.deepStrictEqual(
      weeks.map((w) => [w.label, iso(w.start), iso(w.end)]),
      [
        ["2026-03-23", "2026-03-22T22:00:00.000Z", "2026-03-29T21:00:00.000Z"],
        ["2026-03-30", "2026-03-29T21:00:00.000Z", "2026-04-05T21:00:00.000Z"],
      ],
    )
    // Each period ends where the next starts.
    assert.strictEqual(iso(weeks[0]!.end), iso(weeks[1]!.start))
    // An empty range meets no period.
    assert.deepStrictEqual(periodsBetween(utc("2026-03-25T00:00:00Z"), utc("2026-03-25T00:00:00Z"), "week", athens), [])
  })
})
