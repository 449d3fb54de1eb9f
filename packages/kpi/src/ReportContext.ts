import type { DbError } from "@teamops/core"
import { type Context, Effect } from "effect"
import { businessMillis, type CalendarVersion, versionAt } from "./Calendar.js"
import type { Complexity } from "./Event.js"
import type { ComplexityChange, FactReaderService, Window } from "./FactReader.js"
import { type GroupLabels, grouping } from "./Grouping.js"
import { keepFacts, type MetricFact, noteFact } from "./MetricFacts.js"
import type { MetricQuery } from "./MetricQuery.js"
import type { MetricStatistics } from "./MetricStatistics.js"

/** Everything a metric reads to answer one query. */
export interface ReportContext {
  readonly query: MetricQuery
  readonly window: Window
  readonly facts: FactReaderService
  readonly calendars: ReadonlyMap<string, ReadonlyArray<CalendarVersion>>
  /** In drill-down mode, metrics note what each group counted ({@link note}). */
  readonly drill?: boolean
}

/** A row of a report: its grouping keys, the metric, its basis in words, and the metric's fields. */
export type ReportRow = GroupLabels & { readonly metric: string; readonly basis: string } & Record<string, unknown>

/** Computes the rows of one metric, with the services `R` of the plugin that defines it. */
export type Evaluate<R = never> = (context: ReportContext) => Effect.Effect<ReadonlyArray<ReportRow>, DbError, R>

/** A metric the report can answer: its key, the instant that places a value in a period, and how to compute it. */
export interface MetricDefinition<R = never> {
  readonly key: string
  readonly basis: string
  /** What one value counts or measures, for metrics of plugins: "meetings", "days". */
  readonly unit?: string
  /** Whether a higher value is better (`up`) or a lower one (`down`). */
  readonly direction?: "up" | "down"
  /** The statistics of its rows a target may judge, by name (`median`, `rate`, `sum`). */
  readonly statistics?: MetricStatistics
  /**
   * The services `evaluate` uses, from its plugin's layer or those of its dependencies; the
   * boot stops, naming the service, when no booted plugin provides one.
   */
  readonly requires?: ReadonlyArray<Context.Tag<any, any>>
  readonly evaluate: Evaluate<R>
}

/** The calendar version of a team in force at `at`. */
export const calendarAt = (context: ReportContext, team: string | null, at: number) =>
  team === null ? undefined : versionAt(context.calendars.get(team) ?? [], at)

/**
 * The business length in seconds of `[start, end)` for `team`: its overlap with the open hours
 * of the team's calendar version in force at `start`; `null` without a team or calendar.
 */
export const businessSeconds = (context: ReportContext, team: string | null, start: number, end: number) => {
  const version = calendarAt(context, team, start)
  return version === undefined ? null : businessMillis(version, start, end) / 1000
}

/** Groups of a report, with periods in the query's zone or the team's. */
export const groupsOf = <Acc>(context: ReportContext, open: () => Acc) =>
  grouping(
    {
      groupBy: context.query.groupBy,
      period: context.query.period,
      timeZone: context.query.timeZone,
      zoneOfTeam: (team, at) => calendarAt(context, team, at)?.timeZone,
    },
    open,
  )

/** Whether a value whose complexity is `complexity` is kept by the query's complexity filter. */
export const keeps = (context: ReportContext, complexity: () => Complexity) =>
  context.query.complexity === undefined || complexity() === context.query.complexity

/**
 * The complexity changes of the conversations of `rows` (those with a conversation), read only
 * when the query filters on complexity: no statement otherwise.
 */
export const complexityTimelines = (
  context: ReportContext,
  rows: ReadonlyArray<{ readonly conversation_id: string | null }>,
): Effect.Effect<ReadonlyMap<string, ReadonlyArray<ComplexityChange>>, DbError> =>
  context.query.complexity === undefined
    ? Effect.succeed(new Map())
    : context.facts.complexityOf(
        [...new Set(rows.flatMap((r) => (r.conversation_id === null ? [] : [r.conversation_id])))],
        context.window.asOf,
      )

/** The report rows of filled groups; in drill-down mode, each with the facts its group noted. */
export const rowsOf = <Acc>(
  definition: { readonly key: string; readonly basis: string },
  groups: ReadonlyArray<{ labels: GroupLabels; acc: Acc }>,
  fields: (acc: Acc) => Record<string, unknown>,
): ReadonlyArray<ReportRow> =>
  groups.map(({ labels, acc }) => {
    const row = { ...labels, metric: definition.key, basis: definition.basis, ...fields(acc) }
    keepFacts(acc as object, row)
    return row
  })

/** Notes a fact of the group of `acc`, in drill-down mode only: `fact` is not even made otherwise. */
export const note = (context: ReportContext, acc: object, fact: () => MetricFact) => {
  if (context.drill === true) noteFact(acc, fact())
}
