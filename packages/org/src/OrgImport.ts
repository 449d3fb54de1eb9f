import { ConflictError, Db, type DbError, type InputError, type NotFoundError } from "@teamops/core"
import { Effect } from "effect"
import {
  duplicateProblems,
  type OrgFile,
  type OrgFilePath,
  type OrgFilePerson,
  type OrgFileProblem,
  type OrgFileTeam,
  orgFileError,
  pathText,
  teamOrder,
} from "./OrgFile.js"
import type { Person, PersonId } from "./Person.js"
import { PersonRepo, type PersonRepoService } from "./PersonRepo.js"
import type { Team } from "./Team.js"
import { TeamRepo, type TeamRepoService } from "./TeamRepo.js"

/** How many rows of each kind an import created, and how many stored ones it matched and updated. */
export interface OrgImportCounts {
  readonly teams: { readonly created: number; readonly updated: number }
  readonly people: { readonly created: number; readonly updated: number }
}

type Failure = ConflictError | NotFoundError | InputError | DbError

/**
 * Applies an organisation file in one transaction, so that a refusal leaves the data as it
 * was. Teams are matched by key and people by email: a new one is created, a stored one
 * updated to what the file says. Parents are written before their subteams, whatever the
 * order of the file, and managers once every person of the file exists. The problems the
 * file shows before anything is written (duplicates, a cycle of parents, a team, parent or
 * manager that is neither in the file nor stored) are reported together, each at its path.
 */
export const importOrg = (file: OrgFile): Effect.Effect<OrgImportCounts, Failure, Db | TeamRepo | PersonRepo> =>
  Effect.gen(function* () {
    const db = yield* Db
    const teamRepo = yield* TeamRepo
    const personRepo = yield* PersonRepo
    return yield* db.transaction(
      Effect.gen(function* () {
        const { order, problems: cycles } = teamOrder(file.teams)
        const storedTeams = yield* storedBy(teamKeysToRead(file), teamRepo.byKey)
        const storedPeople = yield* storedBy(emailsToRead(file), personRepo.byEmail)
        const problems = [...duplicateProblems(file), ...cycles, ...unknownReferences(file, storedTeams, storedPeople)]
        if (problems.length > 0) return yield* orgFileError(problems.sort(byPlace))
        const teams = yield* writeTeams(teamRepo, file.teams, order, storedTeams)
        const { counts: people, written } = yield* writePeople(personRepo, file.people, storedPeople)
        yield* writeManagers(personRepo, file.people, written, storedPeople)
        return { teams, people }
      }),
    )
  })

// The keys whose stored team matters: the file's own (created or updated), and the parents
// and teams it names without listing them (which must be stored).
const teamKeysToRead = (file: OrgFile) => {
  const listed = new Set(file.teams.map((t) => t.key))
  const named = [...file.teams.map((t) => t.parent), ...file.people.map((p) => p.teamKey)]
  return [...listed, ...named.filter((key): key is string => key !== undefined && !listed.has(key))]
}

// Likewise for people: the file's own, and the managers it names without listing them.
const emailsToRead = (file: OrgFile) => {
  const listed = new Set(file.people.map((p) => p.email))
  const named = file.people.map((p) => p.managerEmail)
  return [...listed, ...named.filter((email): email is string => email !== undefined && !listed.has(email))]
}

// The repos read teams by key and people by email one at a time; each distinct one is read once.
const storedBy = <A>(keys: ReadonlyArray<string>, read: (key: string) => Effect.Effect<A | undefined, DbError>) =>
  Effect.forEach(new Set(keys), (key) => Effect.map(read(key), (found) => [key, found] as const)).pipe(
    Effect.map((entries) => {
      const found = new Map<string, A>()
      for (const [key, value] of entries) if (value !== undefined) found.set(key, value)
      return found
    }),
  )

const unknownReferences = (
  file: OrgFile,
  storedTeams: ReadonlyMap<string, Team>,
  storedPeople: ReadonlyMap<string, Person>,
): Array<OrgFileProblem> => {
  const listedTeams = new Set(file.teams.map((t) => t.key))
  const listedPeople = new Set(file.people.map((p) => p.email))
  const isTeam = (key: string) => listedTeams.has(key) || storedTeams.has(key)
  const isPerson = (email: string) => listedPeople.has(email) || storedPeople.has(email)
  const noTeam = (key: string) => `no team with key ${JSON.stringify(key)} in the file or in the database`
  const problems: Array<OrgFileProblem> = []
  file.teams.forEach(({ parent }, i) => {
    if (parent !== undefined && !isTeam(parent))
      problems.push({ path: ["teams", i, "parent"], message: noTeam(parent) })
  })
  file.people.forEach(({ teamKey, managerEmail }, i) => {
    if (!isTeam(teamKey)) problems.push({ path: ["people", i, "teamKey"], message: noTeam(teamKey) })
    if (managerEmail !== undefined && !isPerson(managerEmail)) {
      problems.push({
        path: ["people", i, "managerEmail"],
        message: `no person with email ${managerEmail} in the file or in the database`,
      })
    }
  })
  return problems
}

// Teams first, then people, each in file order, so that the message reads like the file.
const lists = ["teams", "people"]
const byPlace = (a: OrgFileProblem, b: OrgFileProblem) =>
  lists.indexOf(String(a.path[0])) - lists.indexOf(String(b.path[0])) || Number(a.path[1]) - Number(b.path[1])

/**
 * Names the place in the file of a refusal from a repo, which knows only its own input
 * (`input.hireDate`) or none.
 */
const at =
  (path: OrgFilePath) =>
  (error: Failure): Failure => {
    if (error._tag === "ConflictError") return new ConflictError({ message: `${pathText(path)}: ${error.message}` })
    if (error._tag !== "InputError") return error
    const own = `${error.path.join(".")}: `
    const message = error.message.startsWith(own) ? error.message.slice(own.length) : error.message
    return orgFileError([{ path: [...path, ...error.path.slice(1)], message }])
  }

// A file lists a team's parent or none, and parents are written before their subteams: when a
// team's parent is set, every team above it already has the parent the file gives it, so the
// repo's cycle check refuses a real cycle and no other.
const writeTeams = (
  repo: TeamRepoService,
  teams: ReadonlyArray<OrgFileTeam>,
  order: ReadonlyArray<number>,
  stored: ReadonlyMap<string, Team>,
) =>
  Effect.gen(function* () {
    const counts = { created: 0, updated: 0 }
    for (const i of order) {
      const { parent, ...team } = teams[i] as OrgFileTeam
      if (stored.has(team.key)) {
        const changes = { ...team, description: team.description ?? null, parentKey: parent ?? null }
        yield* repo.update(changes).pipe(Effect.mapError(at(["teams", i, "parent"])))
        counts.updated++
      } else {
        yield* repo
          .create(parent === undefined ? team : { ...team, parentKey: parent })
          .pipe(Effect.mapError(at(["teams", i])))
        counts.created++
      }
    }
    return counts
  })

// People are written without managers: a manager may come later in the file.
const writePeople = (
  repo: PersonRepoService,
  people: ReadonlyArray<OrgFilePerson>,
  stored: ReadonlyMap<string, Person>,
) =>
  Effect.gen(function* () {
    const counts = { created: 0, updated: 0 }
    const written: Array<Person> = []
    for (const [i, { managerEmail: _, email, ...fields }] of people.entries()) {
      const found = stored.get(email)
      const write = found === undefined ? repo.create({ ...fields, email }) : repo.update({ ...fields, id: found.id })
      written.push(yield* write.pipe(Effect.mapError(at(["people", i]))))
      counts[found === undefined ? "created" : "updated"]++
    }
    return { counts, written }
  })

/**
 * Gives each person of the file the manager it names, or none. The managers that change are
 * first removed, then the new ones set: the graph of managers then only grows towards the
 * one the file describes, so the repo's cycle check refuses a real cycle and no other.
 */
const writeManagers = (
  repo: PersonRepoService,
  people: ReadonlyArray<OrgFilePerson>,
  written: ReadonlyArray<Person>,
  stored: ReadonlyMap<string, Person>,
) =>
  Effect.gen(function* () {
    const idOf = new Map<string, PersonId>([...stored.values(), ...written].map((p) => [p.email, p.id]))
    const changes = people.flatMap(({ managerEmail }, i) => {
      const person = written[i] as Person
      const managerId = managerEmail === undefined ? null : (idOf.get(managerEmail) ?? null)
      return person.managerId === managerId ? [] : [{ i, person, managerId }]
    })
    for (const { person } of changes) {
      if (person.managerId !== null) yield* repo.setManager({ personId: person.id, managerId: null })
    }
    for (const { i, person, managerId } of changes) {
      if (managerId === null) continue
      yield* repo
        .setManager({ personId: person.id, managerId })
        .pipe(Effect.mapError(at(["people", i, "managerEmail"])))
    }
  })
