import { type Builder, bindRef, ownRef } from "@teamops/core"
import type { ReportRow } from "../ReportContext.js"
import type { Summary } from "../Statistics.js"
import { ComplexityRef, MetricGroupRef, MetricRowRef, ReportPeriodRef } from "./refs.js"

const pascalCase = (key: string) =>
  key
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")

/** The enums and inputs of metric questions, the `MetricRow` interface and the built-in row types. */
export const reportTypes = (builder: Builder) => {
  // An enum of report questions, bound to the reference kpi exports for other plugins' arguments.
  const sharedEnum = <T extends string>(
    ref: Parameters<typeof bindRef>[1],
    name: string,
    description: string,
    values: ReadonlyArray<T>,
  ) => bindRef(builder, ref, builder.enumType(name, { description, values }))
  const MetricGroup = sharedEnum(MetricGroupRef, "MetricGroup", "What report rows are grouped by.", [
    "team",
    "person",
    "period",
  ] as const)
  const ReportPeriod = sharedEnum(
    ReportPeriodRef,
    "ReportPeriod",
    "A local day, a week starting Monday, or a calendar month.",
    ["day", "week", "month"] as const,
  )
  const Complexity = sharedEnum(
    ComplexityRef,
    "Complexity",
    "How hard a conversation is; an untagged one counts as standard.",
    ["simple", "standard", "complex"] as const,
  )
  const ComplexityWeightsInput = builder.inputType("ComplexityWeightsInput", {
    description: "How much one conversation weighs in weighted concurrency (defaults 0.5, 1 and 2).",
    fields: (t) => ({
      simple: t.float({ required: false }),
      standard: t.float({ required: false }),
      complex: t.float({ required: false }),
    }),
  })
  const reportFields = (t: any) => ({
    groupBy: t.field({ type: [MetricGroup], required: false }),
    period: t.field({ type: ReportPeriod, required: false, description: "Required when grouping by period." }),
    timeZone: t.string({
      required: false,
      description: "IANA zone of the periods; default UTC, or the team's calendar zone when grouped by team.",
    }),
    from: t.string({ required: false, description: "RFC 3339 instant; basis instants from here (inclusive)." }),
    to: t.string({ required: false, description: "RFC 3339 instant; basis instants before this (exclusive)." }),
    asOf: t.string({ required: false, description: "RFC 3339 instant; events after it are ignored. Default now." }),
    complexity: t.field({ type: Complexity, required: false }),
    complexityWeights: t.field({ type: ComplexityWeightsInput, required: false }),
    passThreshold: t.float({ required: false, description: "The review score that passes (default 0.8)." }),
  })
  // The same options as field arguments (`team.kpis`, `person.kpis`).
  const reportArgs = (t: any) => ({
    groupBy: t.arg({ type: [MetricGroup], required: false }),
    period: t.arg({ type: ReportPeriod, required: false }),
    timeZone: t.arg.string({ required: false }),
    from: t.arg.string({ required: false }),
    to: t.arg.string({ required: false }),
    asOf: t.arg.string({ required: false }),
    complexity: t.arg({ type: Complexity, required: false }),
    complexityWeights: t.arg({ type: ComplexityWeightsInput, required: false }),
    passThreshold: t.arg.float({ required: false }),
  })
  const MetricQueryInput = builder.inputType("MetricQueryInput", {
    description: "A question to the metrics; the same fields as `teamops metric --query`.",
    fields: (t) => ({ metric: t.string({ required: true }), ...reportFields(t) }),
  })

  const SummaryType = builder.objectRef<Summary>("DurationSummary").implement({
    description: "Statistics of durations in seconds; percentiles interpolate linearly between closest ranks.",
    fields: (t) => ({
      count: t.exposeInt("count"),
      median: t.exposeFloat("median"),
      p90: t.exposeFloat("p90"),
      mean: t.exposeFloat("mean"),
      min: t.exposeFloat("min"),
      max: t.exposeFloat("max"),
    }),
  })

  // The row type of each built-in metric; a plugin's metric `some_key` answers rows of its own
  // type `SomeKeyMetricRow` when it defines one, else `MetricValuesRow`.
  const rowTypes = new Map<string, string>()
  const MetricRow = builder.interfaceType(ownRef(builder, MetricRowRef), {
    description:
      "One row of a metric report: its grouping keys (null when not grouped by them, or for no team or person), the metric and its basis.",
    resolveType: (row, _context, info) => {
      if ("aggregation" in row) return "ObservedMetricRow"
      const own = rowTypes.get(row.metric) ?? `${pascalCase(row.metric)}MetricRow`
      return info.schema.getType(own) === undefined ? "MetricValuesRow" : own
    },
    fields: (t) => ({
      metric: t.string({ resolve: (r) => r.metric }),
      basis: t.string({ description: "The instant that puts a value in a period, in words.", resolve: (r) => r.basis }),
      team: t.string({ nullable: true, resolve: (r) => r.team ?? null }),
      person: t.string({ nullable: true, description: "An email.", resolve: (r) => r.person ?? null }),
      period: t.string({
        nullable: true,
        description: "The local start date, YYYY-MM-DD.",
        resolve: (r) => r.period ?? null,
      }),
    }),
  })
  const field = (name: string) => (row: ReportRow) => (row[name] ?? null) as any
  const rowType = (name: string, description: string, metrics: ReadonlyArray<string>, fields: (t: any) => object) =>
    builder.objectRef<ReportRow>(name).implement({
      description,
      interfaces: [MetricRow],
      fields: (t) => {
        for (const metric of metrics) rowTypes.set(metric, name)
        return (fields as (t: any) => any)(t)
      },
    })
  builder.objectRef<ReportRow>("MetricValuesRow").implement({
    description: "A row of a metric a plugin added without a row type of its own: its fields as one JSON object.",
    interfaces: [MetricRow],
    fields: (t) => ({
      values: t.field({
        type: "JSON",
        resolve: ({ team: _team, person: _person, period: _period, metric: _metric, basis: _basis, ...values }) =>
          values,
      }),
    }),
  })
  builder.objectRef<ReportRow>("ObservedMetricRow").implement({
    description: "A metric a plugin declares, observed as `metric.observed` events: its values aggregated as declared.",
    interfaces: [MetricRow],
    fields: (t) => ({
      count: t.int({ description: "The observations in the group.", resolve: field("count") }),
      value: t.float({ description: "The observations aggregated as the metric declares.", resolve: field("value") }),
      aggregation: t.string({
        description: "sum, count, mean, median, p90, max or last.",
        resolve: field("aggregation"),
      }),
      unit: t.string({ description: "What one value counts or measures.", resolve: field("unit") }),
    }),
  })
  const summary = (t: any, name: string) => t.field({ type: SummaryType, nullable: true, resolve: field(name) })
  rowType(
    "DurationMetricRow",
    "A time metric: calendar and business statistics in seconds, and what was counted instead of measured.",
    ["first_response_time", "reply_time", "resolution_time", "handling_time"],
    (t) => ({
      calendar: summary(t, "calendar"),
      business: summary(t, "business"),
      unanswered: t.int({ nullable: true, description: "first_response_time only.", resolve: field("unanswered") }),
      open: t.int({ nullable: true, description: "resolution_time and handling_time only.", resolve: field("open") }),
    }),
  )
  rowType("CountMetricRow", "A count (volume).", ["volume"], (t) => ({ count: t.int({ resolve: field("count") }) }))
  rowType(
    "RateMetricRow",
    "A rate with its numerator and denominator; `rate` is null when the denominator is 0.",
    ["reopen_rate", "bot_resolution_rate", "csat_score", "csat_response_rate", "handoff_rate", "qa_pass_rate"],
    (t) => ({
      numerator: t.int({ resolve: field("numerator") }),
      denominator: t.int({ resolve: field("denominator") }),
      rate: t.float({ nullable: true, resolve: field("rate") }),
      provisional: t.boolean({
        nullable: true,
        description: "reopen_rate and bot_resolution_rate: a counted cycle may still be reopened within the limit.",
        resolve: field("provisional"),
      }),
      allNa: t.int({
        nullable: true,
        description: "qa_pass_rate: reviews with every category N/A.",
        resolve: field("all_na"),
      }),
    }),
  )
  rowType("IqsMetricRow", "The internal quality score: the mean score of the scored reviews.", ["iqs"], (t) => ({
    count: t.int({ resolve: field("count") }),
    iqs: t.float({ nullable: true, resolve: field("iqs") }),
    allNa: t.int({ resolve: field("all_na") }),
  }))
  rowType(
    "ConcurrencyMetricRow",
    "Conversations held at once: maximum and time-weighted mean, plain and weighted by complexity.",
    ["concurrency"],
    (t) => ({
      max: t.float({ resolve: field("max") }),
      mean: t.float({ resolve: field("mean") }),
      weightedMax: t.float({ resolve: field("weighted_max") }),
      weightedMean: t.float({ resolve: field("weighted_mean") }),
    }),
  )
  return { MetricRow, MetricQueryInput, reportArgs }
}
