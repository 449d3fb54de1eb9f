import { localDate, weeklyMinutes } from "@teamops/core"
import type { Person } from "@teamops/org"
import { Array as Arr } from "effect"
import type { AorConfig } from "./AorConfig.js"
import type { Area, Contribution, Ownership } from "./Area.js"
import type { AreaActivity } from "./AreaRepo.js"

// The health of areas, as of one instant: every rule of the report from plain values, with
// no database, so that each rule can be read and tested on its own.

export interface OrphanedArea {
  readonly area: Area
  readonly reason: string
}
export interface OverloadedPerson {
  readonly person: Person
  readonly hours: number
  readonly allowance: number
  readonly reason: string
}
export interface CrowdedArea {
  readonly area: Area
  readonly contributors: number
  readonly reason: string
}
export interface StaleArea {
  readonly area: Area
  /** RFC 3339: the latest of the area's creation, work and confirmation. */
  readonly lastLookedAfter: string
  readonly reason: string
}
export interface PersonWithoutArea {
  readonly person: Person
  readonly tenureDays: number
  readonly reason: string
}
export interface NewcomerWithArea {
  readonly person: Person
  readonly areas: ReadonlyArray<Area>
  readonly tenureDays: number
  readonly reason: string
}
/** How much of a person's week areas take, and what stays for the frontline. */
export interface AreaLoad {
  readonly person: Person
  readonly areaHours: number
  readonly workingHours: number
  /** 1 − area hours ÷ weekly working hours; null for someone without working hours. */
  readonly frontlineShare: number | null
}

export interface AreaHealth {
  readonly asOf: string
  readonly orphaned: ReadonlyArray<OrphanedArea>
  readonly overloaded: ReadonlyArray<OverloadedPerson>
  readonly tooManyCooks: ReadonlyArray<CrowdedArea>
  readonly stale: ReadonlyArray<StaleArea>
  readonly withoutArea: ReadonlyArray<PersonWithoutArea>
  readonly tooEarly: ReadonlyArray<NewcomerWithArea>
  readonly people: ReadonlyArray<AreaLoad>
}

/** Everything the report reads, as of `asOf`. */
export interface HealthFacts {
  readonly asOf: string
  /** Areas that existed and were not retired at `asOf`. */
  readonly areas: ReadonlyArray<Area>
  readonly owners: ReadonlyArray<Ownership>
  readonly contributions: ReadonlyArray<Contribution>
  readonly activity: ReadonlyArray<AreaActivity>
  /** Everyone the areas and the report name, by id. */
  readonly people: ReadonlyMap<string, Person>
  /** The ladder level of people who have one, by person id. */
  readonly levels: ReadonlyMap<string, string>
}

/** Which areas and people a report is about: one team's, or the whole organisation's. */
export interface HealthScope {
  readonly teamId: string | null
}

const dayMs = 86_400_000

const round = (n: number) => Math.round(n * 100) / 100

/** The date of `asOf` where the person lives: leaving and tenure count in their days. */
const dateOf = (asOf: string, person: Person) => localDate(Date.parse(asOf), person.timeZone)

/** Whether the person had left by `asOf`: from their leave date on, to the day. */
export const hasLeft = (person: Person, asOf: string) => person.leftOn !== null && person.leftOn <= dateOf(asOf, person)

/** Whole days from the hire date to `asOf`. */
export const tenureDays = (person: Person, asOf: string) =>
  Math.round((Date.parse(dateOf(asOf, person)) - Date.parse(person.hireDate)) / dayMs)

export const workingHoursOf = (person: Person) => weeklyMinutes(person.workingHours) / 60

/** The hours a week areas may take of the person: a share of their working hours, by ladder level. */
export const allowanceOf = (person: Person, level: string | undefined, config: AorConfig) =>
  round(
    workingHoursOf(person) *
      ((level === undefined ? undefined : config.allowanceShareByLevel[level]) ?? config.allowanceShare),
  )

const label = (person: Person) => `${person.name} (${person.email})`

/** Why an area has nobody looking after it, or undefined when its owner does. */
export const orphanReason = (owner: Ownership | undefined, person: Person | undefined, asOf: string) => {
  if (owner === undefined || person === undefined) return "nobody owns it"
  if (hasLeft(person, asOf)) return `its owner ${label(person)} left on ${person.leftOn}`
  if (person.teamId !== owner.teamId) return `its owner ${label(person)} moved to another team`
  return undefined
}

/** The latest of the area's creation, recorded work and confirmation. */
export const lastLookedAfter = (area: Area, activity: AreaActivity | undefined) => {
  const times = [area.createdAt]
  if (activity?.lastWorkOn) times.push(`${activity.lastWorkOn}T00:00:00.000Z`)
  if (activity?.lastConfirmedAt) times.push(activity.lastConfirmedAt)
  return times.reduce((a, b) => (a > b ? a : b))
}

/** The report of `scope` from `facts`, with the limits of `config`. */
export const areaHealth = (facts: HealthFacts, scope: HealthScope, config: AorConfig): AreaHealth => {
  const { asOf } = facts
  const ownerOf = new Map(facts.owners.map((o) => [o.areaId, o]))
  const activityOf = new Map(facts.activity.map((a) => [a.areaId, a]))
  const contributorsOf = Arr.groupBy(facts.contributions, (c) => c.areaId)
  const inScope = (teamId: string) => scope.teamId === null || scope.teamId === teamId
  const areas = facts.areas.filter((a) => a.status === "active" || (a.retiredAt !== null && a.retiredAt > asOf))
  const areaById = new Map(areas.map((a) => [a.id, a]))

  const orphaned = areas.flatMap((area) => {
    if (!inScope(area.teamId)) return []
    const owner = ownerOf.get(area.id)
    const reason = orphanReason(owner, owner && facts.people.get(owner.personId), asOf)
    return reason === undefined ? [] : [{ area, reason }]
  })

  const tooManyCooks = areas.flatMap((area) => {
    const contributors = contributorsOf[area.id]?.length ?? 0
    if (!inScope(area.teamId) || contributors <= config.maxContributors) return []
    return [
      {
        area,
        contributors,
        reason: `${contributors} contributors, more than the limit of ${config.maxContributors}`,
      },
    ]
  })

  const stale = areas.flatMap((area) => {
    if (!inScope(area.teamId)) return []
    const last = lastLookedAfter(area, activityOf.get(area.id))
    const days = (Date.parse(asOf) - Date.parse(last)) / dayMs
    if (days <= area.reviewEveryDays) return []
    return [
      {
        area,
        lastLookedAfter: last,
        reason: `no work recorded and no confirmation for ${Math.floor(days)} days, more than the ${area.reviewEveryDays} days of its review`,
      },
    ]
  })

  // Hours of each person over every area, whichever team's: a week is a week.
  const hoursOf = new Map<string, number>()
  const ownedBy = new Map<string, Array<Area>>()
  for (const o of facts.owners) {
    const area = areaById.get(o.areaId)
    if (area === undefined) continue
    hoursOf.set(o.personId, (hoursOf.get(o.personId) ?? 0) + area.weeklyHours)
    ownedBy.set(o.personId, [...(ownedBy.get(o.personId) ?? []), area])
  }
  for (const c of facts.contributions) {
    if (!areaById.has(c.areaId)) continue
    hoursOf.set(c.personId, (hoursOf.get(c.personId) ?? 0) + c.weeklyHours)
  }

  const population = [...facts.people.values()]
    .filter((p) => !hasLeft(p, asOf) && p.hireDate <= dateOf(asOf, p) && inScope(p.teamId))
    .sort((a, b) => (a.email < b.email ? -1 : 1))

  const overloaded = population.flatMap((person) => {
    const hours = round(hoursOf.get(person.id) ?? 0)
    const allowance = allowanceOf(person, facts.levels.get(person.id), config)
    if (hours <= allowance) return []
    return [{ person, hours, allowance, reason: `${hours} hours a week in areas, above the allowance of ${allowance}` }]
  })

  const withoutArea = population.flatMap((person) => {
    const tenure = tenureDays(person, asOf)
    if (tenure <= config.firstMonthsDays || hoursOf.has(person.id)) return []
    return [
      {
        person,
        tenureDays: tenure,
        reason: `${tenure} days in the organisation, past the first ${config.firstMonthsDays}, and owns or contributes to no area`,
      },
    ]
  })

  const tooEarly = population.flatMap((person) => {
    const tenure = tenureDays(person, asOf)
    const owned = ownedBy.get(person.id) ?? []
    if (tenure > config.firstMonthsDays || owned.length === 0) return []
    return [
      {
        person,
        areas: owned,
        tenureDays: tenure,
        reason: `owns ${owned.map((a) => a.key).join(", ")} after ${tenure} days, within the first ${config.firstMonthsDays}`,
      },
    ]
  })

  const people = population.map((person) => {
    const areaHours = round(hoursOf.get(person.id) ?? 0)
    const workingHours = round(workingHoursOf(person))
    return {
      person,
      areaHours,
      workingHours,
      frontlineShare: workingHours === 0 ? null : round(1 - areaHours / workingHours),
    }
  })

  return { asOf, orphaned, overloaded, tooManyCooks, stale, withoutArea, tooEarly, people }
}
