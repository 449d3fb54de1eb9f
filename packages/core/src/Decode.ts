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

/** Turns a parse error into one readable {@link InputError}, every issue on its own line. */
export const toInputError = (error: ParseResult.ParseError, at: ReadonlyArray<string> = []) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const first = issues[0]
  const path = [...at, ...(first?.path ?? []).map(String)]
  const message = issues
    .map((issue) => {
      const where = [...at, ...issue.path.map(String)].join(".")
      return where === "" ? issue.message : `${where}: ${issue.message}`
    })
    .join("\n")
  return new InputError({ message, path })
}
