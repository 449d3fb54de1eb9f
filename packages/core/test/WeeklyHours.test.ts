import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { decodeInput } from "../src/Decode.js"
import { officeHours, TimeRange, WeeklyHours, weeklyMinutes } from "../src/WeeklyHours.js"

const decode = decodeInput(WeeklyHours, ["input", "hours"])

describe("WeeklyHours", () => {
  it.effect("decodes ranges per day; absent days have none", () =>
    Effect.gen(function* () {
      const hours = yield* decode({
        mon: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "17:00" },
        ],
      })
      assert.deepStrictEqual(hours.mon, [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ])
      assert.deepStrictEqual(hours.sun, [])
      assert.strictEqual(weeklyMinutes(hours), 7 * 60)
    }),
  )

  it.effect("accepts ranges that touch but do not overlap, in any order", () =>
    Effect.gen(function* () {
      const hours = yield* decode({
        tue: [
          { start: "12:00", end: "17:00" },
          { start: "08:00", end: "12:00" },
        ],
      })
      assert.strictEqual(weeklyMinutes(hours), 9 * 60)
    }),
  )

  it.effect("refuses overlapping ranges with a message naming both and the day", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        decode({
          wed: [
            { start: "13:00", end: "17:00" },
            { start: "09:00", end: "13:30" },
          ],
        }),
      )
      assert.strictEqual(error._tag, "InputError")
      assert.deepStrictEqual(error.path, ["input", "hours", "wed"])
      assert.include(
        error.message,
        "input.hours.wed: expected ranges that do not overlap, but 09:00-13:30 overlaps 13:00-17:00",
      )
    }),
  )

  it.effect("refuses a range contained in another", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        decode({
          fri: [
            { start: "09:00", end: "17:00" },
            { start: "10:00", end: "11:00" },
          ],
        }),
      )
      assert.include(error.message, "09:00-17:00 overlaps 10:00-11:00")
    }),
  )

  it.effect("refuses a range whose start is not before its end", () =>
    Effect.gen(function* () {
      const backwards = yield* Effect.flip(decode({ mon: [{ start: "17:00", end: "09:00" }] }))
      assert.deepStrictEqual(backwards.path, ["input", "hours", "mon", "0"])
      assert.include(backwards.message, "expected start 17:00 before end 09:00")
      const empty = yield* Effect.flip(decodeInput(TimeRange)({ start: "09:00", end: "09:00" }))
      assert.include(empty.message, "expected start 09:00 before end 09:00")
    }),
  )

  it.effect("accepts 24:00 as an end", () =>
    Effect.gen(function* () {
      const range = yield* decodeInput(TimeRange)({ start: "22:00", end: "24:00" })
      assert.deepStrictEqual(range, { start: "22:00", end: "24:00" })
      const hours = yield* decode({ sat: [{ start: "00:00", end: "24:00" }] })
      assert.strictEqual(weeklyMinutes(hours), 1440)
    }),
  )

  it.effect("refuses a malformed time inside a range", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(decode({ thu: [{ start: "09:00", end: "24:30" }] }))
      assert.deepStrictEqual(error.path, ["input", "hours", "thu", "0", "end"])
      assert.include(error.message, `got "24:30"`)
    }),
  )

  it("officeHours is Monday to Friday 09:00-17:00: 2400 minutes a week", () => {
    assert.strictEqual(weeklyMinutes(officeHours), 2400)
    assert.deepStrictEqual(officeHours.sat, [])
    assert.deepStrictEqual(officeHours.sun, [])
    // officeHours is itself valid WeeklyHours.
    assert.deepStrictEqual(Schema.decodeUnknownSync(WeeklyHours)(officeHours), officeHours)
  })
})
