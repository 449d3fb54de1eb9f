import { Effect } from "effect"
import { complexityAt } from "./CycleView.js"
import {
  complexityTimelines,
  groupsOf,
  keeps,
  type MetricDefinition,
  note,
  type ReportContext,
  rowsOf,
} from "./ReportContext.js"
import { meanOf, rate, roundQuotient } from "./Statistics.js"

interface Scores {
  readonly scores: Array<number>
  allNa: number
}

/**
 * Reviews in the window by group: the reviewee is the person; the team is the one the reviewed
 * conversation was assigned to at the review, or else the reviewee's own team.
 */
const scoresOf = (context: ReportContext) =>
  Effect.gen(function* () {
    const reviews = yield* context.facts.reviews(context.window)
    const timelines = yield* complexityTimelines(context, reviews)
    const groups = groupsOf<Scores>(context, () => ({ scores: [], allNa: 0 }))
    for (const r of reviews) {
      const changes = r.conversation_id === null ? undefined : timelines.get(r.conversation_id)
      if (!keeps(context, () => complexityAt(changes, r.at))) continue
      const acc = groups.add(r.at, r.conversation_team ?? r.reviewee_team, r.reviewee)
      if (r.score === null) acc.allNa++
      // A score is a weighted mean: compared with the pass threshold to 1e-9, as it is shown.
      else acc.scores.push(roundQuotient(r.score))
      note(context, acc, () => ({
        conversationId: r.conversation_id,
        cycle: null,
        person: r.reviewee,
        team: r.conversation_team ?? r.reviewee_team,
        at: r.at,
        value: r.score === null ? null : roundQuotient(r.score),
        reason: r.score === null ? "not_applicable" : null,
      }))
    }
    return groups.rows()
  })

const iqs: MetricDefinition = {
  key: "iqs",
  basis: "review",
  evaluate: (context) =>
    Effect.map(scoresOf(context), (groups) =>
      rowsOf(iqs, groups, (acc) => ({
        count: acc.scores.length,
        iqs: meanOf(acc.scores),
        all_na: acc.allNa,
      })),
    ),
}

const qaPassRate: MetricDefinition = {
  key: "qa_pass_rate",
  basis: "review",
  evaluate: (context) =>
    Effect.map(scoresOf(context), (groups) =>
      rowsOf(qaPassRate, groups, (acc) => ({
        ...rate(acc.scores.filter((s) => s >= context.query.passThreshold).length, acc.scores.length),
        all_na: acc.allNa,
      })),
    ),
}

/** The internal quality score and pass rate of reviews. */
export const qualityMetrics: ReadonlyArray<MetricDefinition> = [iqs, qaPassRate]
