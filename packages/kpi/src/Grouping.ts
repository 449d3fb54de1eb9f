import { localDate, type Period } from "@teamops/core"
import type { GroupKey } from "./MetricQuery.js"

/** The grouping keys of a report row; a key not grouped by is left out. */
export interface GroupLabels {
  team?: string | null
  person?: string | null
  period?: string
}

export interface GroupingOptions {
  readonly groupBy: ReadonlyArray<GroupKey>
  readonly period: Period | undefined
  /** The zone periods are computed in; when absent, the team's zone (grouped by team) or UTC. */
  readonly timeZone: string | undefined
  /** The zone of the calendar version of `team` in force at `at`, if it has one. */
  readonly zoneOfTeam: (team: string | null, at: number) => string | undefined
}

/**
 * The local start date of the period (a day, a week from Monday, a month) holding `date`:
 * the label core's `periodStart` gives, computed on the date alone.
 */
export const periodOfDate = (date: string, period: Period): string => {
  if (period === "day") return date
  if (period === "month") return `${date.slice(0, 8)}01`
  const day = new Date(`${date}T00:00:00Z`)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10)
}

const quarterHour = 15 * 60_000
const clockFormats = new Map<string, Intl.DateTimeFormat>()

/** Milliseconds since local midnight of an instant in a zone (zone offsets are whole seconds). */
const localClock = (at: number, timeZone: string): number => {
  let format = clockFormats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
    clockFormats.set(timeZone, format)
  }
  const [h, m, sec] = format.format(at).split(":").map(Number) as [number, number, number]
  return ((h * 60 + m) * 60 + sec) * 1000 + (((at % 1000) + 1000) % 1000)
}

/** Labels of whole quarters of an hour, by period, zone and quarter; bounded, as a zone's labels never change. */
const quarters = new Map<string, string | null>()
const quartersKept = 200_000

/**
 * The label of the period holding `at` in `timeZone`, remembered per quarter of an hour:
 * a report labels every value it counts, and thousands of them fall in each quarter. When
 * the local clock runs on through a quarter without a jump (no change of offset) and without
 * passing midnight, every instant of it has the date of its first; any other quarter is
 * labelled instant by instant.
 */
const periodLabel = (at: number, timeZone: string, period: Period) => {
  const exact = (instant: number) => periodOfDate(localDate(instant, timeZone), period)
  const start = at - (((at % quarterHour) + quarterHour) % quarterHour)
  const key = `${period}\u0000${timeZone}\u0000${start}`
  let label = quarters.get(key)
  if (label === undefined) {
    const end = start + quarterHour - 1
    const steady = localClock(end, timeZone) - localClock(start, timeZone) === end - start
    label = steady ? exact(start) : null
    if (quarters.size >= quartersKept) quarters.clear()
    quarters.set(key, label)
  }
  return label ?? exact(at)
}

/** A label as part of a group's key: null told apart from any text, absent from both. */
const part = (label: string | null | undefined) => (label === null ? "\u0001" : (label ?? ""))

/** The key of a group: its labels. */
const groupKey = (labels: GroupLabels) => `${part(labels.team)}\u0000${part(labels.person)}\u0000${part(labels.period)}`

/** Rows by group: `add` finds (or opens) the group of a value, `rows` lists the groups in order. */
export const grouping = <Acc>(options: GroupingOptions, open: () => Acc) => {
  const groups = new Map<string, { labels: GroupLabels; acc: Acc }>()
  const byTeam = options.groupBy.includes("team")
  const byPerson = options.groupBy.includes("person")
  const byPeriod = options.groupBy.includes("period") && options.period !== undefined

  const zoneAt = (team: string | null, at: number) =>
    options.timeZone ?? (byTeam ? options.zoneOfTeam(team, at) : undefined) ?? "UTC"

  /** The labels of a value counted at `basis`, held by `team` and `person`. */
  const labelsOf = (basis: number, team: string | null, person: string | null): GroupLabels => {
    const labels: GroupLabels = {}
    for (const key of options.groupBy) {
      if (key === "team") labels.team = team
      else if (key === "person") labels.person = person
      else if (byPeriod) labels.period = periodLabel(basis, zoneAt(team, basis), options.period as Period)
    }
    return labels
  }

  const groupOf = (labels: GroupLabels) => {
    const key = groupKey(labels)
    let group = groups.get(key)
    if (group === undefined) {
      group = { labels, acc: open() }
      groups.set(key, group)
    }
    return group.acc
  }

  return {
    byTeam,
    byPerson,
    byPeriod,
    zoneAt,
    labelsOf,
    groupOf,
    // The group of each value is found by its key alone: its labels are made once, for a new group.
    add: (basis: number, team: string | null, person: string | null) => {
      const period = byPeriod ? periodLabel(basis, zoneAt(team, basis), options.period as Period) : undefined
      const key = `${byTeam ? part(team) : ""}\u0000${byPerson ? part(person) : ""}\u0000${part(period)}`
      const group = groups.get(key)
      return group === undefined ? groupOf(labelsOf(basis, team, person)) : group.acc
    },
    rows: () => [...groups.values()].sort((a, b) => compareLabels(options.groupBy, a.labels, b.labels)),
  }
}

export const compareLabels = (order: ReadonlyArray<GroupKey>, a: GroupLabels, b: GroupLabels) => {
  for (const key of order) {
    const [x, y] = [a[key] ?? null, b[key] ?? null]
    if (x === y) continue
    if (x === null) return -1
    if (y === null) return 1
    return x < y ? -1 : 1
  }
  return 0
}
