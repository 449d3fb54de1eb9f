import type { Builder, SchemaKit } from "@teamops/core"
import { ComplexityRef, MetricGroupRef, MetricRowRef, ReportPeriodRef, type ReportRow, reportRows } from "@teamops/kpi"

/** The funnel row type of metric reports, and the `funnel` query. */
export const funnelSchema = (builder: Builder, { runQuery }: SchemaKit) => {
  const field = (name: string) => (row: ReportRow) => (row[name] ?? null) as any
  const FunnelRow = builder.objectRef<ReportRow>("FunnelMetricRow").implement({
    description:
      "The support funnel of a group: every count, so each share can be recomputed. Shares are of self-serve plus human demand.",
    // kpi answers rows of the metric `funnel` with this type, by its name.
    interfaces: [MetricRowRef],
    fields: (t) => ({
      proactive: t.int({ description: "Proactive messages sent.", resolve: field("proactive") }),
      assumed: t.int({
        description: "Customers who viewed an article and started no conversation within 24 hours.",
        resolve: field("assumed"),
      }),
      botResolved: t.int({ description: "Cycles a bot resolved without a teammate.", resolve: field("bot_resolved") }),
      selfServe: t.int({ description: "assumed + botResolved.", resolve: field("self_serve") }),
      human: t.int({ description: "Cycles with a teammate's message.", resolve: field("human") }),
      selfServeShare: t.float({ nullable: true, resolve: field("self_serve_share") }),
      humanShare: t.float({ nullable: true, resolve: field("human_share") }),
    }),
  })

  builder.queryFields((t) => ({
    funnel: t.field({
      authScopes: { scope: "metrics:read" },
      type: [FunnelRow],
      description: 'The funnel report: the rows of `metric(query: { metric: "funnel", ... })`.',
      args: {
        groupBy: t.arg({ type: [MetricGroupRef], required: false }),
        period: t.arg({ type: ReportPeriodRef, required: false }),
        timeZone: t.arg.string({ required: false }),
        from: t.arg.string({ required: false }),
        to: t.arg.string({ required: false }),
        asOf: t.arg.string({ required: false }),
        complexity: t.arg({ type: ComplexityRef, required: false }),
      },
      resolve: (_, args) => runQuery(reportRows({ ...args, metric: "funnel" }, [])),
    }),
  }))
}
