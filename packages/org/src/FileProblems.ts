import { InputError } from "@teamops/core"
import { Either, ParseResult, Schema } from "effect"

// Files that people write (an organisation, a history of promotions) are decoded as a whole:
// every problem is reported at once, each at its place in the file (`people[3].managerEmail`).
// These helpers are shared by the files of every plugin.

/** A place in a file: `["teams", 2, "parentKey"]`. */
export type FilePath = ReadonlyArray<string | number>

/** One problem of a file, at the field it is about. */
export interface FileProblem {
  readonly path: FilePath
  readonly message: string
}

/** `["teams", 2, "parentKey"]` -> `teams[2].parentKey` */
export const pathText = (path: FilePath) =>
  path.reduce<string>((text, s) => (typeof s === "number" ? `${text}[${s}]` : text === "" ? s : `${text}.${s}`), "")

/**
 * The error listing every problem, one line each, starting with its path; the error's
 * `path` is the first problem's.
 */
export const fileError = (problems: ReadonlyArray<FileProblem>) =>
  new InputError({
    path: (problems[0]?.path ?? []).map(String),
    message: problems.map((p) => (p.path.length === 0 ? p.message : `${pathText(p.path)}: ${p.message}`)).join("\n"),
  })

// What a value of the wrong kind is, in a few words: the whole value could be a long list.
const kindOf = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "a list"
      : typeof value === "object"
        ? "an object"
        : (JSON.stringify(value) ?? typeof value)

const expected = (what: string) => ({
  message: (issue: ParseResult.ParseIssue) => `expected ${what}, got ${kindOf(issue.actual)}`,
})

/**
 * A struct that first checks for an object: a struct alone calls a value that is no object
 * "Struct (Encoded side)", where this names what was expected in the file's own words.
 */
export const objectOf = <A, I>(what: string, struct: Schema.Schema<A, I>) =>
  Schema.compose(Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations(expected(what)), struct, {
    strict: false,
  })

/** An optional list of a file (empty when left out). */
export const listOf = <A, I>(what: string, item: Schema.Schema<A, I>) =>
  Schema.optionalWith(Schema.Array(item).annotations(expected(what)), { default: () => [] })

/**
 * A field that may be left out (kept as it is) but not cleared: `null` is refused with a
 * message that says so, rather than "expected string".
 */
export const notNull = <A, I>(schema: Schema.Schema<A, I>) =>
  Schema.optional(
    Schema.compose(
      Schema.Unknown.pipe(
        Schema.filter((value) => value !== null || "cannot be cleared: leave the field out to keep it as it is"),
      ),
      schema,
      { strict: false },
    ),
  )

// One problem per field. A field that fails every member of a union (`X | null | undefined`
// for an optional field) is reported once, with the first member's reason; a field whose
// parts have problems of their own is left out, as the parts say more.
const problemsOf = (error: ParseResult.ParseError): Array<FileProblem> => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: issue.path.map((s) => (typeof s === "number" ? s : String(s))),
    message: issue.message,
  }))
  const isInside = (inner: FilePath, outer: FilePath) =>
    inner.length > outer.length && outer.every((s, i) => inner[i] === s)
  const seen = new Set<string>()
  return issues.filter(({ path }) => {
    const where = pathText(path)
    if (seen.has(where) || issues.some((other) => isInside(other.path, path))) return false
    seen.add(where)
    return true
  })
}

/**
 * Decodes a parsed file with every problem and its path. A field the format does not know is
 * refused rather than ignored: a misspelt field would otherwise change nothing without a word.
 */
export const decodeFile = <A, I>(schema: Schema.Schema<A, I>, value: unknown): Either.Either<A, Array<FileProblem>> =>
  Either.mapLeft(Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value), problemsOf)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The records of the list `list` of a file that did not decode as a whole, each decoded
 * without the fields that have problems, so that what can be checked further (the references
 * of a record whose time zone is wrong) is checked in the same run. A record that cannot be
 * read even so (not an object, or a field it needs is wrong) is undefined.
 */
export const partialRecords = <A, I>(
  file: unknown,
  list: string,
  problems: ReadonlyArray<FileProblem>,
  record: Schema.Schema<A, I>,
): Array<A | undefined> => {
  const items = isObject(file) ? file[list] : undefined
  if (!Array.isArray(items)) return []
  const decode = Schema.decodeUnknownOption(record, { onExcessProperty: "ignore" })
  return items.map((item, i) => {
    if (!isObject(item)) return undefined
    const wrong = new Set(problems.flatMap((p) => (p.path[0] === list && p.path[1] === i ? [p.path[2]] : [])))
    if (wrong.has(undefined)) return undefined
    const kept = Object.fromEntries(Object.entries(item).filter(([field]) => !wrong.has(field)))
    return decode(kept).pipe((found) => (found._tag === "Some" ? found.value : undefined))
  })
}

/**
 * Orders problems as the file reads: by list (in the order of `lists`), then by position in
 * the list, then by field (in the order of that list's `fields`); problems of the whole file
 * first. Problems at the same place keep their order.
 */
export const byPlace =
  (lists: ReadonlyArray<string>, fields: Readonly<Record<string, ReadonlyArray<string>>>) =>
  (a: FileProblem, b: FileProblem) => {
    const rank = (p: FileProblem) => {
      const list = p.path.length === 0 ? -1 : lists.indexOf(String(p.path[0]))
      const index = typeof p.path[1] === "number" ? p.path[1] : -1
      const own = fields[String(p.path[0])] ?? []
      const field = p.path.length < 3 ? -1 : own.indexOf(String(p.path[2]))
      return [list, index, field === -1 && p.path.length >= 3 ? own.length : field]
    }
    const [ra, rb] = [rank(a), rank(b)]
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number)
    return 0
  }
