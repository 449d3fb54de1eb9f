import { Email, Key, Name } from "@teamops/core"
import { byPlace, decodeFile, type FileProblem, listOf, objectOf, partialRecords, pathText } from "@teamops/org"
import { describeProblem, jsonSyntaxError, offsetOf } from "@teamops/roles"
import { Effect, Either, Schema } from "effect"
import { Document, LineCounter, parseDocument } from "yaml"
import { AreaHours, CompetencyKeys, Decisions, defaultReviewEveryDays, Note, Purpose, ReviewEveryDays } from "./Area.js"

// An areas file keeps a team's areas of responsibility as code: each area with its definition,
// its owner and contributors (people by email), so that a change to the areas is a change to
// a file, reviewed like any other. Importing it brings the stored areas to what it says.

/** An areas file is written in YAML or JSON. */
export const AreaFileFormat = Schema.Literal("yaml", "json")
export type AreaFileFormat = typeof AreaFileFormat.Type

/** The note of a handover the file asks for without saying why. */
export const defaultHandoverNote = "Handed over by an import of the areas file."

/** Someone helping in an area, by email, with the hours a week it takes them. */
export const AreaFileContributor = Schema.Struct({ email: Email, weeklyHours: AreaHours })
export type AreaFileContributor = typeof AreaFileContributor.Type

const contributor = objectOf("a contributor: an object with email and weeklyHours", AreaFileContributor)

const areaFields = {
  key: Key,
  name: Name,
  purpose: Purpose,
  /** The key of the area's team. */
  team: Key,
  category: Key,
  weeklyHours: AreaHours,
}

const areaOptions = {
  decisions: Schema.optionalWith(Decisions, { default: () => [] }),
  competencies: Schema.optionalWith(CompetencyKeys, { default: () => [] }),
  reviewEveryDays: Schema.optionalWith(ReviewEveryDays, { default: () => defaultReviewEveryDays }),
  /** The owner's email; null (or left out) for an area nobody owns. */
  owner: Schema.optionalWith(Schema.NullOr(Email), { default: () => null }),
  contributors: listOf("a list of contributors", contributor),
  /** The note of the handover when the owner changes: what the next owner should know. */
  handoverNote: Schema.optionalWith(Note, { default: () => defaultHandoverNote }),
}

/** One area of an areas file. */
export const AreaFileArea = Schema.Struct({ ...areaFields, ...areaOptions })
export type AreaFileArea = typeof AreaFileArea.Type

/** An area of a file with problems, with the fields that could be read. */
export const PartialFileArea = Schema.Struct({
  key: Schema.optional(Key),
  name: Schema.optional(Name),
  purpose: Schema.optional(Purpose),
  team: Schema.optional(Key),
  category: Schema.optional(Key),
  weeklyHours: Schema.optional(AreaHours),
  ...areaOptions,
})
export type PartialFileArea = typeof PartialFileArea.Type

/** An areas file: `areas`, a list of areas. */
export const AreaFile = objectOf(
  "an object with the list areas",
  Schema.Struct({
    areas: listOf(
      "a list of areas",
      objectOf(
        "an area: an object with key, name, purpose, team, category, weeklyHours and optionally decisions, competencies, reviewEveryDays, owner, contributors and handoverNote",
        AreaFileArea,
      ),
    ),
  }),
)
export type AreaFile = typeof AreaFile.Type

const fieldOrder = [...Object.keys(areaFields), ...Object.keys(areaOptions)]

/** Orders the problems of an areas file as the file reads. */
export const inAreaFileOrder = byPlace(["areas"], { areas: fieldOrder })

/** One problem of an areas file, with the line and column (1-based) it was found at, when known. */
export const AreaFileProblem = Schema.Struct({
  path: Schema.String,
  line: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.Number),
  message: Schema.String,
})
export type AreaFileProblem = typeof AreaFileProblem.Type

/** An areas file that does not parse, decode or check; `problems` lists every problem found. */
export class AreaFileError extends Schema.TaggedError<AreaFileError>()("AreaFileError", {
  message: Schema.String,
  problems: Schema.Array(AreaFileProblem),
}) {
  /** The error listing `problems`, one per line of its message: `line 4, column 5: areas[0].team: …`. */
  static of(problems: ReadonlyArray<AreaFileProblem>) {
    return new AreaFileError({ message: problems.map(describeProblem).join("\n"), problems })
  }
}

/** An areas file read as far as it can be, with what it got wrong so far and where each path was written. */
export interface AreaFileSource {
  /** Each area at its position; undefined where an area cannot be read. */
  readonly areas: ReadonlyArray<PartialFileArea | undefined>
  /** The areas as decoded, when the file decoded as a whole. */
  readonly decoded: ReadonlyArray<AreaFileArea> | undefined
  /** The problems of the file's form. */
  readonly problems: ReadonlyArray<FileProblem>
  /** The error of `problems`, ordered as the file reads, each at its line and column. */
  readonly refuse: (problems: ReadonlyArray<FileProblem>) => AreaFileError
}

const isRecord = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Reads an areas file: syntax (which stops the reading), then the form of every area. The
 * references (people, teams, categories, competencies) are left to the import, which knows
 * what is stored.
 */
export const readAreaFile = (format: AreaFileFormat, content: string): Effect.Effect<AreaFileSource, AreaFileError> =>
  Effect.suspend((): Effect.Effect<AreaFileSource, AreaFileError> => {
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
    // YAML reads much that JSON refuses: a JSON file is held to JSON.
    const syntax = format === "json" ? jsonSyntaxError(content) : undefined
    if (syntax !== undefined) {
      return Effect.fail(AreaFileError.of([{ path: "", ...at(syntax.offset), message: syntax.message }]))
    }
    if (parsed.errors.length > 0) {
      return Effect.fail(
        AreaFileError.of(parsed.errors.map((e) => ({ path: "", ...at(e.pos[0]), message: e.message }))),
      )
    }
    let value: unknown
    try {
      value = parsed.toJS({ maxAliasCount: 100 })
    } catch (error) {
      return Effect.fail(
        AreaFileError.of([{ path: "", message: error instanceof Error ? error.message : String(error) }]),
      )
    }
    const refuse = (problems: ReadonlyArray<FileProblem>) =>
      AreaFileError.of(
        [...problems]
          .sort(inAreaFileOrder)
          .map((p) => ({ path: pathText(p.path), ...at(offsetOf(parsed.contents, p.path)), message: p.message })),
      )
    const decoded = decodeFile(AreaFile, value)
    if (Either.isRight(decoded)) {
      return Effect.succeed({ areas: decoded.right.areas, decoded: decoded.right.areas, problems: [], refuse })
    }
    const areas = isRecord(value) ? partialRecords(value, "areas", decoded.left, PartialFileArea) : []
    return Effect.succeed({ areas, decoded: undefined, problems: decoded.left, refuse })
  })

/**
 * Writes areas as a file that {@link readAreaFile} reads back to the same areas, every field
 * written out (the handover note aside, which only says why an owner changes).
 */
export const formatAreaFile = (areas: ReadonlyArray<Omit<AreaFileArea, "handoverNote">>): string => {
  const written = areas.map((area) => ({
    key: area.key,
    name: area.name,
    purpose: area.purpose,
    team: area.team,
    category: area.category,
    weeklyHours: area.weeklyHours,
    decisions: [...area.decisions],
    competencies: [...area.competencies],
    reviewEveryDays: area.reviewEveryDays,
    owner: area.owner,
    contributors: area.contributors.map((c) => ({ email: c.email, weeklyHours: c.weeklyHours })),
  }))
  return new Document({ areas: written }).toString({ lineWidth: 0, minContentWidth: 0 })
}
