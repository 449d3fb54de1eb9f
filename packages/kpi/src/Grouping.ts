import type { Period } from "@teamops/core"
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

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The local date of an instant in a zone, `YYYY-MM-DD`. Reports label every value they count,
 * so this reads the date with one cached formatter instead of building zoned date-times.
 */
export const localDate = (at: number, timeZone: string): string => {
  let format = dateFormats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    dateFormats.set(timeZone, format)
  }
  return format.format(at)
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
      else if (byPeriod) labels.period = periodOfDate(localDate(basis, zoneAt(team, basis)), options.period as Period)
    }
    return labels
  }

  const groupOf = (labels: GroupLabels) => {
    const key = JSON.stringify([labels.team, labels.person, labels.period])
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
    add: (basis: number, team: string | null, person: string | null) => groupOf(labelsOf(basis, team, person)),
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
