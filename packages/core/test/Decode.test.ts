import { assert, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { decodeInput } from "../src/Decode.js"
import { InputError } from "../src/Errors.js"
import { Email, Key, Name } from "../src/Keys.js"
import { LocalDate } from "../src/Time.js"

const CreatePerson = Schema.Struct({ email: Email, name: Name, team: Key })

describe("decodeInput", () => {
  it.effect("decodes a valid value, ignoring excess properties", () =>
    Effect.gen(function* () {
      const person = yield* decodeInput(CreatePerson, ["input"])({
        email: "  Ana@Example.COM ",
        name: " Ana ",
        team: "support-emea",
        extra: true,
      })
      assert.deepStrictEqual(person, { email: "ana@example.com", name: "Ana", team: "support-emea" })
    }),
  )

  it.effect("fails with an InputError whose path is prefixed and whose message names the field", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        decodeInput(CreatePerson, ["input"])({ email: "not-an-email", name: "Ana", team: "support" }),
      )
      assert.instanceOf(error, InputError)
      assert.strictEqual(error._tag, "InputError")
      assert.deepStrictEqual(error.path, ["input", "email"])
      assert.strictEqual(
        error.message,
        `input.email: expected an email address such as "ana@example.com", got "not-an-email"`,
      )
    }),
  )

  it.effect("reports every issue, one per line; the path is the first one's", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        decodeInput(CreatePerson, ["input"])({ email: "x", name: "  ", team: "Support_EMEA" }),
      )
      assert.deepStrictEqual(error.path, ["input", "email"])
      const lines = error.message.split("\n")
      assert.strictEqual(lines.length, 3)
      assert.match(lines[0]!, /^input\.email: expected an email address/)
      assert.strictEqual(lines[1], "input.name: expected a non-empty text")
      assert.match(lines[2]!, /^input\.team: expected a lower-kebab key such as "support-emea", got "Support_EMEA"/)
    }),
  )

  it.effect("names a missing field", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        decodeInput(CreatePerson, ["input"])({ email: "ana@example.com", team: "support" }),
      )
      assert.deepStrictEqual(error.path, ["input", "name"])
      assert.include(error.message, "input.name: is missing")
    }),
  )

  it.effect("without a prefix, the path is the schema's own; a top-level failure has an empty path", () =>
    Effect.gen(function* () {
      const nested = yield* Effect.flip(
        decodeInput(Schema.Struct({ team: Schema.Struct({ key: Key }) }))({ team: { key: "A" } }),
      )
      assert.deepStrictEqual(nested.path, ["team", "key"])
      assert.match(nested.message, /^team\.key: /)
      const top = yield* Effect.flip(decodeInput(Key)("Not A Key"))
      assert.deepStrictEqual(top.path, [])
      assert.match(top.message, /^expected a lower-kebab key/)
    }),
  )

  it.effect("array indices appear in the path", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(decodeInput(Schema.Array(Email), ["input", "emails"])(["a@b.co", "nope"]))
      assert.deepStrictEqual(error.path, ["input", "emails", "1"])
      assert.match(error.message, /^input\.emails\.1: /)
    }),
  )

  it.effect("an optional field that fails is reported once, with its own reason", () =>
    Effect.gen(function* () {
      const Input = Schema.Struct({ hireDate: Schema.optionalWith(LocalDate, { nullable: true }) })
      const error = yield* Effect.flip(decodeInput(Input, ["input"])({ hireDate: "2026-02-30" }))
      assert.deepStrictEqual(error.path, ["input", "hireDate"])
      assert.strictEqual(error.message, 'input.hireDate: expected a date as YYYY-MM-DD, got "2026-02-30"')
    }),
  )
})
