import { ConflictError, Db, type DbError, type InputError, type NotFoundError, today, zone } from "@teamops/core"
import { DateTime, Effect, Either } from "effect"
import { pathText } from "./FileProblems.js"
import {
  type OrgFile,
  type OrgFileDraft,
  type OrgFilePath,
  type OrgFileProblem,
  orgFileError,
  type ReadOrgFile,
  readOrgFile,
  readOrgFileError,
} from "./OrgFile.js"
import {
  type Change,
  changeOf,
  type OrgPlan,
  type PersonChange,
  type PlannedPerson,
  type PlannedTeam,
  planOrg,
  type TeamChange,
} from "./OrgPlan.js"
import type { Person, PersonId } from "./Person.js"
import { PersonRepo, type PersonRepoService } from "./PersonRepo.js"
import { TeamRepo, type TeamRepoService } from "./TeamRepo.js"

/** How many teams and people an import created, and how many stored ones it changed. */
export interface OrgImportCounts {
  readonly teams: { readonly created: number; readonly updated: number }
  readonly people: { readonly created: number; readonly updated: number }
}

/** What an import did, or would do with `dryRun`: the counts, and each team and person of the file. */
export interface OrgImportReport {
  readonly dryRun: boolean
  /** Only the teams and people that change count. */
  readonly summary: OrgImportCounts
  /** Every team of the file, in file order. */
  readonly teams: ReadonlyArray<TeamChange>
  /** Every person of the file, in file order. */
  readonly people: ReadonlyArray<PersonChange>
}

export interface OrgImportOptions {
  /** Work out and report the changes, and write nothing. */
  readonly dryRun?: boolean
}

type Failure = ConflictError | NotFoundError | InputError | DbError

/**
 * Applies a parsed organisation file in one transaction, so that a refusal leaves the data as
 * it was. Teams are matched by key and people by email: a new one is created, a stored one
 * changed where the file says something else, and a field the file leaves out is kept. Every
 * problem of the file is reported at once, each at its place: those of its form (a wrong
 * time zone, an unknown field) and those of its references (a team, parent or manager that
 * is neither in the file nor stored, a cycle of parents or managers, a leave date before a
 * hire date). With `dryRun`, nothing is written.
 */
export const importOrgFile = (
  value: unknown,
  options: OrgImportOptions = {},
): Effect.Effect<OrgImportReport, Failure, Db | TeamRepo | PersonRepo> => applyOrg(readOrgFile(value), options)

/** Applies a decoded organisation file (see {@link importOrgFile}) and answers the counts. */
export const importOrg = (
  file: OrgFile,
  options: OrgImportOptions = {},
): Effect.Effect<OrgImportCounts, Failure, Db | TeamRepo | PersonRepo> =>
  Effect.map(applyOrg({ draft: file, problems: [], place: (path) => path }, options), (report) => report.summary)

const applyOrg = (read: ReadOrgFile, options: OrgImportOptions) =>
  Effect.gen(function* () {
    const db = yield* Db
    const teamRepo = yield* TeamRepo
    const personRepo = yield* PersonRepo
    return yield* db.transaction(
      Effect.gen(function* () {
        const stored = yield* storedFor(read.draft, teamRepo, personRepo)
        const now = yield* DateTime.now
        const planned = planOrg(read.draft, stored, (timeZone) => today(zone(timeZone), now), read.problems)
        if (Either.isLeft(planned)) return yield* readOrgFileError(read, planned.left)
        const plan = planned.right
        if (options.dryRun !== true) {
          yield* writeTeams(teamRepo, plan.teams, read.place)
          yield* writePeople(personRepo, plan.people, stored.people, read.place)
        }
        return report(plan, options.dryRun === true)
      }),
    )
  })

// What is stored that the file refers to: its teams and people with every team and manager
// above them (for the cycle checks), and the teams of its stored people (to tell a move).
const storedFor = (draft: OrgFileDraft, teamRepo: TeamRepoService, personRepo: PersonRepoService) =>
  Effect.gen(function* () {
    const teamKeys = new Set<string>()
    const emails = new Set<string>()
    for (const team of draft.teams) {
      if (team === undefined) continue
      teamKeys.add(team.key)
      if (typeof team.parentKey === "string") teamKeys.add(team.parentKey)
    }
    for (const person of draft.people) {
      if (person === undefined) continue
      emails.add(person.email)
      if (person.teamKey !== undefined) teamKeys.add(person.teamKey)
      if (typeof person.managerEmail === "string") emails.add(person.managerEmail)
    }
    const teams = [...(yield* teamRepo.withParents([...teamKeys]))]
    const people = yield* personRepo.withManagers([...emails])
    const known = new Set(teams.map((t) => t.id as string))
    const missing = [...new Set(people.map((p) => p.teamId as string))].filter((id) => !known.has(id))
    if (missing.length > 0) teams.push(...(yield* teamRepo.byIds(missing)))
    return { teams, people }
  })

const report = (plan: OrgPlan, dryRun: boolean): OrgImportReport => {
  const tally = (changes: ReadonlyArray<Change>) => ({
    created: changes.filter((c) => c === "created").length,
    updated: changes.filter((c) => c === "updated").length,
  })
  const described = <K extends string>(name: K, key: string, planned: PlannedTeam | PlannedPerson) => {
    const change = changeOf(planned)
    return { [name]: key, change, ...(change === "updated" ? { fields: planned.fields } : {}) } as {
      [P in K]: string
    } & { change: Change }
  }
  const teams = [...plan.teams].sort((a, b) => a.index - b.index)
  return {
    dryRun,
    summary: {
      teams: tally(teams.map(changeOf)),
      people: tally(plan.people.map(changeOf)),
    },
    teams: teams.map((t) => described("key", t.team.key, t)),
    people: plan.people.map((p) => described("email", p.person.email, p)),
  }
}

/**
 * Names the place in the file of a refusal from a repo, which knows only its own input
 * (`input.hireDate`) or none. The checks before writing find what a file can get wrong; this
 * names the place of what they could not foresee.
 */
const at =
  (path: OrgFilePath, place: (path: OrgFilePath) => OrgFilePath) =>
  (error: Failure): Failure => {
    const where = place(path)
    if (error._tag === "ConflictError") return new ConflictError({ message: `${pathText(where)}: ${error.message}` })
    if (error._tag !== "InputError") return error
    const own = `${error.path.join(".")}: `
    const message = error.message.startsWith(own) ? error.message.slice(own.length) : error.message
    return orgFileError([{ path: [...where, ...error.path.slice(1)], message } satisfies OrgFileProblem])
  }

// Parents are written before their subteams (the plan's order), so that when a team's parent
// is set, every team above it already has the parent the file gives it.
const writeTeams = (
  repo: TeamRepoService,
  teams: ReadonlyArray<PlannedTeam>,
  place: (path: OrgFilePath) => OrgFilePath,
) =>
  Effect.forEach(
    teams,
    ({ index, team, stored, fields }) => {
      if (stored === undefined) {
        return repo
          .create({
            key: team.key,
            name: team.name as string,
            description: team.description ?? undefined,
            parentKey: team.parentKey ?? undefined,
            defaultAnnualSalary: team.defaultAnnualSalary ?? undefined,
          })
          .pipe(Effect.mapError(at(["teams", index], place)))
      }
      if (Object.keys(fields).length === 0) return Effect.void
      return repo
        .update({
          key: team.key,
          name: team.name,
          description: team.description,
          parentKey: team.parentKey,
          defaultAnnualSalary: team.defaultAnnualSalary,
        })
        .pipe(Effect.mapError(at(["teams", index, "parentKey"], place)))
    },
    { discard: true },
  )

const personFields = ["name", "teamKey", "timeZone", "hireDate", "workingHours", "annualSalary"] as const

/**
 * People are written in four steps: the departures that change are cancelled (so that a new
 * hire date can follow a rehire), the people created or updated without managers (a manager
 * may come later in the file), the managers changed, and the departures recorded.
 */
const writePeople = (
  repo: PersonRepoService,
  people: ReadonlyArray<PlannedPerson>,
  storedPeople: ReadonlyArray<Person>,
  place: (path: OrgFilePath) => OrgFilePath,
) =>
  Effect.gen(function* () {
    const written = new Map<number, Person>()
    for (const { index, stored, leftOn } of people) {
      if (stored === undefined || stored.leftOn === null || stored.leftOn === leftOn) continue
      const person = yield* repo
        .cancelDeparture({ personId: stored.id })
        .pipe(Effect.mapError(at(["people", index, "leftOn"], place)))
      written.set(index, person)
    }
    for (const { index, person, stored, fields } of people) {
      const where = at(["people", index], place)
      if (stored === undefined) {
        const { name, email, teamKey, timeZone, hireDate, workingHours, annualSalary } = person
        const input = { name: name as string, email, teamKey: teamKey as string, timeZone: timeZone as string }
        const optional = { hireDate, workingHours, annualSalary: annualSalary ?? undefined }
        written.set(index, yield* repo.create({ ...input, ...optional }).pipe(Effect.mapError(where)))
      } else if (personFields.some((field) => field in fields)) {
        const { name, teamKey, timeZone, hireDate, workingHours, annualSalary } = person
        const input = { id: stored.id, name, teamKey, timeZone, hireDate, workingHours, annualSalary }
        written.set(index, yield* repo.update(input).pipe(Effect.mapError(where)))
      } else {
        written.set(index, written.get(index) ?? stored)
      }
    }
    yield* writeManagers(repo, people, written, storedPeople, place)
    for (const { index, leftOn } of people) {
      const person = written.get(index) as Person
      if (leftOn === null || person.leftOn === leftOn) continue
      yield* repo
        .recordDeparture({ personId: person.id, leftOn })
        .pipe(Effect.mapError(at(["people", index, "leftOn"], place)))
    }
  })

/**
 * Gives each person of the file the manager the plan says. The managers that change are first
 * removed, then the new ones set: the graph of managers then only grows towards the one the
 * file describes, so the repo's cycle check refuses a real cycle and no other.
 */
const writeManagers = (
  repo: PersonRepoService,
  people: ReadonlyArray<PlannedPerson>,
  written: ReadonlyMap<number, Person>,
  storedPeople: ReadonlyArray<Person>,
  place: (path: OrgFilePath) => OrgFilePath,
) =>
  Effect.gen(function* () {
    const idOf = new Map<string, PersonId>([...storedPeople, ...written.values()].map((p) => [p.email, p.id]))
    const changes = people.flatMap(({ index, managerEmail }) => {
      const person = written.get(index) as Person
      const managerId = managerEmail === null ? null : (idOf.get(managerEmail) ?? null)
      return person.managerId === managerId ? [] : [{ index, person, managerId }]
    })
    for (const { person } of changes) {
      if (person.managerId !== null) yield* repo.setManager({ personId: person.id, managerId: null })
    }
    for (const { index, person, managerId } of changes) {
      if (managerId === null) continue
      yield* repo
        .setManager({ personId: person.id, managerId })
        .pipe(Effect.mapError(at(["people", index, "managerEmail"], place)))
    }
  })
