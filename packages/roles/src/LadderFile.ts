import { Effect, Either, ParseResult, Schema } from "effect"
import { Document, LineCounter, parseDocument } from "yaml"
import { offsetOf } from "./FilePlaces.js"
import { jsonSyntaxError } from "./JsonSyntax.js"
import { LadderDocument } from "./Ladder.js"
import { checkLadder, type LadderProblem } from "./LadderCheck.js"

/** A ladder file is written in YAML or JSON. */
export const LadderFileFormat = Schema.Literal("yaml", "json")
export type LadderFileFormat = typeof LadderFileFormat.Type

/** One problem of a ladder file, with the line and column (1-based) it was found at, when known. */
export const LadderFileProblem = Schema.Struct({
  path: Schema.String,
  line: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.Number),
  message: Schema.String,
})
export type LadderFileProblem = typeof LadderFileProblem.Type

/** `line 12, column 5: levels[2].track: unknown track "mgmt" (known: ic, management)` */
export const describeProblem = (problem: LadderFileProblem) => {
  const where = problem.line === undefined ? "" : `line ${problem.line}, column ${problem.column ?? 1}: `
  return `${where}${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`
}

/** A ladder file that does not parse, decode or check; `problems` lists every problem found. */
export class LadderFileError extends Schema.TaggedError<LadderFileError>()("LadderFileError", {
  message: Schema.String,
  problems: Schema.Array(LadderFileProblem),
}) {
  /** The error listing `problems`, one per line of its message. */
  static of(problems: ReadonlyArray<LadderFileProblem>) {
    return new LadderFileError({ message: problems.map(describeProblem).join("\n"), problems })
  }
}

/** A decoded ladder file that still knows where each path of it was written. */
export interface LadderSource {
  readonly document: LadderDocument
  /** Places problems found later (by {@link checkLadder}) in the file. */
  readonly locate: (problems: ReadonlyArray<LadderProblem>) => ReadonlyArray<LadderFileProblem>
}

/** `levels[2].track` -> `["levels", 2, "track"]` */
const segmentsOf = (path: string): Array<string | number> =>
  [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] as string)))

/** `["levels", 2, "track"]` -> `levels[2].track` */
const pathOf = (segments: ReadonlyArray<PropertyKey>) =>
  segments.reduce<string>(
    (path, s) => (typeof s === "number" ? `${path}[${s}]` : path === "" ? String(s) : `${path}.${String(s)}`),
    "",
  )

const decode = Schema.decodeUnknownEither(LadderDocument, { errors: "all", onExcessProperty: "error" })

// The shape alone (types of fields, no value rules): a file with a bad value can still be
// checked for its references, so that one reading reports every problem.
const decodeShape = Schema.decodeUnknownEither(Schema.encodedSchema(LadderDocument), { errors: "all" })

const withDefaults = (shape: typeof LadderDocument.Encoded): LadderDocument =>
  ({ scale: [], roles: [], transitions: [], competencies: [], matrix: {}, changes: [], ...shape }) as LadderDocument

// One problem per field: a field that fails every member of a union (a literal of several
// values, an optional list) is reported once, its expected values joined; a problem of a
// field whose parts have problems of their own adds nothing and is left out.
const issuesOf = (error: ParseResult.ParseError) => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const paths = issues.map((issue) => pathOf(issue.path))
  const byPath = new Map<string, { segments: Array<string | number>; messages: Array<string> }>()
  issues.forEach((issue, index) => {
    const path = paths[index] as string
    const inner = paths.some(
      (other) => other !== path && (path === "" || (other.startsWith(path) && /^[.[]/.test(other.slice(path.length)))),
    )
    if (inner) return
    const entry = byPath.get(path) ?? { segments: issue.path as Array<string | number>, messages: [] }
    entry.messages.push(issue.message)
    byPath.set(path, entry)
  })
  return [...byPath.entries()].map(([path, { segments, messages }]) => {
    const expected = messages.map((m) => /^Expected (.*), actual (.*)$/s.exec(m))
    const actual = expected[0]?.[2]
    const joined =
      messages.length > 1 && expected.every((m) => m !== null && m[2] === actual)
        ? `Expected ${expected.map((m) => m?.[1]).join(" | ")}, actual ${actual}`
        : (messages[0] as string)
    return { path, segments, message: joined }
  })
}

// The rules of a ladder checked on a file whose values do not all decode, so that one reading
// reports every problem: an unknown track beside a missing title. A file too broken for the
// rules to read (a list where a map belongs) reports its decoding problems alone.
const referenceProblems = (shape: typeof LadderDocument.Encoded): ReadonlyArray<LadderProblem> => {
  try {
    return checkLadder(withDefaults(shape))
  } catch {
    return []
  }
}

const isRecord = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Reads a ladder file: syntax, then the schema, every problem with its line and column.
 * The rules of {@link checkLadder} are left to the caller, which may know the base ladder.
 */
export const readLadderFile = (
  format: LadderFileFormat,
  content: string,
): Effect.Effect<LadderSource, LadderFileError> =>
  Effect.suspend(() => {
    const lines = new LineCounter()
    const parsed = parseDocument(content, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      ...(format === "json" ? { schema: "json" } : {}),
    })
    const at = (offset: number | undefined) => {
      if (offset === undefined) return {}
      const pos = lines.linePos(offset)
      return { line: pos.line, column: pos.col }
    }
    if (format === "json") {
      const syntax = jsonSyntaxError(content)
      if (syntax !== undefined) {
        return Effect.fail(LadderFileError.of([{ path: "", ...at(syntax.offset), message: syntax.message }]))
      }
    }
    if (parsed.errors.length > 0) {
      return Effect.fail(
        LadderFileError.of(parsed.errors.map((e) => ({ path: "", ...at(e.pos[0]), message: e.message }))),
      )
    }
    const locate = (problems: ReadonlyArray<LadderProblem>) =>
      problems.map((p) => ({ path: p.path, ...at(offsetOf(parsed.contents, segmentsOf(p.path))), message: p.message }))
    let value: unknown
    try {
      value = parsed.toJS({ maxAliasCount: 100 })
    } catch (error) {
      return Effect.fail(
        LadderFileError.of([{ path: "", message: error instanceof Error ? error.message : String(error) }]),
      )
    }
    if (!isRecord(value)) {
      const message = "expected a ladder: a map with key, name, tracks and levels"
      return Effect.fail(LadderFileError.of([{ path: "", ...at(offsetOf(parsed.contents, [])), message }]))
    }
    const decoded = decode(value)
    if (Either.isLeft(decoded)) {
      const issues = issuesOf(decoded.left).map(({ path, segments, message }) => ({
        path,
        ...at(offsetOf(parsed.contents, segments)),
        message,
      }))
      const shape = decodeShape(value)
      const references = locate(
        referenceProblems(Either.isRight(shape) ? shape.right : (value as typeof LadderDocument.Encoded)),
      ).filter((p) => !issues.some((i) => i.path === p.path))
      return Effect.fail(LadderFileError.of([...issues, ...references]))
    }
    return Effect.succeed({ document: decoded.right, locate })
  })

/** Fails with every problem of `checkLadder(source.document, base)`, placed in the file. */
export const checkLadderSource = (
  source: LadderSource,
  base?: LadderDocument,
  more: ReadonlyArray<LadderProblem> = [],
): Effect.Effect<LadderDocument, LadderFileError> => {
  const problems = [...more, ...checkLadder(source.document, base)]
  return problems.length === 0
    ? Effect.succeed(source.document)
    : Effect.fail(LadderFileError.of(source.locate(problems)))
}

/**
 * Parses a ladder file and checks it on its own (a ladder that extends another is checked
 * without its base: see {@link checkLadder}). Every problem comes with its line and column.
 */
export const parseLadderFile = (
  format: LadderFileFormat,
  content: string,
): Effect.Effect<LadderDocument, LadderFileError> =>
  Effect.flatMap(readLadderFile(format, content), (source) => checkLadderSource(source))

// Lists and maps the schema fills in when left out are left out, so files stay short.
const prune = (encoded: typeof LadderDocument.Encoded) => {
  const out: Record<string, unknown> = { ...encoded }
  for (const field of ["scale", "roles", "transitions", "competencies", "changes"] as const) {
    if ((encoded[field]?.length ?? 0) === 0) delete out[field]
  }
  const matrix = Object.fromEntries(
    Object.entries(encoded.matrix ?? {}).map(([level, entries]) => [
      level,
      Object.fromEntries(
        Object.entries(entries).map(([competency, entry]) => {
          const behaviours = (entry.behaviours ?? []).map((b) =>
            (b.examples?.length ?? 0) === 0 ? { text: b.text } : b,
          )
          return [competency, behaviours.length === 0 ? { expected: entry.expected } : { ...entry, behaviours }]
        }),
      ),
    ]),
  )
  if (Object.keys(matrix).length === 0) delete out.matrix
  else out.matrix = matrix
  return out
}

const encode = Schema.encodeSync(LadderDocument)

/** Writes a ladder as a file that {@link parseLadderFile} reads back to the same document. */
export const formatLadderFile = (doc: LadderDocument, format: LadderFileFormat): string => {
  const encoded = prune(encode(doc))
  return format === "json"
    ? `${JSON.stringify(encoded, null, 2)}\n`
    : new Document(encoded).toString({ lineWidth: 0, minContentWidth: 0 })
}
