import { Schema } from "effect"

const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/** A lower-kebab key such as `support-emea`: stable, readable, used in URLs and files. */
export const Key = Schema.String.pipe(
  Schema.filter((s) => kebab.test(s) || `expected a lower-kebab key such as "support-emea", got ${JSON.stringify(s)}`),
  Schema.maxLength(64, { message: () => "expected at most 64 characters" }),
)

export const isKey = (s: string) => kebab.test(s)

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Whether `s` is an email address as {@link Email} accepts it (surrounding spaces allowed). */
export const isEmail = (s: string) => emailShape.test(s.trim())

/** An email address, trimmed and stored in lower case so that comparisons ignore case. */
export const Email = Schema.transform(
  Schema.String.pipe(
    Schema.filter((s) => isEmail(s) || `expected an email address such as "ana@example.com", got ${JSON.stringify(s)}`),
  ),
  Schema.String,
  { strict: true, decode: (s) => s.trim().toLowerCase(), encode: (s) => s },
)

/** A non-empty, trimmed display text. */
export const Name = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "expected a non-empty text" }),
  Schema.maxLength(200, { message: () => "expected at most 200 characters" }),
)
