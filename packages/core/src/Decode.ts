import { Effect, ParseResult, Schema } from "effect"
import { InputError } from "./Errors.js"

/**
 * Decodes a value from outside with `schema`. A failure becomes an {@link InputError}
 * whose message names the field path and what was expected; `at` prefixes the path
 * (for a GraphQL argument: `["input"]`).
 */
export const decodeInput =
  <A, I>(schema: Schema.Schema<A, I, never>, at: ReadonlyArray<string> = []) =>
  (value: unknown): Effect.Effect<A, InputError> =>
    Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "ignore" })(value).pipe(
      Effect.mapError((error) => toInputError(error, at)),
    )

/**
 * Turns a parse error into one readable {@link InputError}: one line per field, naming its
 * path. A field that fails every member of a union (`X | null | undefined` for an optional
 * field) is reported once, with the first member's reason, and not again as a whole when a
 * reason inside it was given.
 */
export const toInputError = (error: ParseResult.ParseError, at: ReadonlyArray<string> = []) => {
  const byField = new Map<string, ReadonlyArray<string>>()
  const lines: Array<string> = []
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const path = [...at, ...issue.path.map(String)]
    const where = path.join(".")
    // An optional field whose value fails inside also fails the union's other members (null,
    // undefined) as a whole: the reason inside is the one that helps.
    if (byField.has(where) || [...byField.keys()].some((field) => field.startsWith(`${where}.`))) continue
    byField.set(where, path)
    lines.push(where === "" ? issue.message : `${where}: ${issue.message}`)
  }
  const first = byField.values().next()
  return new InputError({ message: lines.join("\n"), path: first.done ? [...at] : [...first.value] })
}

/**
 * Decodes a mutation's `input` argument with `schema` and hands it to `then`; a failure is
 * an {@link InputError} whose path starts at `input`.
 */
export const withInput = <A, I, B, E, R>(
  schema: Schema.Schema<A, I, never>,
  raw: unknown,
  then: (input: A) => Effect.Effect<B, E, R>,
): Effect.Effect<B, E | InputError, R> => Effect.flatMap(decodeInput(schema, ["input"])(raw), then)
