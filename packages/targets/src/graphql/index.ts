import { type Builder, InputError, payload, type SchemaKit, withInput } from "@teamops/core"
import { attainment, ComplexityRef, MetricRowRef, type ReportRow } from "@teamops/kpi"
import { Clock, Effect, Schema } from "effect"
import { judgementOf } from "../RowJudgement.js"
import { type Band, type Target, TargetInput } from "../Target.js"
import { TargetBook } from "../TargetBook.js"
import { inForceAt } from "../TargetList.js"
import { TargetRepo } from "../TargetRepo.js"

const SetTargetsInput = Schema.Struct({ targets: Schema.Array(TargetInput) })

const instant = (at: number | null) => (at === null ? null : new Date(at).toISOString())

/** `targets`, `setTargets`, and the status, target and attainment of every metric row. */
export const targetsSchema = (builder: Builder, { run, runQuery }: SchemaKit) => {
  const StatusType = builder.enumType("TargetStatus", {
    description:
      "How a figure stands against its target: within good, within acceptable, outside both, or not enough data to judge.",
    values: ["on_track", "watch", "off_track", "no_data"] as const,
  })
  const ScopeKindType = builder.enumType("TargetScopeKind", {
    description: "Who a target is for, from the most specific.",
    values: ["person", "level", "team", "organisation"] as const,
  })
  const BandType = builder.objectRef<Band>("TargetBand").implement({
    description: "A range of values, both ends included; a missing end does not limit.",
    fields: (t) => ({
      min: t.float({ nullable: true, resolve: (b) => b.min ?? null }),
      max: t.float({ nullable: true, resolve: (b) => b.max ?? null }),
    }),
  })
  const ScopeType = builder.objectRef<Target["scope"]>("TargetScope").implement({
    description: "Who a target is for: a person (email), a level (`ladder/level`), a team (key) or the organisation.",
    fields: (t) => ({
      kind: t.field({ type: ScopeKindType, resolve: (s) => s.kind }),
      key: t.string({ nullable: true, resolve: (s) => s.key }),
    }),
  })
  const TargetType = builder.objectRef<Target>("Target").implement({
    description: "A version of a target: bands for one statistic of a metric, for a scope, in force from an instant.",
    fields: (t) => ({
      id: t.string({ nullable: true, description: "Null for a plugin's default.", resolve: (v) => v.id }),
      metric: t.string({ resolve: (v) => v.metric }),
      statistic: t.string({ resolve: (v) => v.statistic }),
      scope: t.field({ type: ScopeType, resolve: (v) => v.scope }),
      complexity: t.field({
        type: ComplexityRef,
        nullable: true,
        description: "The tier the target is for; null: every tier.",
        resolve: (v) => v.complexity,
      }),
      good: t.field({
        type: BandType,
        nullable: true,
        description: "Null: the target ends here.",
        resolve: (v) => v.good,
      }),
      acceptable: t.field({
        type: BandType,
        nullable: true,
        description: "Null: anything outside good is off track.",
        resolve: (v) => v.acceptable,
      }),
      effectiveFrom: t.string({
        nullable: true,
        description: "RFC 3339; null: in force since always (a plugin's default).",
        resolve: (v) => instant(v.effectiveFrom),
      }),
      contributedBy: t.string({
        nullable: true,
        description: "The plugin whose default this is; null for a target that was set.",
        resolve: (v) => v.contributedBy,
      }),
    }),
  })

  const statisticArg = (t: any) =>
    t.arg.string({ required: false, description: "Judge this statistic; default: the first that has a target." })
  type StatisticArgs = { statistic?: unknown }
  const asked = (args: StatisticArgs) => (typeof args.statistic === "string" ? args.statistic : undefined)
  builder.interfaceFields(MetricRowRef, (t) => ({
    status: t.field({
      type: StatusType,
      nullable: true,
      description:
        "How the row stands against the target in force at the start of its period; null when no target applies. Seen by whoever sees the row.",
      args: { statistic: statisticArg(t) },
      resolve: async (row: ReportRow, args: StatisticArgs, context: any) =>
        (await judgementOf(context, row, asked(args)))?.status ?? null,
    }),
    target: t.field({
      type: TargetType,
      nullable: true,
      description: "The target the row was judged by, with its scope. Seen by whoever sees the row.",
      args: { statistic: statisticArg(t) },
      resolve: async (row: ReportRow, args: StatisticArgs, context: any) =>
        (await judgementOf(context, row, asked(args)))?.target ?? null,
    }),
    attainment: t.float({
      nullable: true,
      description:
        "Time metrics: the share of the row's measured calendar values within the target's good band (both ends included); null without a target or values.",
      args: { statistic: statisticArg(t) },
      resolve: async (row: ReportRow, args: StatisticArgs, context: any) => {
        const judgement = await judgementOf(context, row, asked(args))
        return judgement?.target.good == null ? null : attainment(row, judgement.target.good)
      },
    }),
  }))

  builder.queryField("targets", (t) =>
    t.field({
      type: [TargetType],
      authScopes: { scope: "metrics:read" },
      description:
        "The targets in force at `asOf` (default now), plugins' defaults included; with `history`, every version ever set. Seen with `metrics:read` and by admins.",
      args: {
        metric: t.arg.string({ required: false }),
        asOf: t.arg.string({ required: false, description: "RFC 3339 instant." }),
        history: t.arg.boolean({ required: false, defaultValue: false }),
      },
      resolve: (_, args) =>
        runQuery(
          withInput(
            Schema.Struct({
              metric: Schema.optionalWith(Schema.String, { nullable: true }),
              asOf: Schema.optionalWith(Schema.DateFromString, { nullable: true }),
              history: Schema.optionalWith(Schema.Boolean, { nullable: true }),
            }),
            args,
            ({ metric, asOf, history }) =>
              Effect.gen(function* () {
                const versions = yield* Effect.flatMap(TargetBook, (b) => b.versions)
                const ofMetric = versions.filter((v) => metric === undefined || v.metric === metric)
                const at = asOf?.getTime() ?? (yield* Clock.currentTimeMillis)
                return history === true ? ofMetric : inForceAt(ofMetric, at)
              }),
          ),
        ),
    }),
  )

  const BandInput = builder.inputType("TargetBandInput", {
    fields: (t) => ({ min: t.float({ required: false }), max: t.float({ required: false }) }),
  })
  const ScopeInput = builder.inputType("TargetScopeInput", {
    fields: (t) => ({
      kind: t.field({ type: ScopeKindType, required: true }),
      key: t.string({
        required: false,
        description: "An email, `ladder/level`, or a team key; none for the organisation.",
      }),
    }),
  })
  const TargetInputType = builder.inputType("TargetInput", {
    description: "A new version of a target (docs/targets.md).",
    fields: (t) => ({
      metric: t.string({ required: true }),
      statistic: t.string({
        required: true,
        description: "median, p90, mean, max, rate, count, or a plugin metric's aggregation.",
      }),
      scope: t.field({ type: ScopeInput, required: false, description: "Default: the organisation." }),
      complexity: t.field({ type: ComplexityRef, required: false }),
      good: t.field({
        type: BandInput,
        required: false,
        description: "Required; null ends the target from effectiveFrom.",
      }),
      acceptable: t.field({ type: BandInput, required: false, description: "Must contain good." }),
      effectiveFrom: t.string({ required: true, description: "RFC 3339 instant." }),
    }),
  })
  const SetTargetsInputType = builder.inputType("SetTargetsInput", {
    fields: (t) => ({ targets: t.field({ type: [TargetInputType], required: true }) }),
  })
  builder.mutationField("setTargets", (t) =>
    t.field({
      authScopes: { admin: true },
      type: [TargetType],
      description:
        "Adds versions of targets, all or none; earlier versions stay and judge the periods they cover. Admins only.",
      args: { input: t.arg({ type: SetTargetsInputType, required: true }) },
      errors: payload("SetTargets", "targets", [InputError]),
      resolve: (_, { input }) =>
        run(
          withInput(SetTargetsInput, input, (i) =>
            Effect.flatMap(TargetRepo, (repo) => repo.set(i.targets, ["input", "targets"])),
          ),
        ),
    }),
  )
}
