import { Email, type InputError, Key, LocalDate, Name, TimeZone, WeeklyHours } from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import {
  byPlace,
  decodeFile,
  type FilePath,
  type FileProblem,
  fileError,
  listOf,
  notNull,
  objectOf,
  partialRecords,
} from "./FileProblems.js"
import { AnnualSalary } from "./Salary.js"
import { Description } from "./Team.js"

// An organisation file names its fields as the GraphQL inputs do (`parentKey`, `teamKey`,
// `hireDate`, `leftOn`); what GraphQL names by id, a file names by key or email
// (`managerEmail`). In every field, left out means "keep what is stored" and `null` means
// "clear it"; a field that cannot be cleared refuses `null`.

/**
 * A team of an organisation file, matched by key. A stored team keeps every field the file
 * leaves out; a new one needs a name.
 */
export const OrgFileTeam = Schema.Struct({
  key: Key,
  name: notNull(Name),
  /** The key of the parent team, listed in the same file (before or after) or stored; `null`: a top team. */
  parentKey: Schema.optional(Schema.NullOr(Key)),
  /** `null` clears the description. */
  description: Schema.optional(Schema.NullOr(Description)),
  /** The annual salary of the team's people who have none of their own; `null` clears it. */
  defaultAnnualSalary: Schema.optional(Schema.NullOr(AnnualSalary)),
})
export type OrgFileTeam = typeof OrgFileTeam.Type

/**
 * A person of an organisation file, matched by email. A stored person keeps every field the
 * file leaves out; a new one needs a name, a team and a time zone, and takes the API's
 * defaults for the hire date (today) and working hours (office hours).
 */
export const OrgFilePerson = Schema.Struct({
  name: notNull(Name),
  email: Email,
  teamKey: notNull(Key),
  timeZone: notNull(TimeZone),
  hireDate: notNull(LocalDate),
  workingHours: notNull(WeeklyHours),
  /** The email of the manager, listed in the same file or stored; `null`: no manager. */
  managerEmail: Schema.optional(Schema.NullOr(Email)),
  /** The last day, for a person who left; `null` cancels a departure. */
  leftOn: Schema.optional(Schema.NullOr(LocalDate)),
  /** `null` clears the salary. */
  annualSalary: Schema.optional(Schema.NullOr(AnnualSalary)),
})
export type OrgFilePerson = typeof OrgFilePerson.Type

/**
 * The organisation as a file: teams matched by key, people matched by email, both lists
 * optional. Teams and people the file does not list are left as they are.
 */
export const OrgFile = objectOf(
  "an object with the lists teams and people",
  Schema.Struct({
    teams: listOf("a list of teams", objectOf("a team: an object with a key", OrgFileTeam)),
    people: listOf("a list of people", objectOf("a person: an object with an email", OrgFilePerson)),
  }),
)
export type OrgFile = typeof OrgFile.Type

/**
 * What could be read of a file with problems: the records at their positions in the file,
 * each without the fields that have problems, or undefined when it cannot be read at all.
 */
export interface OrgFileDraft {
  readonly teams: ReadonlyArray<OrgFileTeam | undefined>
  readonly people: ReadonlyArray<OrgFilePerson | undefined>
}

/** A place in an organisation file: `["teams", 2, "parentKey"]`. */
export type OrgFilePath = FilePath

/** One problem of an organisation file, at the field it is about. */
export type OrgFileProblem = FileProblem

const teamFields = ["key", "name", "parentKey", "parent", "description", "defaultAnnualSalary"]
const personFields = [
  "name",
  "email",
  "teamKey",
  "timeZone",
  "hireDate",
  "workingHours",
  "managerEmail",
  "leftOn",
  "annualSalary",
]

/** Orders the problems of an organisation file as the file reads. */
export const inFileOrder = byPlace(["teams", "people"], { teams: teamFields, people: personFields })

/** The error listing every problem of an organisation file, in the order of the file. */
export const orgFileError = (problems: ReadonlyArray<OrgFileProblem>) => fileError([...problems].sort(inFileOrder))

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * `parent`, the older name of a team's `parentKey`, is still read. The positions of the
 * teams that use it, so that a problem names the field as the file writes it.
 */
const olderNames = (value: unknown) => {
  const usesParent = new Set<number>()
  const problems: Array<OrgFileProblem> = []
  if (!isObject(value) || !Array.isArray(value.teams)) return { value, usesParent, problems }
  const teams = value.teams.map((team: unknown, i) => {
    if (!isObject(team) || !("parent" in team)) return team
    const { parent, ...rest } = team
    if ("parentKey" in team) {
      problems.push({ path: ["teams", i, "parent"], message: "give parentKey only: parent is its older name" })
      return rest
    }
    usesParent.add(i)
    return { ...rest, parentKey: parent }
  })
  return { value: { ...value, teams }, usesParent, problems }
}

/** A parsed organisation file as far as it can be read, and every problem of its form. */
export interface ReadOrgFile {
  readonly draft: OrgFileDraft
  /** The problems of the file's form (a wrong key, an unknown field), each at its place. */
  readonly problems: ReadonlyArray<OrgFileProblem>
  /** Names a place in the file's own words (`parent` where the file uses the older name). */
  readonly place: (path: OrgFilePath) => OrgFilePath
}

/**
 * Reads a parsed organisation file: the problems of its form, and what can be read of it so
 * that its references can be checked in the same run.
 */
export const readOrgFile = (value: unknown): ReadOrgFile => {
  const renamed = olderNames(value)
  const place = (path: OrgFilePath): OrgFilePath =>
    path[0] === "teams" && path[2] === "parentKey" && renamed.usesParent.has(path[1] as number)
      ? ["teams", path[1] as number, "parent", ...path.slice(3)]
      : path
  const decoded = decodeFile(OrgFile, renamed.value)
  if (Either.isRight(decoded) && renamed.problems.length === 0) {
    return { draft: decoded.right, problems: [], place }
  }
  const problems = [...renamed.problems, ...(Either.isLeft(decoded) ? decoded.left : [])]
  const draft = Either.isRight(decoded)
    ? decoded.right
    : {
        teams: partialRecords(renamed.value, "teams", problems, OrgFileTeam),
        people: partialRecords(renamed.value, "people", problems, OrgFilePerson),
      }
  return { draft, problems, place }
}

/** The error of `problems`, each at its place in the file's own words, in the order of the file. */
export const readOrgFileError = (read: ReadOrgFile, problems: ReadonlyArray<OrgFileProblem>) =>
  orgFileError(problems.map((p) => ({ ...p, path: read.place(p.path) })))

/**
 * Decodes a parsed organisation file, without looking at what is stored; the error lists
 * every problem of its form with its path.
 */
export const decodeOrgFile = (value: unknown): Effect.Effect<OrgFile, InputError> => {
  const read = readOrgFile(value)
  return read.problems.length === 0
    ? Effect.succeed(read.draft as OrgFile)
    : Effect.fail(readOrgFileError(read, read.problems))
}
