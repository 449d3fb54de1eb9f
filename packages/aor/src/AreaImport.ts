import { CompetencyCatalog } from "@teamops/competencies"
import { type AuditEntry, Db, type DbError } from "@teamops/core"
import { type FilePath, type FileProblem, type Person, PersonRepo, type Team, TeamRepo } from "@teamops/org"
import { Array as Arr, Effect } from "effect"
import type { Area, Contribution, CreateAreaInput, Ownership, UpdateAreaInput } from "./Area.js"
import { categoryProblem, competenciesProblem, teamProblem } from "./AreaChecks.js"
import {
  type AreaFileArea,
  type AreaFileError,
  type AreaFileFormat,
  type AreaFileSource,
  type PartialFileArea,
  readAreaFile,
} from "./AreaFile.js"
import { type AreaFailure, AreaRepo } from "./AreaRepo.js"
import { AreaCategories, type CategoryEntry } from "./Categories.js"

/** What an import of an areas file did, area by area. */
export interface AreaImportCounts {
  /** Areas whose key was new. */
  readonly created: number
  /** Stored areas whose definition or contributors changed. */
  readonly updated: number
  /** Stored areas whose owner changed. */
  readonly handedOver: number
  /** Stored areas the file says nothing new about. */
  readonly unchanged: number
}

export interface AreaImportOptions {
  /** Records each change, in the import's transaction. */
  readonly audit?: (entries: ReadonlyArray<AuditEntry>) => Effect.Effect<unknown, DbError, Db>
}

/** What is stored about what a file names, read once before anything is checked or written. */
interface Stored {
  readonly teams: ReadonlyMap<string, Team>
  readonly people: ReadonlyMap<string, Person>
  readonly areas: ReadonlyMap<string, Area>
  /** The open ownership of each stored area, by area id. */
  readonly owners: ReadonlyMap<string, Ownership>
  /** The open contributions of each stored area, by area id. */
  readonly contributions: Readonly<Record<string, ReadonlyArray<Contribution>>>
  readonly categories: ReadonlyArray<CategoryEntry>
  readonly competencies: ReadonlyArray<{ readonly key: string }>
}

const unique = (values: ReadonlyArray<string | null | undefined>) => [
  ...new Set(values.filter((v): v is string => typeof v === "string")),
]

const readStored = (areas: ReadonlyArray<PartialFileArea | undefined>) =>
  Effect.gen(function* () {
    const repo = yield* AreaRepo
    const read = areas.filter((a): a is PartialFileArea => a !== undefined)
    const stored = yield* repo.byKeys(unique(read.map((a) => a.key)))
    const ids = stored.map((a) => a.id)
    const owners = yield* repo.ownersOf(ids)
    const contributions = Arr.groupBy(yield* repo.contributorsOf(ids), (c) => c.areaId)
    const emails = unique(read.flatMap((a) => [a.owner, ...(a.contributors ?? []).map((c) => c.email)]))
    const people = yield* Effect.flatMap(PersonRepo, (r) => r.byEmails(emails))
    const teams = yield* Effect.flatMap(TeamRepo, (r) => r.byKeys(unique(read.map((a) => a.team))))
    const needsCatalog = read.some((a) => (a.competencies ?? []).length > 0)
    return {
      teams: new Map(teams.map((t) => [t.key, t])),
      people: new Map(people.map((p) => [p.email, p])),
      areas: new Map(stored.map((a) => [a.key, a])),
      owners: new Map(owners.map((o) => [o.areaId, o])),
      contributions,
      categories: yield* AreaCategories,
      competencies: needsCatalog ? yield* Effect.flatMap(CompetencyCatalog, (c) => c.list) : [],
    } satisfies Stored
  })

const label = (person: Person) => `${person.name} (${person.email})`
const noPerson = (email: string) => `no person with email ${email}`
const hasLeft = (person: Person) => `${label(person)} has left`
const sameHours = (a: number, b: number) => Math.abs(a - b) < 1e-9

// The problems of one area of the file against what is stored. A person who has left is a
// problem only where the file would give them something new: a stored owner who left keeps
// the area (orphaned, as the health report says) until the file names another.
const checkArea = (
  area: PartialFileArea,
  index: number,
  stored: Stored,
  firstIndexOf: ReadonlyMap<string, number>,
): Array<FileProblem> => {
  const problems: Array<FileProblem> = []
  const at =
    (...path: FilePath) =>
    (message: string) =>
      problems.push({ path: ["areas", index, ...path], message })
  const existing = area.key === undefined ? undefined : stored.areas.get(area.key)
  if (area.key !== undefined && firstIndexOf.get(area.key) !== index) {
    at("key")(`the same key as areas[${firstIndexOf.get(area.key)}]`)
  } else if (existing?.status === "retired") at("key")(`area "${existing.key}" is retired`)
  if (area.team !== undefined && !stored.teams.has(area.team)) at("team")(teamProblem(area.team))
  const category = area.category === undefined ? undefined : categoryProblem(stored.categories, area.category)
  if (category !== undefined) at("category")(category)
  const competencies = competenciesProblem(stored.competencies, area.competencies)
  if (competencies !== undefined) at("competencies")(competencies)

  const owner = area.owner === null ? undefined : stored.people.get(area.owner)
  const currentOwner = existing === undefined ? undefined : stored.owners.get(existing.id)?.personId
  if (area.owner !== null && owner === undefined) at("owner")(noPerson(area.owner))
  else if (owner !== undefined && owner.id !== currentOwner && owner.status !== "active") at("owner")(hasLeft(owner))

  const open = existing === undefined ? [] : (stored.contributions[existing.id] ?? [])
  const seen = new Map<string, number>()
  area.contributors.forEach((c, k) => {
    const place = at("contributors", k, "email")
    const person = stored.people.get(c.email)
    const earlier = seen.get(c.email)
    seen.set(c.email, earlier ?? k)
    if (person === undefined) place(noPerson(c.email))
    else if (earlier !== undefined) place(`listed twice: also contributors[${earlier}]`)
    else if (c.email === area.owner) place(`${label(person)} owns the area: an owner is not also a contributor`)
    else if (person.status !== "active") {
      const now = open.find((o) => o.personId === person.id)
      if (now === undefined || !sameHours(now.weeklyHours, c.weeklyHours)) place(hasLeft(person))
    }
  })
  return problems
}

const checkAreas = (source: AreaFileSource, stored: Stored) => {
  const firstIndexOf = new Map<string, number>()
  source.areas.forEach((a, i) => {
    if (a?.key !== undefined && !firstIndexOf.has(a.key)) firstIndexOf.set(a.key, i)
  })
  return source.areas.flatMap((a, i) => (a === undefined ? [] : checkArea(a, i, stored, firstIndexOf)))
}

const same = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => JSON.stringify(a) === JSON.stringify(b)

/** The fields of a stored area that the file changes, or undefined when it changes none. */
const changesOf = (stored: Area, area: AreaFileArea, teamId: string): UpdateAreaInput | undefined => {
  const changes = {
    ...(stored.name === area.name ? {} : { name: area.name }),
    ...(stored.purpose === area.purpose ? {} : { purpose: area.purpose }),
    ...(stored.teamId === teamId ? {} : { teamKey: area.team }),
    ...(stored.category === area.category ? {} : { category: area.category }),
    ...(sameHours(stored.weeklyHours, area.weeklyHours) ? {} : { weeklyHours: area.weeklyHours }),
    ...(same(stored.decisions, area.decisions) ? {} : { decisions: area.decisions }),
    ...(same(stored.competencies, area.competencies) ? {} : { competencies: area.competencies }),
    ...(stored.reviewEveryDays === area.reviewEveryDays ? {} : { reviewEveryDays: area.reviewEveryDays }),
  }
  return Object.keys(changes).length === 0 ? undefined : { key: stored.key, ...changes }
}

const creationOf = (area: AreaFileArea): CreateAreaInput => ({
  key: area.key,
  name: area.name,
  purpose: area.purpose,
  teamKey: area.team,
  category: area.category,
  weeklyHours: area.weeklyHours,
  decisions: area.decisions,
  competencies: area.competencies,
  reviewEveryDays: area.reviewEveryDays,
})

/** What applying one area of the file did. */
interface Applied {
  readonly created: boolean
  readonly updated: boolean
  readonly handedOver: boolean
  readonly entries: ReadonlyArray<AuditEntry>
}

/**
 * Brings one stored area (or a new one) to what the file says, through the repo's own
 * operations, so that their rules hold: the owner changes by a handover with the file's
 * note, and a contributor's new hours end the contribution as it was and start it again.
 */
const applyArea = (area: AreaFileArea, stored: Stored, placed: (error: AreaFailure) => AreaFailure | AreaFileError) =>
  Effect.gen(function* () {
    const repo = yield* AreaRepo
    const entries: Array<AuditEntry> = []
    const personOf = (email: string) => stored.people.get(email) as Person
    const write = <A>(operation: string, targets: ReadonlyArray<string>, effect: Effect.Effect<A, AreaFailure>) =>
      Effect.tap(Effect.mapError(effect, placed), () =>
        Effect.sync(() => entries.push({ operation, targets, outcome: "imported" })),
      )
    const existing = stored.areas.get(area.key)
    const team = stored.teams.get(area.team) as Team
    const created =
      existing === undefined ? yield* write("createArea", [area.key], repo.create(creationOf(area))) : undefined
    const target = existing ?? (created as Area)
    const changes = existing === undefined ? undefined : changesOf(existing, area, team.id)
    if (changes !== undefined) yield* write("updateArea", [target.id], repo.update(changes))

    const from = stored.owners.get(target.id)?.personId ?? null
    const to = area.owner === null ? null : personOf(area.owner).id
    if (from !== to) {
      const handOver = { areaKey: area.key, fromPersonId: from, toPersonId: to, note: area.handoverNote }
      yield* write("handOverArea", [target.id, ...unique([from, to])], repo.handOver(handOver))
    }

    // The next owner's contribution ended with the handover; the others not in the file end now.
    const open = stored.contributions[target.id] ?? []
    const listed = new Map<string, number>(area.contributors.map((c) => [personOf(c.email).id, c.weeklyHours]))
    let contributorsChanged = false
    for (const c of open) {
      if (listed.has(c.personId) || c.personId === to) continue
      contributorsChanged = true
      const removal = { areaKey: area.key, personId: c.personId }
      yield* write("removeAreaContributor", [target.id, c.personId], repo.removeContributor(removal))
    }
    for (const [personId, weeklyHours] of listed) {
      const now = open.find((c) => c.personId === personId)
      if (now !== undefined && sameHours(now.weeklyHours, weeklyHours)) continue
      contributorsChanged = true
      const addition = { areaKey: area.key, personId, weeklyHours }
      yield* write("addAreaContributor", [target.id, personId], repo.addContributor(addition))
    }
    return {
      created: existing === undefined,
      updated: existing !== undefined && (changes !== undefined || contributorsChanged),
      handedOver: existing !== undefined && from !== to,
      entries,
    } satisfies Applied
  })

/**
 * Names the place in the file of a refusal from the repo, which knows only its own input
 * (`input.toPersonId`) or none: the checks before writing find what a file can get wrong,
 * and this places what they could not foresee.
 */
const placedIn =
  (source: AreaFileSource, index: number) =>
  (error: AreaFailure): AreaFailure | AreaFileError => {
    if (error._tag === "DbError") return error
    const own = error._tag === "InputError" ? `${error.path.join(".")}: ` : ""
    const message = own !== "" && error.message.startsWith(own) ? error.message.slice(own.length) : error.message
    return source.refuse([{ path: ["areas", index], message }])
  }

/**
 * Imports an areas file (YAML or JSON) in one transaction: creates the areas whose key is
 * new, changes the fields of stored ones that differ, hands an area over when its owner
 * changes (with the area's `handoverNote`), and brings its contributors to the file's list,
 * keeping the history of each. Every problem of the file is reported at once, each with its
 * line, column and path; then nothing is written. Importing the same file again changes
 * nothing. Areas the file does not name are left as they are.
 */
export const importAreas = (format: AreaFileFormat, content: string, options: AreaImportOptions = {}) =>
  Effect.gen(function* () {
    const db = yield* Db
    const source = yield* readAreaFile(format, content)
    return yield* db.transaction(
      Effect.gen(function* () {
        const stored = yield* readStored(source.areas)
        const problems = [...source.problems, ...checkAreas(source, stored)]
        if (problems.length > 0 || source.decoded === undefined) return yield* source.refuse(problems)
        const applied: Array<Applied> = []
        for (const [index, area] of source.decoded.entries()) {
          applied.push(yield* applyArea(area, stored, placedIn(source, index)))
        }
        if (options.audit !== undefined) yield* options.audit(applied.flatMap((a) => a.entries))
        const count = (test: (a: Applied) => boolean) => applied.filter(test).length
        return {
          created: count((a) => a.created),
          updated: count((a) => a.updated),
          handedOver: count((a) => a.handedOver),
          unchanged: count((a) => !a.created && !a.updated && !a.handedOver),
        } satisfies AreaImportCounts
      }),
    )
  })
