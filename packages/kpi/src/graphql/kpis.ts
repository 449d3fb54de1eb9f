import type { Builder, SchemaKit } from "@teamops/core"
import { type Person, PersonRef, type Team, TeamRef } from "@teamops/org"
import type { GraphQLResolveInfo } from "graphql"
import { reportRows, reportRowsOfMany } from "../QueryField.js"
import { kpiKeys, kpisOf } from "../TeamKpis.js"
import { asksForFacts } from "./facts.js"
import type { reportTypes } from "./reportTypes.js"

/** The `metric` query, and the headline metrics of a team or a person (`kpis`). */
export const kpisSchema = (
  builder: Builder,
  { runQuery }: SchemaKit,
  { MetricRow, MetricQueryInput, reportArgs }: ReturnType<typeof reportTypes>,
) => {
  const whoSees = {
    team: "Seen by its members, their managers, `metrics:read` and admins.",
    person: "Seen by the person, their managers and admins.",
  }
  const kpisField = (owner: "team" | "person") => (t: any) =>
    t.field({
      type: [MetricRow],
      description: `Headline metrics of this ${owner}: the rows of each metric grouped by ${owner} (and period when asked). ${whoSees[owner]}`,
      // Anyone else reads no rows, as for a ${owner} without data; the denial is audited.
      authScopes: (parent: Team | Person) => (owner === "team" ? { teamOf: parent.id } : { careerOf: parent.id }),
      unauthorizedResolver: () => [],
      args: {
        metrics: t.arg.stringList({ required: false, description: `Default: ${kpiKeys.join(", ")}.` }),
        ...reportArgs(t),
      },
      resolve: (parent: Team | Person, args: Record<string, unknown>, context: any, info: GraphQLResolveInfo) =>
        kpisOf(
          owner,
          owner === "team" ? (parent as Team).key : (parent as Person).email,
          args,
          context,
          (queries, scope, drill) => runQuery(reportRowsOfMany(queries, scope, drill)),
          asksForFacts(info),
        ),
    })
  builder.objectField(TeamRef, "kpis", kpisField("team"))
  builder.objectField(PersonRef, "kpis", kpisField("person"))

  builder.queryField("metric", (t) =>
    t.field({
      authScopes: { scope: "metrics:read" },
      type: [MetricRow],
      description: "The rows of one metric: one per non-empty group, ordered by the grouping keys.",
      args: { query: t.arg({ type: MetricQueryInput, required: true }) },
      resolve: (_, { query }, _context, info) => runQuery(reportRows(query, ["query"], asksForFacts(info))),
    }),
  )
}
