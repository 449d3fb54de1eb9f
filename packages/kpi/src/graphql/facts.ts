import { type Builder, listConnection, type RequestContext, requestLoader } from "@teamops/core"
import { Effect } from "effect"
import { type GraphQLResolveInfo, Kind, type SelectionNode } from "graphql"
import type { FactScope } from "../FactReader.js"
import { factsOf, type MetricFact } from "../MetricFacts.js"
import type { MetricQuery } from "../MetricQuery.js"
import { Metrics } from "../MetricReport.js"
import type { ReportRow } from "../ReportContext.js"
import { originOf } from "../RowOrigin.js"
import { MetricRowRef } from "./refs.js"

const labelsKey = (row: ReportRow) => JSON.stringify([row.team, row.person, row.period])

interface DrillQuestion {
  readonly query: MetricQuery
  readonly scope: FactScope | null
}

/** The positions of the questions limited to each set of owners. */
const byScope = (questions: ReadonlyArray<DrillQuestion>) => {
  const groups = new Map<string, { scope: FactScope | undefined; at: Array<number> }>()
  questions.forEach(({ scope }, i) => {
    const key = JSON.stringify(scope)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, { scope: scope ?? undefined, at: [i] })
    else group.at.push(i)
  })
  return [...groups.values()]
}

// Each question of a request asked again once in drill-down mode, whatever the number of
// rows whose facts are listed: its rows by their grouping keys. Questions limited to the same
// owners are asked together, so their facts are read once and only for those owners.
const drillLoader = requestLoader("kpi", "drill", (keys: ReadonlyArray<string>) =>
  Effect.flatMap(Metrics, (metrics) => {
    const questions = keys.map((key) => JSON.parse(key) as DrillQuestion)
    const groups = byScope(questions)
    return Effect.map(
      Effect.forEach(groups, ({ scope, at }) =>
        metrics.reports(
          at.map((i) => (questions[i] as DrillQuestion).query),
          { drill: true, scope },
        ),
      ),
      (answers) => {
        const rowsOf = new Array<ReadonlyArray<ReportRow>>(keys.length)
        for (const [g, { at }] of groups.entries()) {
          for (const [j, i] of at.entries()) rowsOf[i] = answers[g]?.[j] ?? []
        }
        return rowsOf.map((rows) => new Map(rows.map((row) => [labelsKey(row), factsOf(row) ?? []])))
      },
    )
  }),
)

/**
 * Whether the rows a field answers are asked for their facts: then the report keeps them as
 * it computes, instead of being asked again for them.
 */
export const asksForFacts = (info: GraphQLResolveInfo) => {
  const asks = (selections: ReadonlyArray<SelectionNode>): boolean =>
    selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === "facts"
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet.selections)
      const fragment = info.fragments[selection.name.value]
      return fragment !== undefined && asks(fragment.selectionSet.selections)
    })
  return info.fieldNodes.some((node) => asks(node.selectionSet?.selections ?? []))
}

/**
 * The facts a row counted: those it kept, when its report was asked for them, or else its
 * question asked again, as of the same instant, in drill-down mode.
 */
export const rowFacts = async (context: RequestContext, row: ReportRow): Promise<ReadonlyArray<MetricFact>> => {
  const kept = factsOf(row)
  if (kept !== undefined) return kept
  const origin = originOf(row)
  if (origin === undefined) return []
  const question: DrillQuestion = { query: { ...origin.query, asOf: origin.asOf }, scope: origin.scope ?? null }
  return (await drillLoader(context).load(JSON.stringify(question))).get(labelsKey(row)) ?? []
}

const position = (i: number) => String(i).padStart(9, "0")

/** `facts` on every metric row: what it counted, as a connection. */
export const factsSchema = (builder: Builder) => {
  const MetricFactType = builder.objectRef<MetricFact & { readonly index: number }>("MetricFact").implement({
    description:
      "One thing a row counted: a cycle, reply, rating, review or observation, whom it belonged to, its basis instant and the value it contributed, or why it was counted instead of measured.",
    fields: (t) => ({
      conversationId: t.string({ nullable: true, resolve: (f) => f.conversationId }),
      cycle: t.int({ nullable: true, resolve: (f) => f.cycle }),
      person: t.string({ nullable: true, description: "The owner's email.", resolve: (f) => f.person }),
      team: t.string({ nullable: true, resolve: (f) => f.team }),
      at: t.string({ description: "The basis instant, RFC 3339.", resolve: (f) => new Date(f.at).toISOString() }),
      value: t.float({
        nullable: true,
        description:
          "Seconds for a time metric; 1 or 0 for a rate (in the numerator or not); 1 for a count; the rating of a CSAT score; a review's score; an observation's value. Null when counted, not measured.",
        resolve: (f) => f.value,
      }),
      reason: t.string({
        nullable: true,
        description: "unanswered, open, withdrawn or not_applicable; null when measured.",
        resolve: (f) => f.reason,
      }),
    }),
  })
  builder.interfaceField(MetricRowRef, "facts", (t) =>
    t.connection({
      type: MetricFactType,
      description:
        "What the row counted, by basis instant; empty for concurrency, which measures time. Seen by whoever sees the row.",
      resolve: async (row, args, context) => {
        const facts = (await rowFacts(context, row)).map((fact, index) => ({ ...fact, index }))
        return listConnection(args, {
          list: async (page) => {
            const after = page.after === undefined ? -1 : Number(page.after[0])
            return facts.slice(after + 1, after + 2 + page.limit)
          },
          count: async () => facts.length,
          cursorOf: (fact) => [position(fact.index)],
        })
      },
    }),
  )
}
