import { LocalDate } from "@teamops/core"
import { Schema } from "effect"
import type { Person } from "./Person.js"

// Workforce figures of a period: who was here, for how long, who left, and what their leaving
// costs. Every definition is in docs/workforce.md; the rules are here, without any store.

/**
 * A period of local dates, both included. Dates are compared as the organisation records them
 * (a hire date, a leave date), with no time zone.
 */
export const WorkforcePeriod = Schema.Struct({ from: LocalDate, to: LocalDate }).pipe(
  Schema.filter((period) =>
    period.from <= period.to
      ? undefined
      : { path: ["to"], message: `expected a date on or after from (${period.from}), got ${period.to}` },
  ),
)
export type WorkforcePeriod = typeof WorkforcePeriod.Type

/** How long people have been here, in bands; a year is 365 days. */
export const TenureBand = Schema.Literal(
  "under-90-days",
  "90-days-to-1-year",
  "1-to-2-years",
  "2-to-5-years",
  "5-years",
)
export type TenureBand = typeof TenureBand.Type

/** The bands in order, each with the tenure in days from which it starts. */
export const tenureBands: ReadonlyArray<readonly [TenureBand, number]> = [
  ["under-90-days", 0],
  ["90-days-to-1-year", 90],
  ["1-to-2-years", 365],
  ["2-to-5-years", 730],
  ["5-years", 1825],
]

/** The band of a tenure in days. */
export const bandOf = (days: number): TenureBand =>
  tenureBands.reduce((band, [next, from]) => (days >= from ? next : band), "under-90-days" as TenureBand)

const dayMillis = 86_400_000

/** Days from one local date to another (negative when `to` is earlier). */
export const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMillis)

/** A person's tenure at the end of a period: to its last day, or to their leave date when they left before. */
export interface PersonTenure {
  readonly person: Person
  readonly days: number
  readonly band: TenureBand
}

/** A person whose leave date falls in the period. */
export interface Departure extends PersonTenure {
  readonly leftOn: string
  /** Their annual salary, else their team's default; null when neither is known. */
  readonly annualSalary: number | null
}

export interface Workforce {
  readonly period: WorkforcePeriod
  readonly headcountAtStart: number
  readonly headcountAtEnd: number
  readonly averageHeadcount: number
  /** Everyone here on at least one day of the period, ordered by email. */
  readonly tenure: ReadonlyArray<PersonTenure>
  /** Every band, in order, with how many of `tenure` it holds. */
  readonly tenureBands: ReadonlyArray<{ readonly band: TenureBand; readonly count: number }>
  readonly departures: ReadonlyArray<Departure>
  /** Departures ÷ average headcount; null when nobody was here. */
  readonly turnoverRate: number | null
  /** See {@link turnoverCostOf}. */
  readonly turnoverCost: number | null
  /** Departures whose salary is not known, which the cost leaves out. */
  readonly uncostedDepartures: number
  readonly replacementCostRate: number
}

/**
 * Whether `person` was here on `day`: hired on or before it and not gone. `leftOn` is the last
 * day worked (docs/org.md), so a person counts on their leave date and not after.
 */
export const presentOn = (person: Person, day: string) =>
  person.hireDate <= day && (person.leftOn === null || day <= person.leftOn)

/** How many of the period's days `person` was here. */
const daysPresent = (person: Person, { from, to }: WorkforcePeriod) => {
  const first = person.hireDate > from ? person.hireDate : from
  const last = person.leftOn !== null && person.leftOn < to ? person.leftOn : to
  return Math.max(0, daysFrom(first, last) + 1)
}

/** The money figures round to the cent, so that both stores and every order of sums agree. */
const cents = (amount: number) => Math.round(amount * 100) / 100

/**
 * What the period's departures cost: the sum of their known annual salaries times the
 * replacement cost rate. 0 with no departures; null when there were departures and none of
 * their salaries is known, since 0 would read as "leaving cost nothing".
 */
export const turnoverCostOf = (departures: ReadonlyArray<Departure>, rate: number): number | null => {
  const known = departures.flatMap((d) => (d.annualSalary === null ? [] : [d.annualSalary]))
  if (departures.length > 0 && known.length === 0) return null
  return cents(known.reduce((sum, salary) => sum + salary, 0) * rate)
}

/**
 * The figures of `people` over `period`. `people` may hold anyone: those not here during the
 * period are left out. `salaryOf` answers a person's annual salary, or their team's default.
 */
export const workforceOf = (
  people: ReadonlyArray<Person>,
  period: WorkforcePeriod,
  salaryOf: (person: Person) => number | null,
  replacementCostRate: number,
): Workforce => {
  const present = people.filter((p) => daysPresent(p, period) > 0).sort((a, b) => (a.email < b.email ? -1 : 1))
  const tenureOf = (person: Person): PersonTenure => {
    const end = person.leftOn !== null && person.leftOn < period.to ? person.leftOn : period.to
    const days = daysFrom(person.hireDate, end)
    return { person, days, band: bandOf(days) }
  }
  const tenure = present.map(tenureOf)
  const departures = tenure.flatMap((t): Array<Departure> => {
    const leftOn = t.person.leftOn
    return leftOn !== null && leftOn >= period.from && leftOn <= period.to
      ? [{ ...t, leftOn, annualSalary: salaryOf(t.person) }]
      : []
  })
  const periodDays = daysFrom(period.from, period.to) + 1
  const averageHeadcount = present.reduce((sum, p) => sum + daysPresent(p, period), 0) / periodDays
  return {
    period,
    headcountAtStart: present.filter((p) => presentOn(p, period.from)).length,
    headcountAtEnd: present.filter((p) => presentOn(p, period.to)).length,
    averageHeadcount,
    tenure,
    tenureBands: tenureBands.map(([band]) => ({ band, count: tenure.filter((t) => t.band === band).length })),
    departures,
    turnoverRate: averageHeadcount === 0 ? null : departures.length / averageHeadcount,
    turnoverCost: turnoverCostOf(departures, replacementCostRate),
    uncostedDepartures: departures.filter((d) => d.annualSalary === null).length,
    replacementCostRate,
  }
}
