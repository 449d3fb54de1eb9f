import { Contributions, contribute, type DbError, extensionPoint, InputError } from "@teamops/core"
import { Clock, Context, Effect, Layer, Option, Schema } from "effect"
import { CalendarRepo } from "./CalendarRepo.js"
import { concurrencyMetrics } from "./Concurrency.js"
import { cycleMetrics } from "./CycleMetrics.js"
import { FactReader, type FactScope } from "./FactReader.js"
import { compareLabels } from "./Grouping.js"
import type { MetricQuery } from "./MetricQuery.js"
import { builtInStatistics, type StatisticOf } from "./MetricStatistics.js"
import { Direction, observedMetricPoint } from "./ObservedMetric.js"
import { observedMetricReport } from "./ObservedMetrics.js"
import { qualityMetrics } from "./QualityMetrics.js"
import {
  calendarAt,
  type Evaluate,
  type MetricDefinition,
  type ReportContext,
  type ReportRow,
} from "./ReportContext.js"
import { rememberOrigins } from "./RowOrigin.js"

const snakeKey = /^(?:[a-z][a-z0-9-]*\.)?[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

/** The shape a plugin's report metric must have. */
const MetricDefinitionSchema = Schema.Struct({
  key: Schema.String.pipe(
    Schema.filter(
      (s) =>
        snakeKey.test(s) ||
        `expected a snake_case metric key such as "funnel", or one prefixed by the plugin's id such as "support.days_to_productive", got ${JSON.stringify(s)}`,
    ),
  ),
  basis: Schema.NonEmptyString,
  unit: Schema.optional(Schema.NonEmptyString),
  direction: Schema.optional(Direction),
  statistics: Schema.optional(
    Schema.Record({
      key: Schema.String,
      value: Schema.declare((u): u is StatisticOf => typeof u === "function", {
        description: "a function reading the statistic of a row",
      }),
    }),
  ),
  requires: Schema.optional(
    Schema.Array(
      Schema.declare((u): u is Context.Tag<any, any> => Context.isTag(u), { description: "a service's Context.Tag" }),
    ),
  ),
  evaluate: Schema.declare((u): u is Evaluate => typeof u === "function", {
    description: "a function computing the rows",
  }),
})

/** Where plugins add metrics the report answers, computed over the facts of the event log. */
export const metricReportPoint = extensionPoint("kpi", "metricReport", MetricDefinitionSchema)

/**
 * Offers a metric to the report (`metric(query: { metric: key })`). Its `evaluate` may use the
 * services it lists in `requires`, and only those: using another is a compile error.
 */
export const metricReport = <const Tags extends ReadonlyArray<Context.Tag<any, any>> = readonly []>(
  definition: Omit<MetricDefinition<Context.Tag.Identifier<Tags[number]>>, "requires"> & { readonly requires?: Tags },
) =>
  // The report evaluates on the host's runtime, which holds every booted plugin's services;
  // `checkMetricServices` makes sure at boot that these are among them.
  contribute(metricReportPoint, definition as unknown as MetricDefinition)

/**
 * Checks, once every plugin booted, that each contributed metric's services are provided:
 * a metric reads them when it is evaluated, on the runtime of the whole host.
 */
export const checkMetricServices = Effect.gen(function* () {
  const context = yield* Effect.context<never>()
  for (const { pluginId, value } of (yield* Contributions).of(metricReportPoint)) {
    const missing = (value.requires ?? []).find((tag) => Option.isNone(Context.getOption(context, tag)))
    if (missing !== undefined)
      return yield* Effect.fail(
        new Error(
          `metric "${value.key}" of plugin "${pluginId}" requires the service "${missing.key}", which no booted plugin provides`,
        ),
      )
  }
})

/** The metrics every report answers without plugins. */
export const builtInMetrics: ReadonlyArray<MetricDefinition> = [
  ...cycleMetrics,
  ...qualityMetrics,
  ...concurrencyMetrics,
]

/** A key with a dot names the plugin that defines it: no plugin defines a metric in another's name. */
const ownKey = (pluginId: string, key: string) => {
  const dot = key.indexOf(".")
  if (dot === -1 || key.slice(0, dot) === pluginId) return Effect.void
  return Effect.fail(new Error(`metric "${key}" is prefixed by another plugin's id: expected "${pluginId}."`))
}

const far = Number.MAX_SAFE_INTEGER

/**
 * The zone a row's period was computed in (docs/metrics.md, section 9): the query's, else the
 * zone of the row's team's calendar in force on its first day, else UTC.
 */
const periodZone = (context: ReportContext, row: ReportRow) =>
  context.query.timeZone ??
  (context.query.groupBy.includes("team") && row.period !== undefined
    ? calendarAt(context, row.team ?? null, Date.parse(`${row.period}T12:00:00Z`))?.timeZone
    : undefined) ??
  "UTC"
const reportsAtOnce = 2

export interface MetricsService {
  /** The keys of every metric the report answers. */
  readonly keys: ReadonlyArray<string>
  /** A metric the report answers, with its statistics; undefined for an unknown key. */
  readonly definition: (key: string) => MetricDefinition | undefined
  /**
   * The rows of a decoded query, one per non-empty group, in the order of the grouping keys.
   * `at` names where the query came from in messages (`["query"]` for a GraphQL argument).
   */
  readonly report: (
    query: MetricQuery,
    at?: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<ReportRow>, InputError | DbError>
  /**
   * The rows of several queries, read together: the calendars once, and each fact once for
   * every query asking for it (the metrics of a dashboard share their window's facts).
   */
  readonly reports: (
    queries: ReadonlyArray<MetricQuery>,
    options?: ReportOptions,
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<ReportRow>>, InputError | DbError>
}

export interface ReportOptions {
  /** Where the queries came from, in messages (`["query"]` for a GraphQL argument). */
  readonly at?: ReadonlyArray<string>
  /** The owners whose rows are wanted: rows of others may be left out. */
  readonly scope?: FactScope | undefined
  /** Drill-down: every row keeps the facts it counted (`factsOf`). */
  readonly drill?: boolean
}

export class Metrics extends Context.Tag("@teamops/kpi/Metrics")<Metrics, MetricsService>() {
  static readonly layer = Layer.effect(
    Metrics,
    Effect.gen(function* () {
      const facts = yield* FactReader
      const calendarRepo = yield* CalendarRepo
      const contributions = yield* Contributions
      const observed = contributions.of(observedMetricPoint)
      const contributed = [
        ...contributions.of(metricReportPoint),
        ...observed.map((c) => ({ pluginId: c.pluginId, value: observedMetricReport(c.value) })),
      ]
      yield* Effect.forEach(contributed, ({ pluginId, value }) => ownKey(pluginId, value.key), { discard: true })
      const definitions = new Map(
        [...builtInMetrics, ...contributed.map((c) => c.value)].map((d) => [
          d.key,
          { ...d, statistics: d.statistics ?? builtInStatistics[d.key] ?? {} } as MetricDefinition,
        ]),
      )
      const keys = [...definitions.keys()]

      const definitionOf = (query: MetricQuery, at: ReadonlyArray<string>) => {
        const definition = definitions.get(query.metric)
        if (definition !== undefined) return Effect.succeed(definition)
        const path = [...at, "metric"]
        return new InputError({
          message: `${path.join(".")}: unknown metric ${JSON.stringify(query.metric)} (known: ${keys.join(", ")})`,
          path,
        })
      }

      // Reports hold their facts in memory while they compute, and compute on the one thread
      // of the process: a few at a time answer as fast as more would, in bounded memory.
      const permits = yield* Effect.makeSemaphore(reportsAtOnce)

      const reports = (queries: ReadonlyArray<MetricQuery>, options: ReportOptions = {}) =>
        Effect.gen(function* () {
          const at = options.at ?? []
          const asked = yield* Effect.forEach(queries, (query) => definitionOf(query, at))
          const now = yield* Clock.currentTimeMillis
          // One read of the calendars and of each fact, whatever the number of metrics.
          const calendars = yield* calendarRepo.all
          const shared = facts.shared(options.scope)
          return yield* Effect.forEach(queries, (query, i) => {
            const window = { from: query.from ?? -far, to: query.to ?? far, asOf: query.asOf ?? now }
            const context = { query, window, facts: shared, calendars, drill: options.drill === true }
            return Effect.map((asked[i] as MetricDefinition).evaluate(context), (rows) => {
              rememberOrigins(rows, query, window.asOf, options.scope, (row) => periodZone(context, row))
              return [...rows].sort((a, b) => compareLabels(query.groupBy, a, b))
            })
          })
        }).pipe(permits.withPermits(1))

      const report = (query: MetricQuery, at: ReadonlyArray<string> = []) =>
        Effect.map(reports([query], { at }), (rows) => rows[0] as ReadonlyArray<ReportRow>)
      return { keys, definition: (key) => definitions.get(key), report, reports }
    }),
  )
}
