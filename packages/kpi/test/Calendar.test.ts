import { decodeInput, type InputError } from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  businessMillis,
  CalendarFile,
  CalendarVersion,
  encodeCalendar,
  sortVersions,
  versionAt,
} from "../src/Calendar.js"

const calendar = Schema.decodeUnknownSync(CalendarVersion)
const calendarFile = Schema.decodeUnknownSync(CalendarFile)

const at = (iso: string) => Date.parse(iso)
const minutes = (n: number) => n * 60_000
const hours = (n: number) => n * 3_600_000

/** The open hours of `version` between two instants written in RFC 3339. */
const open = (version: CalendarVersion, from: string, to: string) => businessMillis(version, at(from), at(to))

/** The problem reported for `input`, decoded as a GraphQL argument named `calendar`. */
const problem = (schema: Schema.Schema<any, any>, input: unknown): InputError => {
  const result = Effect.runSync(Effect.either(decodeInput(schema, ["calendar"])(input)))
  if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
  return result.left
}

const nineToFive = [["09:00", "17:00"]]
const weekdaysNineToFive = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }

// Offsets used below, from the time zone database:
// Europe/Athens is +02:00 in winter and +03:00 in summer. On Sunday 2026-03-29 the clocks go
// from 03:00 to 04:00 (at 01:00Z); on Sunday 2026-10-25 from 04:00 back to 03:00 (at 01:00Z).
// America/New_York is -05:00 in winter and -04:00 in summer. On Sunday 2026-03-08 the clocks
// go from 02:00 to 03:00 (at 07:00Z); on Sunday 2026-11-01 from 02:00 back to 01:00 (at 06:00Z).

describe("businessMillis", () => {
  const athensSundays = (sun: ReadonlyArray<ReadonlyArray<string>>) =>
    calendar({ timeZone: "Europe/Athens", weekly: { sun } })
  const newYorkSundays = (sun: ReadonlyArray<ReadonlyArray<string>>) =>
    calendar({ timeZone: "America/New_York", weekly: { sun } })

  // The whole local Sunday and more on each side: only Sunday is open.
  const springSunday = (version: CalendarVersion) => open(version, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")
  const autumnSunday = (version: CalendarVersion) => open(version, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")

  it("counts office hours across a weekend, here one where New York springs forward", () => {
    const office = calendar({ timeZone: "America/New_York", weekly: weekdaysNineToFive })
    // Friday 15:00 EST to Monday 10:00 EDT: 15:00-17:00 on Friday and 09:00-10:00 on Monday.
    expect(open(office, "2026-03-06T20:00:00Z", "2026-03-09T14:00:00Z")).toBe(hours(3))
    // Two whole weeks, Monday 00:00 EST to Monday 00:00 EDT: ten days of eight hours.
    expect(open(office, "2026-03-02T05:00:00Z", "2026-03-16T04:00:00Z")).toBe(hours(80))
  })

  it("is exact to the millisecond at the edges of open hours", () => {
    const office = calendar({ timeZone: "America/New_York", weekly: weekdaysNineToFive })
    // Monday 2026-03-09 (EDT) is open from 13:00Z to 21:00Z.
    expect(open(office, "2026-03-09T12:59:59.999Z", "2026-03-09T13:00:00.001Z")).toBe(1)
    expect(open(office, "2026-03-09T20:59:59.999Z", "2026-03-09T21:00:00.500Z")).toBe(1)
    expect(open(office, "2026-03-09T21:00:00.000Z", "2026-03-10T12:59:59.999Z")).toBe(0)
  })

  it("answers 0 for an empty or reversed range", () => {
    const always = calendar({ timeZone: "UTC", weekly: { mon: [["00:00", "24:00"]] } })
    // Monday 2026-06-01.
    expect(open(always, "2026-06-01T10:00:00Z", "2026-06-01T10:00:00Z")).toBe(0)
    expect(open(always, "2026-06-01T11:00:00Z", "2026-06-01T10:00:00Z")).toBe(0)
    expect(open(always, "2026-06-01T10:00:00Z", "2026-06-01T10:00:00.001Z")).toBe(1)
  })

  it("counts only the hours that pass when an interval spans the skipped hour", () => {
    // 02:00 (+02:00) is 00:00Z; 05:00 (+03:00) is 02:00Z.
    const version = athensSundays([["02:00", "05:00"]])
    expect(springSunday(version)).toBe(hours(2))
    expect(open(version, "2026-03-29T01:30:00Z", "2026-03-29T05:00:00Z")).toBe(minutes(30))
    expect(open(version, "2026-03-29T01:59:59.999Z", "2026-03-29T03:00:00Z")).toBe(1)
  })

  it("reads wall times in the skipped hour with the offset before the change", () => {
    // 03:15 and 03:45 do not exist; read at +02:00 they are 01:15Z and 01:45Z (04:15 and 04:45 EEST).
    const inGap = athensSundays([["03:15", "03:45"]])
    expect(springSunday(inGap)).toBe(minutes(30))
    expect(open(inGap, "2026-03-29T01:00:00Z", "2026-03-29T01:20:00Z")).toBe(minutes(5))
    // 03:00 read at +02:00 is 01:00Z, and so is 04:00 at +03:00: the interval is empty.
    expect(springSunday(athensSundays([["03:00", "04:00"]]))).toBe(0)

    // New York: 02:15 and 02:45 read at -05:00 are 07:15Z and 07:45Z.
    expect(open(newYorkSundays([["02:15", "02:45"]]), "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z")).toBe(minutes(30))
    // 02:30 read at -05:00 is 07:30Z, and so is 03:30 at -04:00: empty.
    expect(open(newYorkSundays([["02:30", "03:30"]]), "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z")).toBe(0)
    // 01:00 (-05:00) is 06:00Z; 04:00 (-04:00) is 08:00Z.
    expect(open(newYorkSundays([["01:00", "04:00"]]), "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z")).toBe(hours(2))
  })

  it("counts once the hours where intervals meet after the skipped hour", () => {
    // 03:00-03:50 reads as 01:00Z-01:50Z and 04:10-06:00 as 01:10Z-03:00Z: together 01:00Z-03:00Z,
    // two hours, not the 50 + 110 minutes of the two intervals apart.
    const version = athensSundays([
      ["03:00", "03:50"],
      ["04:10", "06:00"],
    ])
    expect(springSunday(version)).toBe(hours(2))
    expect(open(version, "2026-03-29T01:10:00Z", "2026-03-29T01:50:00Z")).toBe(minutes(40))
  })

  it("takes the first occurrence of a repeated wall time", () => {
    // 02:00 (+03:00) is 23:00Z the day before; 05:00 (+02:00) is 03:00Z: four hours pass.
    expect(autumnSunday(athensSundays([["02:00", "05:00"]]))).toBe(hours(4))
    // 03:30 first occurs at +03:00, 00:30Z; 04:30 (+02:00) is 02:30Z.
    expect(autumnSunday(athensSundays([["03:30", "04:30"]]))).toBe(hours(2))
    // 03:00-03:30 is 00:00Z-00:30Z, not its second occurrence 01:00Z-01:30Z.
    const firstPass = athensSundays([["03:00", "03:30"]])
    expect(open(firstPass, "2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z")).toBe(minutes(30))
    expect(open(firstPass, "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z")).toBe(0)

    // New York: 00:30 (-04:00) is 04:30Z; 02:30 (-05:00) is 07:30Z.
    const newYork = (sun: ReadonlyArray<ReadonlyArray<string>>) =>
      open(newYorkSundays(sun), "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z")
    expect(newYork([["00:30", "02:30"]])).toBe(hours(3))
    // 01:30-01:45 first occurs at -04:00, 05:30Z-05:45Z.
    const earlyPass = newYorkSundays([["01:30", "01:45"]])
    expect(open(earlyPass, "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z")).toBe(minutes(15))
    expect(open(earlyPass, "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z")).toBe(0)
  })

  it("reads 24:00 as midnight of the next date", () => {
    // Saturday 2026-10-24 20:00 (+03:00) is 17:00Z; Sunday 00:00 (+03:00) is 21:00Z; Sunday
    // 00:00-01:00 follows on, 21:00Z-22:00Z.
    const lateNights = calendar({
      timeZone: "Europe/Athens",
      weekly: { sat: [["20:00", "24:00"]], sun: [["00:00", "01:00"]] },
    })
    expect(open(lateNights, "2026-10-24T16:00:00Z", "2026-10-24T23:00:00Z")).toBe(hours(5))
    expect(open(lateNights, "2026-10-24T20:30:00Z", "2026-10-24T21:30:00Z")).toBe(hours(1))
    // Saturday 2026-03-28 22:00 (+02:00) is 20:00Z; the Sunday starts at +02:00 too, 22:00Z.
    const beforeSpring = calendar({ timeZone: "Europe/Athens", weekly: { sat: [["22:00", "24:00"]] } })
    expect(open(beforeSpring, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toBe(hours(2))
  })

  it("closes the whole local date of a holiday", () => {
    const weekly = weekdaysNineToFive
    // Christmas 2026 is a Friday. The week from Monday 2026-12-21 00:00 (+02:00) to the next Monday.
    const week = (version: CalendarVersion) => open(version, "2026-12-20T22:00:00Z", "2026-12-27T22:00:00Z")
    expect(week(calendar({ timeZone: "Europe/Athens", weekly }))).toBe(hours(40))
    expect(week(calendar({ timeZone: "Europe/Athens", weekly, holidays: ["2026-12-25"] }))).toBe(hours(32))
    // A holiday on a day that is closed anyway changes nothing.
    expect(week(calendar({ timeZone: "Europe/Athens", weekly, holidays: ["2026-12-26"] }))).toBe(hours(40))
  })

  it("adds up several intervals of a day", () => {
    // Monday 2026-06-01 in Athens (+03:00): 06:00Z-10:00Z and 11:00Z-15:00Z.
    const split = calendar({
      timeZone: "Europe/Athens",
      weekly: {
        mon: [
          ["14:00", "18:00"],
          ["09:00", "13:00"],
        ],
      },
    })
    expect(open(split, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z")).toBe(hours(8))
    // 12:00-15:00 local: 12:00-13:00 and 14:00-15:00.
    expect(open(split, "2026-06-01T09:00:00Z", "2026-06-01T12:00:00Z")).toBe(hours(2))
    expect(open(split, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z")).toBe(0)
  })

  it("counts a range that starts and ends outside open hours across a week of nights", () => {
    // 22:00-24:00 and 00:00-06:00 every night in New York (EDT, -04:00): eight hours a night.
    const nights = calendar({
      timeZone: "America/New_York",
      weekly: Object.fromEntries(
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [
          day,
          [
            ["00:00", "06:00"],
            ["22:00", "24:00"],
          ],
        ]),
      ),
    })
    // Monday 2026-06-01 12:00 EDT to Monday 2026-06-08 12:00 EDT: seven nights.
    expect(open(nights, "2026-06-01T16:00:00Z", "2026-06-08T16:00:00Z")).toBe(hours(56))
  })

  it("answers the same when asked again", () => {
    const version = athensSundays([["02:00", "05:00"]])
    expect(springSunday(version)).toBe(hours(2))
    expect(springSunday(version)).toBe(hours(2))
  })
})

describe("versions of a calendar", () => {
  const athens = { timeZone: "Europe/Athens", weekly: { mon: nineToFive } }
  const april = at("2026-04-01T00:00:00Z")
  const july = at("2026-07-01T00:00:00Z")

  it("reads one version, or a list sorted by the instant each comes into force, the undated first", () => {
    expect(calendarFile(athens)).toEqual([calendar(athens)])
    const versions = calendarFile([
      { ...athens, effectiveFrom: "2026-07-01T03:00:00+03:00" },
      athens,
      { ...athens, effectiveFrom: "2026-04-01T00:00:00Z" },
    ])
    expect(versions.map((v) => v.effectiveFrom)).toEqual([null, april, july])
  })

  it("finds the version in force at an instant", () => {
    const versions = calendarFile([
      { ...athens, timeZone: "UTC" },
      { ...athens, effectiveFrom: "2026-04-01T00:00:00Z" },
      { ...athens, effectiveFrom: "2026-07-01T00:00:00Z" },
    ])
    expect(versionAt(versions, at("2020-01-01T00:00:00Z"))?.timeZone).toBe("UTC")
    expect(versionAt(versions, april - 1)?.effectiveFrom).toBe(null)
    expect(versionAt(versions, april)?.effectiveFrom).toBe(april)
    expect(versionAt(versions, july - 1)?.effectiveFrom).toBe(april)
    expect(versionAt(versions, july)?.effectiveFrom).toBe(july)
    expect(versionAt([...versions].reverse(), july + 1)?.effectiveFrom).toBe(july)
  })

  it("has no version in force before the first dated one when none is undated", () => {
    const versions = calendarFile([{ ...athens, effectiveFrom: "2026-04-01T00:00:00Z" }])
    expect(versionAt(versions, april - 1)).toBeUndefined()
    expect(versionAt(versions, april)).toBe(versions[0])
    expect(versionAt([], april)).toBeUndefined()
  })

  it("sorts versions in the order they come into force", () => {
    const [undated, dated] = [calendar(athens), calendar({ ...athens, effectiveFrom: "2026-04-01T00:00:00Z" })]
    expect(sortVersions([dated, undated])).toEqual([undated, dated])
  })

  it("writes versions back to the file form, leaving out closed days and what is not set", () => {
    const versions = calendarFile([
      { ...athens, holidays: ["2026-12-25"], effectiveFrom: "2026-04-01T03:00:00+03:00" },
      { timeZone: "UTC", weekly: { sat: [["10:00", "24:00"]] } },
    ])
    const file = [
      { timeZone: "UTC", weekly: { sat: [["10:00", "24:00"]] } },
      {
        timeZone: "Europe/Athens",
        weekly: { mon: [["09:00", "17:00"]] },
        holidays: ["2026-12-25"],
        effectiveFrom: "2026-04-01T00:00:00.000Z",
      },
    ]
    expect(encodeCalendar(versions)).toEqual(file)
    expect(Schema.encodeSync(CalendarFile)(versions)).toEqual(file)
    expect(calendarFile(file)).toEqual(versions)
  })

  it("decodes absent days and holidays as closed and none, and a null effectiveFrom as undated", () => {
    expect(calendar({ timeZone: "UTC", weekly: {}, effectiveFrom: null })).toEqual({
      timeZone: "UTC",
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: [],
      effectiveFrom: null,
    })
  })
})

describe("decoding a calendar", () => {
  const version = (weekly: unknown, more: Record<string, unknown> = {}) => ({
    timeZone: "Europe/Athens",
    weekly,
    ...more,
  })

  it("refuses intervals of a day that overlap, naming both at the later one", () => {
    const error = problem(
      CalendarVersion,
      version({
        mon: [
          ["09:00", "13:00"],
          ["12:00", "18:00"],
        ],
      }),
    )
    expect(error.path).toEqual(["calendar", "weekly", "mon", "1"])
    expect(error.message).toBe(
      "calendar.weekly.mon.1: expected intervals that do not overlap, but 09:00-13:00 overlaps 12:00-18:00",
    )
    const reversed = problem(
      CalendarVersion,
      version({
        tue: [
          ["12:00", "18:00"],
          ["09:00", "13:00"],
        ],
      }),
    )
    expect(reversed.message).toBe(
      "calendar.weekly.tue.0: expected intervals that do not overlap, but 09:00-13:00 overlaps 12:00-18:00",
    )
  })

  it("lets intervals meet end to start", () => {
    expect(
      calendar(
        version({
          mon: [
            ["09:00", "13:00"],
            ["13:00", "18:00"],
          ],
        }),
      ).weekly.mon,
    ).toHaveLength(2)
  })

  it("refuses an interval that does not start before it ends", () => {
    expect(problem(CalendarVersion, version({ tue: [["18:00", "09:00"]] })).message).toBe(
      "calendar.weekly.tue.0: expected start 18:00 before end 09:00",
    )
    expect(problem(CalendarVersion, version({ wed: [["24:00", "24:00"]] })).message).toBe(
      "calendar.weekly.wed.0: expected start 24:00 before end 24:00",
    )
  })

  it("refuses times that are not HH:MM from 00:00 to 24:00, and intervals that are not pairs", () => {
    const error = problem(CalendarVersion, version({ mon: [["9:00", "17:00"]], thu: [["09:00", "24:01"]] }))
    expect(error.path).toEqual(["calendar", "weekly", "mon", "0", "0"])
    expect(error.message).toBe(
      [
        'calendar.weekly.mon.0.0: expected a time as HH:MM between 00:00 and 24:00, got "9:00"',
        'calendar.weekly.thu.0.1: expected a time as HH:MM between 00:00 and 24:00, got "24:01"',
      ].join("\n"),
    )
    expect(problem(CalendarVersion, version({ fri: ["09:00-17:00"] })).message).toBe(
      'calendar.weekly.fri.0: expected an interval of local times such as ["09:00", "17:00"]',
    )
  })

  it("refuses a day that is not a weekday", () => {
    expect(problem(CalendarVersion, version({ Mon: nineToFive })).message).toBe(
      "calendar.weekly.Mon: expected a weekday: mon, tue, wed, thu, fri, sat, sun",
    )
  })

  it("refuses an unknown time zone, a bad holiday and a bad effectiveFrom", () => {
    const error = problem(CalendarVersion, {
      timeZone: "Europe/Atlantis",
      weekly: {},
      holidays: ["2026-02-30"],
      effectiveFrom: "2026-04-01",
    })
    expect(error.path).toEqual(["calendar", "timeZone"])
    expect(error.message).toBe(
      [
        'calendar.timeZone: unknown time zone "Europe/Atlantis" (expected an IANA name such as "Europe/Athens")',
        'calendar.holidays.0: expected a date as YYYY-MM-DD, got "2026-02-30"',
        'calendar.effectiveFrom: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "2026-04-01"',
      ].join("\n"),
    )
  })

  it("refuses two versions in force from the same instant, however it is written", () => {
    const error = problem(CalendarFile, [
      version({}, { effectiveFrom: "2026-04-01T00:00:00Z" }),
      version({}),
      version({}, { effectiveFrom: "2026-04-01T03:00:00+03:00" }),
    ])
    expect(error.path).toEqual(["calendar", "2", "effectiveFrom"])
    expect(error.message).toBe(
      "calendar.2.effectiveFrom: expected versions in force from different instants, but version 0 is also in force from 2026-04-01T00:00:00.000Z",
    )
  })

  it("refuses two undated versions", () => {
    expect(problem(CalendarFile, [version({}), version({}, { effectiveFrom: null })]).message).toBe(
      "calendar.1.effectiveFrom: expected one version at most without effectiveFrom, but version 0 has none either",
    )
  })

  it("names the version at fault in a list, and the field alone in a single version", () => {
    expect(
      problem(CalendarFile, [
        version({}),
        version({ sun: [["10:00", "09:00"]] }, { effectiveFrom: "2026-04-01T00:00:00Z" }),
      ]).message,
    ).toBe("calendar.1.weekly.sun.0: expected start 10:00 before end 09:00")
    expect(problem(CalendarFile, version({ sun: [["10:00", "09:00"]] })).message).toBe(
      "calendar.weekly.sun.0: expected start 10:00 before end 09:00",
    )
  })

  it("refuses an empty list and what is neither a version nor a list", () => {
    expect(problem(CalendarFile, []).message).toBe("calendar: expected at least one calendar version")
    expect(problem(CalendarFile, "Europe/Athens").message).toBe(
      "calendar: expected a calendar version or a non-empty list of versions",
    )
  })
})
