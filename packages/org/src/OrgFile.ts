import { Email, InputError } from "@teamops/core"
import { Effect, ParseResult, Schema } from "effect"
import { CreatePersonInput } from "./Person.js"
import { CreateTeamInput } from "./Team.js"

/**
 * A team of an organisation file. A team the file lists ends up as the file writes it:
 * leaving out `parent` or `description` means none, so that a file can move a team to the
 * top or clear its description.
 */
export const OrgFileTeam = Schema.Struct({
  key: CreateTeamInput.fields.key,
  name: CreateTeamInput.fields.name,
  /** The key of the parent team, listed in the same file (before or after) or already stored. */
  parent: CreateTeamInput.fields.parentKey,
  description: CreateTeamInput.fields.description,
})
export type OrgFileTeam = typeof OrgFileTeam.Type

/**
 * A person of an organisation file, with the fields of a person created through the API
 * except the manager, named by email. Leaving out `managerEmail` means no manager. A hire
 * date or working hours left out take the API's defaults for a new person and stay as
 * they are for a stored one: a default of "today" would change on every import.
 */
export const OrgFilePerson = Schema.Struct({
  name: CreatePersonInput.fields.name,
  email: CreatePersonInput.fields.email,
  teamKey: CreatePersonInput.fields.teamKey,
  timeZone: CreatePersonInput.fields.timeZone,
  hireDate: CreatePersonInput.fields.hireDate,
  workingHours: CreatePersonInput.fields.workingHours,
  /** The email of the manager, listed in the same file or already stored. */
  managerEmail: Schema.optionalWith(Email, { nullable: true }),
})
export type OrgFilePerson = typeof OrgFilePerson.Type

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

// A struct alone calls a value that is no object "Struct (Encoded side)": checking for an
// object first names what was expected in the file's own words.
const objectOf = <A, I>(what: string, struct: Schema.Schema<A, I>) =>
  Schema.compose(Schema.Record({ key: Schema.String, value: Schema.Unknown }).annotations(expected(what)), struct, {
    strict: false,
  })

const listOf = <A, I>(what: string, item: Schema.Schema<A, I>) =>
  Schema.optionalWith(Schema.Array(item).annotations(expected(what)), { default: () => [] })

/**
 * The organisation as a file: teams matched by key, people matched by email, both lists
 * optional. Teams and people the file does not list are left as they are.
 */
export const OrgFile = objectOf(
  "an object with the lists teams and people",
  Schema.Struct({
    teams: listOf("a list of teams", objectOf("a team: an object with key and name", OrgFileTeam)),
    people: listOf(
      "a list of people",
      objectOf("a person: an object with name, email, teamKey and timeZone", OrgFilePerson),
    ),
  }),
)
export type OrgFile = typeof OrgFile.Type

/** A place in an organisation file: `["teams", 2, "parent"]`. */
export type OrgFilePath = ReadonlyArray<string | number>

/** One problem of an organisation file, at the field it is about. */
export interface OrgFileProblem {
  readonly path: OrgFilePath
  readonly message: string
}

/** `["teams", 2, "parent"]` -> `teams[2].parent` */
export const pathText = (path: OrgFilePath) =>
  path.reduce<string>((text, s) => (typeof s === "number" ? `${text}[${s}]` : text === "" ? s : `${text}.${s}`), "")

/**
 * The error listing every problem, one line each, starting with its path; the error's
 * `path` is the first problem's.
 */
export const orgFileError = (problems: ReadonlyArray<OrgFileProblem>) =>
  new InputError({
    path: (problems[0]?.path ?? []).map(String),
    message: problems.map((p) => (p.path.length === 0 ? p.message : `${pathText(p.path)}: ${p.message}`)).join("\n"),
  })

// One problem per field. A field that fails every member of a union (`X | null | undefined`
// for an optional field) is reported once, with the first member's reason; a field whose
// parts have problems of their own is left out, as the parts say more.
const problemsOf = (error: ParseResult.ParseError): Array<OrgFileProblem> => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({
    path: issue.path.map((s) => (typeof s === "number" ? s : String(s))),
    message: issue.message,
  }))
  const isInside = (inner: OrgFilePath, outer: OrgFilePath) =>
    inner.length > outer.length && outer.every((s, i) => inner[i] === s)
  const seen = new Set<string>()
  return issues.filter(({ path }) => {
    const where = pathText(path)
    if (seen.has(where) || issues.some((other) => isInside(other.path, path))) return false
    seen.add(where)
    return true
  })
}

// A field the file format does not know is refused rather than ignored: a misspelt
// `parentKey` would otherwise move a team to the top without a word.
const decode = Schema.decodeUnknown(OrgFile, { errors: "all", onExcessProperty: "error" })

/** Decodes a parsed organisation file; the error lists every problem with its path. */
export const decodeOrgFile = (value: unknown): Effect.Effect<OrgFile, InputError> =>
  Effect.mapError(decode(value), (error) => orgFileError(problemsOf(error)))

// One problem at every row whose key was already used by an earlier row, naming that row.
const duplicatesIn = <T>(rows: ReadonlyArray<T>, list: string, field: string, keyOf: (row: T) => string) => {
  const first = new Map<string, number>()
  const problems: Array<OrgFileProblem> = []
  rows.forEach((row, i) => {
    const key = keyOf(row)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else
      problems.push({
        path: [list, i, field],
        message: `${JSON.stringify(key)} is also the ${field} of ${list}[${earlier}]`,
      })
  })
  return problems
}

/** Team keys and emails (already lower case) that appear twice in the file. */
export const duplicateProblems = (file: OrgFile): Array<OrgFileProblem> => [
  ...duplicatesIn(file.teams, "teams", "key", (t) => t.key),
  ...duplicatesIn(file.people, "people", "email", (p) => p.email),
]

/** The positions of a file's teams in an order to write them, and the cycles that allow none. */
export interface TeamOrder {
  readonly order: ReadonlyArray<number>
  readonly problems: ReadonlyArray<OrgFileProblem>
}

/**
 * Orders the teams of a file so that a team comes after its parent when the file lists
 * the parent: a file may name a parent further down. A cycle of parents is reported once,
 * at the team of the cycle that comes first in the file.
 */
export const teamOrder = (teams: ReadonlyArray<OrgFileTeam>): TeamOrder => {
  const positionOf = new Map<string, number>()
  teams.forEach((team, i) => {
    if (!positionOf.has(team.key)) positionOf.set(team.key, i)
  })
  const parentOf = (i: number) => {
    const parent = teams[i]?.parent
    return parent === undefined ? undefined : positionOf.get(parent)
  }
  const placed = new Set<number>()
  const order: Array<number> = []
  const problems: Array<OrgFileProblem> = []
  teams.forEach((_, start) => {
    // Each team has at most one parent, so the teams above one form a chain: walk up it
    // until a team already placed, a parent the file does not list, or the walk itself.
    const walk: Array<number> = []
    const walking = new Set<number>()
    let i: number | undefined = start
    while (i !== undefined && !placed.has(i) && !walking.has(i)) {
      walk.push(i)
      walking.add(i)
      i = parentOf(i)
    }
    if (i !== undefined && walking.has(i)) problems.push(cycleProblem(teams, walk.slice(walk.indexOf(i))))
    for (const j of walk) placed.add(j)
    order.push(...walk.reverse())
  })
  return { order, problems }
}

// `cycle` lists positions from a team up to the one whose parent is the first again.
const cycleProblem = (teams: ReadonlyArray<OrgFileTeam>, cycle: ReadonlyArray<number>): OrgFileProblem => {
  const first = cycle.indexOf(Math.min(...cycle))
  const loop = [...cycle.slice(first), ...cycle.slice(0, first + 1)]
  return {
    path: ["teams", loop[0] as number, "parent"],
    message: `a parent cycle would form: ${loop.map((j) => JSON.stringify(teams[j]?.key)).join(" is inside ")}`,
  }
}
