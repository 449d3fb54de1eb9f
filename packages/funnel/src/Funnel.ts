import {
  botResolved,
  complexityAt,
  complexityTimelines,
  groupsOf,
  hasHumanMessage,
  keeps,
  type MetricDefinition,
  ownerOf,
  type ReportContext,
  resolvedAt,
  roundQuotient,
  rowsOf,
} from "@teamops/kpi"
import { Effect } from "effect"

interface Layers {
  proactive: number
  readonly customers: Set<string>
  botResolved: number
  human: number
}

/** A share of the demand, to 1e-9 as every quotient of a report. */
const share = (part: number, whole: number) => (whole === 0 ? null : roundQuotient(part / whole))

const inWindow = ({ window }: ReportContext, at: number | null): at is number =>
  at !== null && at >= window.from && at < window.to && at <= window.asOf

/**
 * The conversational support funnel per group: proactive sends; self-serve demand (customers
 * who read an article and did not start a conversation within 24 hours, and cycles a bot
 * resolved); and human demand (cycles with a teammate's message). Each count keeps its basis.
 */
export const funnel: MetricDefinition = {
  key: "funnel",
  basis: "proactive: the send; assumed: the view; bot_resolved: resolution; human: cycle start",
  evaluate: (context) =>
    Effect.gen(function* () {
      const { facts, window } = context
      const asOf = window.asOf
      const groups = groupsOf<Layers>(context, () => ({ proactive: 0, customers: new Set(), botResolved: 0, human: 0 }))
      for (const send of yield* facts.proactive(window))
        groups.add(send.at, send.team_key, send.person_email).proactive++
      for (const view of yield* facts.views(window)) {
        if (view.followed === 0) groups.add(view.at, null, null).customers.add(view.customer_id)
      }
      const cycles = yield* facts.cycles(window, ["start", "resolution"])
      const timelines = yield* complexityTimelines(context, cycles)
      const count = (basis: number | null, c: (typeof cycles)[number], layer: "botResolved" | "human") => {
        if (!inWindow(context, basis)) return
        if (!keeps(context, () => complexityAt(timelines.get(c.conversation_id), basis))) return
        const owner = ownerOf(c, asOf)
        groups.add(basis, owner.team, owner.person)[layer]++
      }
      for (const c of cycles) {
        if (botResolved(c, asOf)) count(resolvedAt(c, asOf), c, "botResolved")
        if (hasHumanMessage(c, asOf)) count(c.start_at, c, "human")
      }
      return rowsOf(funnel, groups.rows(), (acc) => {
        const selfServe = acc.customers.size + acc.botResolved
        return {
          proactive: acc.proactive,
          assumed: acc.customers.size,
          bot_resolved: acc.botResolved,
          self_serve: selfServe,
          human: acc.human,
          self_serve_share: share(selfServe, selfServe + acc.human),
          human_share: share(acc.human, selfServe + acc.human),
        }
      })
    }),
}
