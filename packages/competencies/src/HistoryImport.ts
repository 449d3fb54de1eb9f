import {
  type AuditEntry,
  ConflictError,
  Db,
  type DbError,
  type InputError,
  type NotFoundError,
  today,
  zone,
} from "@teamops/core"
import {
  decodeFile,
  type FilePath,
  type FileProblem,
  fileError,
  type Person,
  PersonRepo,
  partialRecords,
  pathText,
} from "@teamops/org"
import { LadderRepo, type LadderVersion } from "@teamops/roles"
import { DateTime, Effect, Either } from "effect"
import { type Assessment, historyDayProblem } from "./Assessment.js"
import { AssessmentRepo } from "./AssessmentRepo.js"
import { HistoryFile, inHistoryOrder, PartialAssessment, PartialPromotion } from "./HistoryFile.js"
import { chronological, type Promotion } from "./Promotion.js"
import { PromotionRepo } from "./PromotionRepo.js"

/** What an import of history added, and what it found already stored and left alone. */
export interface HistoryImportCounts {
  readonly promotions: { readonly added: number; readonly alreadyStored: number }
  readonly assessments: { readonly added: number; readonly alreadyStored: number }
}

type Failure = InputError | NotFoundError | ConflictError | DbError

type Published = LadderVersion & { readonly version: number }

/** A file read as far as it can be: each record at its position, undefined where it cannot be read. */
interface HistoryDraft {
  readonly promotions: ReadonlyArray<PartialPromotion | undefined>
  readonly assessments: ReadonlyArray<PartialAssessment | undefined>
}

const readHistory = (value: unknown): { draft: HistoryDraft; problems: ReadonlyArray<FileProblem> } => {
  const decoded = decodeFile(HistoryFile, value)
  if (Either.isRight(decoded)) return { draft: decoded.right, problems: [] }
  const problems = decoded.left
  return {
    draft: {
      promotions: partialRecords(value, "promotions", problems, PartialPromotion),
      assessments: partialRecords(value, "assessments", problems, PartialAssessment),
    },
    problems,
  }
}

/**
 * Imports a parsed history file: past promotions and assessments, people and raters named
 * by email, in one transaction. Every problem is reported at once, each at its place
 * (`promotions[2].effectiveOn`): those of the file's form, and those of what it names (a
 * person, a rater, a ladder, a version, a level, a competency, a rating), of its days (in the
 * future, before the hire date, after a departure), and of the order of promotions (before a
 * person's latest one). A promotion or an assessment already stored (the same person, ladder,
 * level or competency, rater, rating and day) is left alone, so that importing the same file
 * again adds nothing. Assessments are stored before promotions, so that the readiness kept
 * with a promotion is that of the ratings observed by its day.
 */
export interface HistoryImportOptions {
  /** Records each imported promotion and assessment, in the import's transaction. */
  readonly audit?: (entries: ReadonlyArray<AuditEntry>) => Effect.Effect<unknown, DbError, Db>
}

export const importHistory = (
  value: unknown,
  options: HistoryImportOptions = {},
): Effect.Effect<HistoryImportCounts, Failure, Db | PersonRepo | LadderRepo | AssessmentRepo | PromotionRepo> =>
  Effect.gen(function* () {
    const db = yield* Db
    const people = yield* PersonRepo
    const ladders = yield* LadderRepo
    const assessments = yield* AssessmentRepo
    const promotions = yield* PromotionRepo
    const { draft, problems: known } = readHistory(value)
    return yield* db.transaction(
      Effect.gen(function* () {
        const emails = new Set<string>()
        const ladderKeys = new Set<string>()
        for (const record of [...draft.promotions, ...draft.assessments]) {
          if (record?.personEmail !== undefined) emails.add(record.personEmail)
          if (record?.ladderKey !== undefined) ladderKeys.add(record.ladderKey)
        }
        for (const a of draft.assessments) if (a?.raterEmail !== undefined) emails.add(a.raterEmail)
        const byEmail = new Map((yield* people.byEmails([...emails])).map((p) => [p.email, p]))
        const versions = new Map<string, Array<Published>>()
        for (const v of yield* ladders.histories([...ladderKeys])) {
          if (v.version !== null) versions.set(v.ladderKey, [...(versions.get(v.ladderKey) ?? []), v as Published])
        }
        const ids = [...byEmail.values()].map((p) => p.id)
        const storedAssessments = yield* assessments.ofPeople(ids)
        const storedPromotions = yield* promotions.ofPeople(ids)
        const now = yield* DateTime.now
        const context: Context = {
          person: (email) => byEmail.get(email),
          versions: (ladderKey) => versions.get(ladderKey) ?? [],
          today: (person) => today(zone(person.timeZone), now),
        }

        const problems: Array<FileProblem> = [...known]
        const newAssessments = checkAssessments(draft.assessments, storedAssessments, context, problems)
        const newPromotions = checkPromotions(draft.promotions, storedPromotions, context, problems)
        if (problems.length > 0) return yield* fileError(problems.sort(inHistoryOrder))

        const imported: Array<AuditEntry> = []
        for (const { index, person, record } of newAssessments) {
          const stored = yield* assessments
            .record({
              personId: person.id,
              ladderKey: record.ladderKey,
              version: record.version,
              competency: record.competency,
              raterKind: record.raterKind,
              rating: record.rating,
              note: record.note,
              raterEmail: record.raterEmail,
              evidence: record.evidence,
              observedOn: record.observedOn,
            })
            .pipe(Effect.mapError(at(["assessments", index])))
          imported.push({ operation: "recordAssessment", targets: [person.id, stored.id], outcome: "imported" })
        }
        for (const { index, person, record } of newPromotions) {
          yield* promotions
            .promote({
              personId: person.id,
              ladderKey: record.ladderKey,
              level: record.level,
              rationale: record.rationale,
              effectiveOn: record.effectiveOn,
            })
            .pipe(Effect.mapError(at(["promotions", index])))
          imported.push({ operation: "promotePerson", targets: [person.id], outcome: "imported" })
        }
        if (options.audit !== undefined) yield* options.audit(imported)
        return {
          promotions: { added: newPromotions.length, alreadyStored: draft.promotions.length - newPromotions.length },
          assessments: {
            added: newAssessments.length,
            alreadyStored: draft.assessments.length - newAssessments.length,
          },
        }
      }),
    )
  })

interface Context {
  readonly person: (email: string) => Person | undefined
  /** The published versions of a ladder, oldest first. */
  readonly versions: (ladderKey: string) => ReadonlyArray<Published>
  readonly today: (person: Person) => string
}

type Complete<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> }
type Checked<T> = { readonly index: number; readonly person: Person; readonly record: T }
type FullAssessment = Complete<Omit<PartialAssessment, "version" | "raterEmail" | "note" | "evidence">> &
  Pick<PartialAssessment, "version" | "raterEmail" | "note" | "evidence">

const noPerson = (email: string) => `no person with email ${email}`

/** The person a record names, or a problem at its `personEmail`. */
const personOf = (
  context: Context,
  list: string,
  index: number,
  email: string | undefined,
  problems: Array<FileProblem>,
) => {
  if (email === undefined) return undefined
  const person = context.person(email)
  if (person === undefined) problems.push({ path: [list, index, "personEmail"], message: noPerson(email) })
  return person
}

/** Checks a day of a person's history; a problem is at `place`. Answers whether the day can be. */
const dayOf = (
  context: Context,
  person: Person | undefined,
  place: FilePath,
  day: string | undefined,
  problems: Array<FileProblem>,
) => {
  if (person === undefined || day === undefined) return false
  const problem = historyDayProblem(person, day, context.today(person))
  if (problem !== undefined) problems.push({ path: place, message: problem })
  return problem === undefined
}

const noLadder = (ladderKey: string) => `no published ladder "${ladderKey}"`

// The assessments of a file to add: each checked, those already stored (or listed twice) left out.
const checkAssessments = (
  records: ReadonlyArray<PartialAssessment | undefined>,
  stored: ReadonlyArray<Assessment>,
  context: Context,
  problems: Array<FileProblem>,
): Array<Checked<FullAssessment>> => {
  const sameAs = (a: PartialAssessment, personId: string) => (b: Assessment) =>
    b.personId === personId &&
    b.ladderKey === a.ladderKey &&
    (a.version === undefined || b.version === a.version) &&
    b.competency === a.competency &&
    b.raterKind === a.raterKind &&
    b.raterEmail === (a.raterEmail ?? null) &&
    b.rating === a.rating &&
    b.observedOn === a.observedOn
  const seen = new Map<string, number>()
  const added: Array<Checked<FullAssessment>> = []
  records.forEach((a, index) => {
    if (a === undefined) return
    const before = problems.length
    const place = (field: string): FilePath => ["assessments", index, field]
    const person = personOf(context, "assessments", index, a.personEmail, problems)
    if (a.raterEmail !== undefined && context.person(a.raterEmail) === undefined) {
      problems.push({ path: place("raterEmail"), message: noPerson(a.raterEmail) })
    }
    if (a.ladderKey !== undefined) {
      const versions = context.versions(a.ladderKey)
      const version = a.version === undefined ? versions.at(-1) : versions.find((v) => v.version === a.version)
      if (versions.length === 0) problems.push({ path: place("ladderKey"), message: noLadder(a.ladderKey) })
      else if (version === undefined) {
        problems.push({
          path: place("version"),
          message: `ladder "${a.ladderKey}" has no published version ${a.version}`,
        })
      } else {
        const { competencies, scale } = version.effective
        if (a.competency !== undefined && !competencies.some((c) => c.key === a.competency)) {
          problems.push({
            path: place("competency"),
            message: `ladder "${a.ladderKey}" version ${version.version} has no competency "${a.competency}" (known: ${competencies.map((c) => c.key).join(", ")})`,
          })
        }
        if (a.rating !== undefined && !scale.some((s) => s.key === a.rating)) {
          problems.push({
            path: place("rating"),
            message: `"${a.rating}" is not a step of the scale of ladder "${a.ladderKey}" version ${version.version} (steps: ${scale.map((s) => s.key).join(", ")})`,
          })
        }
      }
    }
    dayOf(context, person, place("observedOn"), a.observedOn, problems)
    if (person === undefined || problems.length > before || !has(a, requiredOfAssessment)) return
    const key = JSON.stringify([
      person.id,
      a.ladderKey,
      a.version ?? null,
      a.competency,
      a.raterKind,
      a.raterEmail ?? null,
      a.rating,
      a.observedOn,
    ])
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ path: ["assessments", index], message: `the same assessment as assessments[${earlier}]` })
      return
    }
    seen.set(key, index)
    if (stored.some(sameAs(a, person.id))) return
    added.push({ index, person, record: a as FullAssessment })
  })
  return added
}

const requiredOfAssessment = ["personEmail", "ladderKey", "competency", "raterKind", "rating", "observedOn"]
const requiredOfPromotion = ["personEmail", "ladderKey", "level", "effectiveOn", "rationale"]

/** Whether a record read from a file with problems has every field it needs. */
const has = (record: object, fields: ReadonlyArray<string>) =>
  fields.every((f) => (record as Record<string, unknown>)[f] !== undefined)

// The promotions of a file to add, per person in the order of their days (the file's order
// within a day): each checked against the person's stored promotions and those before it.
const checkPromotions = (
  records: ReadonlyArray<PartialPromotion | undefined>,
  stored: ReadonlyArray<Promotion>,
  context: Context,
  problems: Array<FileProblem>,
): Array<Checked<Complete<PartialPromotion>>> => {
  const checked: Array<Checked<Complete<PartialPromotion>>> = []
  records.forEach((p, index) => {
    if (p === undefined) return
    const before = problems.length
    const place = (field: string): FilePath => ["promotions", index, field]
    const person = personOf(context, "promotions", index, p.personEmail, problems)
    if (p.ladderKey !== undefined) {
      const latest = context.versions(p.ladderKey).at(-1)
      if (latest === undefined) problems.push({ path: place("ladderKey"), message: noLadder(p.ladderKey) })
      else if (p.level !== undefined && !latest.effective.levels.some((l) => l.key === p.level)) {
        problems.push({
          path: place("level"),
          message: `ladder "${p.ladderKey}" version ${latest.version} has no level "${p.level}" (levels: ${latest.effective.levels.map((l) => l.key).join(", ")})`,
        })
      }
    }
    const possible = dayOf(context, person, place("effectiveOn"), p.effectiveOn, problems)
    if (possible && person?.leftOn != null && p.effectiveOn !== undefined && p.effectiveOn > person.leftOn) {
      problems.push({
        path: place("effectiveOn"),
        message: `${p.effectiveOn} is after ${person.email} left, on ${person.leftOn}`,
      })
    }
    if (person !== undefined && problems.length === before && has(p, requiredOfPromotion)) {
      checked.push({ index, person, record: p as Complete<PartialPromotion> })
    }
  })

  // Per person, in the order of the days: the same promotion stored is left alone, one listed
  // twice is a problem, and the others follow the latest promotion so far.
  const byDay = [...checked].sort(
    (a, b) =>
      a.person.id.localeCompare(b.person.id) ||
      a.record.effectiveOn.localeCompare(b.record.effectiveOn) ||
      a.index - b.index,
  )
  const latest = new Map<string, { ladderKey: string; to: string; effectiveOn: string }>()
  for (const p of chronological(stored)) latest.set(p.personId, p)
  const seen = new Map<string, number>()
  const added: Array<Checked<Complete<PartialPromotion>>> = []
  for (const item of byDay) {
    const { index, person, record } = item
    const key = JSON.stringify([person.id, record.ladderKey, record.level, record.effectiveOn])
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ path: ["promotions", index], message: `the same promotion as promotions[${earlier}]` })
      continue
    }
    seen.set(key, index)
    const same = (p: Promotion) =>
      p.personId === person.id &&
      p.ladderKey === record.ladderKey &&
      p.to === record.level &&
      p.effectiveOn === record.effectiveOn
    if (stored.some(same)) continue
    const held = latest.get(person.id)
    if (held !== undefined && record.effectiveOn < held.effectiveOn) {
      problems.push({
        path: ["promotions", index, "effectiveOn"],
        message: `${record.effectiveOn} is before the latest promotion of ${person.email} (to "${held.to}" of ladder "${held.ladderKey}" on ${held.effectiveOn}): promotions are recorded in order`,
      })
      continue
    }
    if (held !== undefined && held.ladderKey === record.ladderKey && held.to === record.level) {
      problems.push({
        path: ["promotions", index, "level"],
        message: `${person.email} is already at level "${record.level}" of ladder "${record.ladderKey}" (since ${held.effectiveOn})`,
      })
      continue
    }
    latest.set(person.id, { ladderKey: record.ladderKey, to: record.level, effectiveOn: record.effectiveOn })
    added.push(item)
  }
  return added
}

/**
 * Names the place in the file of a refusal from a repo, which knows only its own input
 * (`input.effectiveOn`) or none: the checks before writing find what a file can get wrong,
 * and this names the place of what they could not foresee.
 */
const at =
  (path: FilePath) =>
  (error: Failure): Failure => {
    if (error._tag === "ConflictError") return new ConflictError({ message: `${pathText(path)}: ${error.message}` })
    if (error._tag !== "InputError") return error
    const own = `${error.path.join(".")}: `
    const message = error.message.startsWith(own) ? error.message.slice(own.length) : error.message
    return fileError([{ path: [...path, ...error.path.slice(1)], message }])
  }
