import { type WeeklyHours, weekdays } from "@teamops/core"
import { Either } from "effect"
import type { OrgFileDraft, OrgFilePerson, OrgFileProblem, OrgFileTeam } from "./OrgFile.js"
import type { Person } from "./Person.js"
import type { Team } from "./Team.js"

// What an organisation file would change, worked out before anything is written: the
// problems of its references (checked against the file and what is stored), and for each
// team and person whether it is created, updated (and which fields) or left unchanged.

/** What is stored that a file refers to: its teams and people, with every team and manager above them. */
export interface StoredOrg {
  readonly teams: ReadonlyArray<Team>
  readonly people: ReadonlyArray<Person>
}

export type Change = "created" | "updated" | "unchanged"

/** A field that changes, from the stored value to the file's. */
export interface FieldChange {
  readonly from: unknown
  readonly to: unknown
}

/** What happens to one team of the file. */
export interface TeamChange {
  readonly key: string
  readonly change: Change
  /** The fields that change, for an update. */
  readonly fields?: Readonly<Record<string, FieldChange>>
}

/** What happens to one person of the file. */
export interface PersonChange {
  readonly email: string
  readonly change: Change
  /** The fields that change, for an update. */
  readonly fields?: Readonly<Record<string, FieldChange>>
}

export interface PlannedTeam {
  readonly index: number
  readonly team: OrgFileTeam
  readonly stored: Team | undefined
  readonly fields: Readonly<Record<string, FieldChange>>
}

export interface PlannedPerson {
  readonly index: number
  readonly person: OrgFilePerson
  readonly stored: Person | undefined
  readonly fields: Readonly<Record<string, FieldChange>>
  /** The manager the person ends up with. */
  readonly managerEmail: string | null
  /** The leave date the person ends up with. */
  readonly leftOn: string | null
}

/** The writes of a file: teams in an order that writes parents first, people in file order. */
export interface OrgPlan {
  readonly teams: ReadonlyArray<PlannedTeam>
  readonly people: ReadonlyArray<PlannedPerson>
}

export const changeOf = (planned: { readonly stored: unknown; readonly fields: object }): Change =>
  planned.stored === undefined ? "created" : Object.keys(planned.fields).length > 0 ? "updated" : "unchanged"

// The first position of each key; a later row with the same key is a problem at that row.
const firstPositions = <T>(
  rows: ReadonlyArray<T | undefined>,
  list: string,
  field: string,
  keyOf: (row: T) => string,
  problems: Array<OrgFileProblem>,
) => {
  const first = new Map<string, number>()
  rows.forEach((row, i) => {
    if (row === undefined) return
    const key = keyOf(row)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else
      problems.push({
        path: [list, i, field],
        message: `${JSON.stringify(key)} is also the ${field} of ${list}[${earlier}]`,
      })
  })
  return first
}

/**
 * The cycles of a graph in which each node has at most one node above it, that go through a
 * node of `starts`: each once, as the nodes from one to the one whose next is the first again.
 */
const cyclesThrough = (starts: Iterable<string>, up: (node: string) => string | undefined) => {
  const done = new Set<string>()
  const cycles: Array<Array<string>> = []
  for (const start of starts) {
    const walk: Array<string> = []
    const at = new Map<string, number>()
    let node: string | undefined = start
    while (node !== undefined && !done.has(node) && !at.has(node)) {
      at.set(node, walk.length)
      walk.push(node)
      node = up(node)
    }
    if (node !== undefined && at.has(node)) cycles.push(walk.slice(at.get(node)))
    for (const n of walk) done.add(n)
  }
  return cycles
}

/** A cycle as a loop that starts and ends at the node of the file that comes first. */
const loopFrom = (cycle: ReadonlyArray<string>, positionOf: ReadonlyMap<string, number>) => {
  const listed = cycle.filter((n) => positionOf.has(n))
  if (listed.length === 0) return undefined
  const first = listed.reduce((a, b) => ((positionOf.get(a) as number) <= (positionOf.get(b) as number) ? a : b))
  const i = cycle.indexOf(first)
  return { first, loop: [...cycle.slice(i), ...cycle.slice(0, i + 1)] }
}

// Working hours compare day by day, whatever the order of their fields.
const same = (a: unknown, b: unknown) =>
  typeof a === "object" && a !== null && typeof b === "object" && b !== null
    ? weekdays.every((day) => JSON.stringify((a as WeeklyHours)[day]) === JSON.stringify((b as WeeklyHours)[day]))
    : a === b

/**
 * Checks the references of a file against itself and what is stored, and plans its writes.
 * The problems are every row listed twice, every field a new team or person needs and lacks,
 * every team, parent or manager that is neither listed nor stored, every cycle of parents or
 * managers the file would form, and every leave date before a hire date; `known` are the
 * problems of the file's form found before, whose fields are not checked again.
 */
export const planOrg = (
  draft: OrgFileDraft,
  stored: StoredOrg,
  today: (timeZone: string) => string,
  known: ReadonlyArray<OrgFileProblem> = [],
): Either.Either<OrgPlan, ReadonlyArray<OrgFileProblem>> => {
  const problems: Array<OrgFileProblem> = []
  const wrong = (list: string, i: number, field: string) =>
    known.some((p) => p.path[0] === list && p.path[1] === i && p.path[2] === field)

  const teamById = new Map(stored.teams.map((t) => [t.id as string, t]))
  const storedTeam = new Map(stored.teams.map((t) => [t.key, t]))
  const personById = new Map(stored.people.map((p) => [p.id as string, p]))
  const storedPerson = new Map(stored.people.map((p) => [p.email, p]))

  const teamAt = firstPositions(draft.teams, "teams", "key", (t) => t.key, problems)
  const personAt = firstPositions(draft.people, "people", "email", (p) => p.email, problems)
  const listedTeam = (key: string) => draft.teams[teamAt.get(key) as number] as OrgFileTeam | undefined
  const listedPerson = (email: string) => draft.people[personAt.get(email) as number] as OrgFilePerson | undefined
  const isTeam = (key: string) => teamAt.has(key) || storedTeam.has(key)
  const isPerson = (email: string) => personAt.has(email) || storedPerson.has(email)
  const noTeam = (key: string) => `no team with key ${JSON.stringify(key)} in the file or in the database`

  // The parent and the manager each team and person ends up with.
  const storedParentKey = (team: Team | undefined) =>
    team?.parentId == null ? null : (teamById.get(team.parentId)?.key ?? null)
  const storedManagerEmail = (person: Person | undefined) =>
    person?.managerId == null ? null : (personById.get(person.managerId)?.email ?? null)
  const parentOf = (key: string): string | null => {
    const listed = listedTeam(key)
    return listed?.parentKey !== undefined ? listed.parentKey : storedParentKey(storedTeam.get(key))
  }
  const managerOf = (email: string): string | null => {
    const listed = listedPerson(email)
    return listed?.managerEmail !== undefined ? listed.managerEmail : storedManagerEmail(storedPerson.get(email))
  }

  for (const [key, i] of teamAt) {
    const team = draft.teams[i] as OrgFileTeam
    if (!storedTeam.has(key) && team.name === undefined && !wrong("teams", i, "name")) {
      problems.push({ path: ["teams", i, "name"], message: "is missing: a team not stored yet needs a name" })
    }
    if (typeof team.parentKey === "string" && !isTeam(team.parentKey)) {
      problems.push({ path: ["teams", i, "parentKey"], message: noTeam(team.parentKey) })
    }
  }
  for (const cycle of cyclesThrough(teamAt.keys(), (key) => parentOf(key) ?? undefined)) {
    const found = loopFrom(cycle, teamAt)
    if (found === undefined) continue
    problems.push({
      path: ["teams", teamAt.get(found.first) as number, "parentKey"],
      message: `a parent cycle would form: ${found.loop.map((k) => JSON.stringify(k)).join(" is inside ")}`,
    })
  }

  const needed = ["name", "teamKey", "timeZone"] as const
  for (const [email, i] of personAt) {
    const person = draft.people[i] as OrgFilePerson
    const was = storedPerson.get(email)
    if (was === undefined) {
      for (const field of needed) {
        if (person[field] === undefined && !wrong("people", i, field)) {
          problems.push({
            path: ["people", i, field],
            message: "is missing: a person not stored yet needs name, teamKey and timeZone",
          })
        }
      }
    }
    if (person.teamKey !== undefined && !isTeam(person.teamKey)) {
      problems.push({ path: ["people", i, "teamKey"], message: noTeam(person.teamKey) })
    }
    if (typeof person.managerEmail === "string" && !isPerson(person.managerEmail)) {
      problems.push({
        path: ["people", i, "managerEmail"],
        message: `no person with email ${person.managerEmail} in the file or in the database`,
      })
    }
    if (!wrong("people", i, "hireDate") && !wrong("people", i, "leftOn")) {
      const timeZone = person.timeZone ?? was?.timeZone
      const hireDate = person.hireDate ?? was?.hireDate ?? (timeZone === undefined ? undefined : today(timeZone))
      const leftOn = person.leftOn !== undefined ? person.leftOn : (was?.leftOn ?? null)
      if (hireDate !== undefined && leftOn !== null && leftOn < hireDate) {
        problems.push(
          person.leftOn === undefined
            ? { path: ["people", i, "hireDate"], message: `${hireDate} is after the leave date ${leftOn}` }
            : {
                path: ["people", i, "leftOn"],
                message: `the leave date ${leftOn} is before the hire date ${hireDate}`,
              },
        )
      }
    }
  }
  for (const cycle of cyclesThrough(personAt.keys(), (email) => managerOf(email) ?? undefined)) {
    const found = loopFrom(cycle, personAt)
    if (found === undefined) continue
    problems.push({
      path: ["people", personAt.get(found.first) as number, "managerEmail"],
      message:
        cycle.length === 1
          ? `${found.first} cannot be their own manager`
          : `a manager cycle would form: ${found.loop.join(" is managed by ")}`,
    })
  }

  if (problems.length > 0 || known.length > 0) return Either.left([...known, ...problems])

  // Parents first: each team comes after every team of the file above it, whatever the order
  // of the file, so that the store's own cycle check, which sees the parents written so far,
  // refuses a real cycle and no other.
  const placed = new Set<string>()
  const order: Array<string> = []
  for (const key of teamAt.keys()) {
    const chain: Array<string> = []
    for (let k: string | null = key; k !== null && !placed.has(k); k = parentOf(k)) {
      placed.add(k)
      if (teamAt.has(k)) chain.push(k)
    }
    order.push(...chain.reverse())
  }

  const teams = order.map((key): PlannedTeam => {
    const index = teamAt.get(key) as number
    const team = draft.teams[index] as OrgFileTeam
    const was = storedTeam.get(key)
    const fields: Record<string, FieldChange> = {}
    if (was !== undefined) {
      if (team.name !== undefined && team.name !== was.name) fields.name = { from: was.name, to: team.name }
      const parentKey = storedParentKey(was)
      if (team.parentKey !== undefined && team.parentKey !== parentKey) {
        fields.parentKey = { from: parentKey, to: team.parentKey }
      }
      if (team.description !== undefined && team.description !== was.description) {
        fields.description = { from: was.description, to: team.description }
      }
      if (team.defaultAnnualSalary !== undefined && team.defaultAnnualSalary !== was.defaultAnnualSalary) {
        fields.defaultAnnualSalary = { from: was.defaultAnnualSalary, to: team.defaultAnnualSalary }
      }
    }
    return { index, team, stored: was, fields }
  })

  const people = [...personAt].map(([email, index]): PlannedPerson => {
    const person = draft.people[index] as OrgFilePerson
    const was = storedPerson.get(email)
    const managerEmail = managerOf(email)
    const leftOn = person.leftOn !== undefined ? person.leftOn : (was?.leftOn ?? null)
    const fields: Record<string, FieldChange> = {}
    if (was !== undefined) {
      const before = {
        name: was.name,
        teamKey: teamById.get(was.teamId)?.key,
        timeZone: was.timeZone,
        hireDate: was.hireDate,
        workingHours: was.workingHours,
        annualSalary: was.annualSalary,
      }
      for (const field of ["name", "teamKey", "timeZone", "hireDate", "workingHours", "annualSalary"] as const) {
        const to = person[field]
        if (to !== undefined && !same(to, before[field])) fields[field] = { from: before[field], to }
      }
      const manager = storedManagerEmail(was)
      if (managerEmail !== manager) fields.managerEmail = { from: manager, to: managerEmail }
      if (leftOn !== was.leftOn) fields.leftOn = { from: was.leftOn, to: leftOn }
    }
    return { index, person, stored: was, fields, managerEmail, leftOn }
  })

  return Either.right({ teams, people })
}
