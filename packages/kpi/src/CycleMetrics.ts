import type { DbError } from "@teamops/core"
import { Effect } from "effect"
import { businessMillis } from "./Calendar.js"
import {
  botResolved,
  complexityAt,
  day,
  firstResponse,
  hasBotMessage,
  hasHandoff,
  ownerOf,
  reopenedWithin,
  resolvedAt,
  resolvedByBot,
  waitingStart,
} from "./CycleView.js"
import type { ComplexityChange, CycleBasis, CycleRow } from "./FactReader.js"
import type { MetricFact } from "./MetricFacts.js"
import {
  businessSeconds,
  calendarAt,
  complexityTimelines,
  groupsOf,
  keeps,
  type MetricDefinition,
  note,
  type ReportContext,
  rowsOf,
} from "./ReportContext.js"
import { rate, summarize } from "./Statistics.js"

/** Calendar and business durations of a group, in seconds. */
interface Durations {
  readonly calendar: Array<number>
  readonly business: Array<number>
}

const durations = (): Durations => ({ calendar: [], business: [] })

const push = (acc: Durations, calendar: number, business: number | null) => {
  acc.calendar.push(calendar)
  if (business !== null) acc.business.push(business)
}

const summaries = (acc: Durations) => ({ calendar: summarize(acc.calendar), business: summarize(acc.business) })

/** Loads the cycles of the window, and their complexity timelines when the query filters on it. */
const loadCycles = (context: ReportContext, bases: ReadonlyArray<CycleBasis>, withRating = false) =>
  Effect.gen(function* () {
    const cycles = yield* context.facts.cycles(context.window, bases, { withRating })
    return { cycles, timelines: yield* complexityTimelines(context, cycles) }
  })

const inWindow = (context: ReportContext, at: number | null): at is number =>
  at !== null && at >= context.window.from && at < context.window.to && at <= context.window.asOf

/**
 * Visits each cycle whose basis instant (as `basisOf` picks it) falls in the window and whose
 * complexity there the query keeps.
 */
const eachCycle = (
  context: ReportContext,
  cycles: ReadonlyArray<CycleRow>,
  timelines: ReadonlyMap<string, ReadonlyArray<ComplexityChange>>,
  basisOf: (c: CycleRow) => number | null,
  visit: (c: CycleRow, basis: number) => void,
) => {
  for (const c of cycles) {
    const basis = basisOf(c)
    if (!inWindow(context, basis)) continue
    if (!keeps(context, () => complexityAt(timelines.get(c.conversation_id), basis))) continue
    visit(c, basis)
  }
}

const byStart = (c: CycleRow) => c.start_at

/** A fact of a cycle (or a reply or rating of one) for the drill-down. */
const factOf = (
  c: { readonly conversation_id: string; readonly cycle: number },
  owner: { readonly person: string | null; readonly team: string | null },
  at: number,
  value: number | null,
  reason: MetricFact["reason"] = null,
): MetricFact => ({ conversationId: c.conversation_id, cycle: c.cycle, ...owner, at, value, reason })

const firstResponseTime: MetricDefinition = {
  key: "first_response_time",
  basis: "cycle start",
  evaluate: (context) =>
    Effect.gen(function* () {
      const asOf = context.window.asOf
      const { cycles, timelines } = yield* loadCycles(context, ["start"])
      const groups = groupsOf(context, () => ({ ...durations(), unanswered: 0 }))
      eachCycle(context, cycles, timelines, byStart, (c, basis) => {
        const waiting = waitingStart(c, asOf)
        if (waiting === null) return
        const owner = ownerOf(c, asOf)
        const response = firstResponse(c, asOf)
        if (response !== null) {
          const acc = groups.add(basis, owner.team, owner.person)
          push(acc, (response - waiting) / 1000, businessSeconds(context, owner.team, waiting, response))
          note(context, acc, () => factOf(c, owner, basis, (response - waiting) / 1000))
        } else if (!resolvedByBot(c, asOf)) {
          const acc = groups.add(basis, owner.team, owner.person)
          acc.unanswered++
          note(context, acc, () => factOf(c, owner, basis, null, "unanswered"))
        }
      })
      return rowsOf(firstResponseTime, groups.rows(), (acc) => ({ ...summaries(acc), unanswered: acc.unanswered }))
    }),
}

const replyTime: MetricDefinition = {
  key: "reply_time",
  basis: "the replying message.human",
  evaluate: (context) =>
    Effect.gen(function* () {
      const asOf = context.window.asOf
      const replies = yield* context.facts.replies(context.window)
      const timelines = yield* complexityTimelines(context, replies)
      const groups = groupsOf(context, durations)
      for (const r of replies) {
        if (!keeps(context, () => complexityAt(timelines.get(r.conversation_id), r.human_at))) continue
        const owner = ownerOf(r as unknown as CycleRow, asOf)
        const acc = groups.add(r.human_at, owner.team, owner.person)
        push(acc, (r.human_at - r.customer_at) / 1000, businessSeconds(context, owner.team, r.customer_at, r.human_at))
        note(context, acc, () => factOf(r, owner, r.human_at, (r.human_at - r.customer_at) / 1000))
      }
      return rowsOf(replyTime, groups.rows(), summaries)
    }),
}

/** The calendar and business length of a resolved cycle owned by `team`. */
type Measure = (c: CycleRow, team: string | null) => { calendar: number; business: number | null }

/** A metric measured on resolved cycles at their resolution, open cycles counted at their start. */
const untilResolution = (
  key: string,
  measure: (context: ReportContext) => Effect.Effect<Measure, DbError>,
): MetricDefinition => {
  const definition: MetricDefinition = {
    key,
    basis: "resolution (open cycles: cycle start)",
    evaluate: (context) =>
      Effect.gen(function* () {
        const asOf = context.window.asOf
        const { cycles, timelines } = yield* loadCycles(context, ["start", "resolution"])
        const lengthOf = yield* measure(context)
        const groups = groupsOf(context, () => ({ ...durations(), open: 0 }))
        eachCycle(
          context,
          cycles,
          timelines,
          (c) => resolvedAt(c, asOf),
          (c, basis) => {
            const owner = ownerOf(c, asOf)
            const value = lengthOf(c, owner.team)
            const acc = groups.add(basis, owner.team, owner.person)
            push(acc, value.calendar, value.business)
            note(context, acc, () => factOf(c, owner, basis, value.calendar))
          },
        )
        eachCycle(
          context,
          cycles,
          timelines,
          (c) => (resolvedAt(c, asOf) === null ? c.start_at : null),
          (c, basis) => {
            const owner = ownerOf(c, asOf)
            const acc = groups.add(basis, owner.team, owner.person)
            acc.open++
            note(context, acc, () => factOf(c, owner, basis, null, "open"))
          },
        )
        return rowsOf(definition, groups.rows(), (acc) => ({ ...summaries(acc), open: acc.open }))
      }),
  }
  return definition
}

const resolutionTime = untilResolution("resolution_time", (context) =>
  Effect.succeed((c: CycleRow, team: string | null) => ({
    calendar: ((c.resolved_at as number) - c.start_at) / 1000,
    business: businessSeconds(context, team, c.start_at, c.resolved_at as number),
  })),
)

/** Time assigned to a person within the cycle; business time by the calendar in force at the cycle's start. */
const handlingTime = untilResolution("handling_time", (context) =>
  Effect.map(context.facts.spansOfResolved(context.window), (spans) => {
    const byCycle = new Map<string, Array<{ start: number; end: number }>>()
    for (const s of spans) {
      if (s.end_at === null) continue
      const key = `${s.conversation_id}\u0000${s.cycle}`
      const list = byCycle.get(key) ?? []
      list.push({ start: s.start_at, end: s.end_at })
      byCycle.set(key, list)
    }
    return (c: CycleRow, team: string | null) => {
      const assigned = byCycle.get(`${c.conversation_id}\u0000${c.cycle}`) ?? []
      const version = calendarAt(context, team, c.start_at)
      let calendar = 0
      let business = 0
      for (const span of assigned) {
        calendar += span.end - span.start
        if (version !== undefined) business += businessMillis(version, span.start, span.end)
      }
      return { calendar: calendar / 1000, business: version === undefined ? null : business / 1000 }
    }
  }),
)

const volume: MetricDefinition = {
  key: "volume",
  basis: "cycle start",
  evaluate: (context) =>
    Effect.gen(function* () {
      const asOf = context.window.asOf
      const { cycles, timelines } = yield* loadCycles(context, ["start"])
      const groups = groupsOf(context, () => ({ count: 0 }))
      eachCycle(
        context,
        cycles,
        timelines,
        (c) => (c.cycle === 1 ? c.start_at : null),
        (c, basis) => {
          const owner = ownerOf(c, asOf)
          const acc = groups.add(basis, owner.team, owner.person)
          acc.count++
          note(context, acc, () => factOf(c, owner, basis, 1))
        },
      )
      return rowsOf(volume, groups.rows(), (acc) => ({ count: acc.count }))
    }),
}

/** A rate over cycles: which cycles it counts, which of them are in the numerator, and whether a row is provisional. */
const cycleRate = (options: {
  readonly key: string
  readonly basis: CycleBasis
  readonly withRating?: boolean
  readonly denominator: (c: CycleRow, asOf: number) => boolean
  readonly numerator: (c: CycleRow, asOf: number) => boolean
  readonly provisional?: (c: CycleRow, asOf: number) => boolean
  /** Why a counted cycle is not in the numerator, when the drill-down should say. */
  readonly reasonOf?: (c: CycleRow, asOf: number) => MetricFact["reason"]
}): MetricDefinition => {
  const definition: MetricDefinition = {
    key: options.key,
    basis: options.basis === "start" ? "cycle start" : "resolution",
    evaluate: (context) =>
      Effect.gen(function* () {
        const asOf = context.window.asOf
        const { cycles, timelines } = yield* loadCycles(context, [options.basis], options.withRating)
        const basisOf = options.basis === "start" ? byStart : (c: CycleRow) => resolvedAt(c, asOf)
        const groups = groupsOf(context, () => ({ numerator: 0, denominator: 0, provisional: false }))
        eachCycle(context, cycles, timelines, basisOf, (c, basis) => {
          const inDenominator = options.denominator(c, asOf)
          const inNumerator = options.numerator(c, asOf)
          if (!inDenominator && !inNumerator) return
          const owner = ownerOf(c, asOf)
          const acc = groups.add(basis, owner.team, owner.person)
          if (inDenominator) acc.denominator++
          if (inNumerator) acc.numerator++
          note(context, acc, () => factOf(c, owner, basis, inNumerator ? 1 : 0, options.reasonOf?.(c, asOf) ?? null))
          if (options.provisional?.(c, asOf)) acc.provisional = true
        })
        return rowsOf(definition, groups.rows(), (acc) => ({
          ...rate(acc.numerator, acc.denominator),
          ...(options.provisional === undefined ? {} : { provisional: acc.provisional }),
        }))
      }),
  }
  return definition
}

const week = 7 * day

const reopenRate = cycleRate({
  key: "reopen_rate",
  basis: "resolution",
  denominator: () => true,
  numerator: (c, asOf) => reopenedWithin(c, week, asOf),
  provisional: (c, asOf) => asOf - (c.resolved_at as number) < week,
})

const botResolutionRate = cycleRate({
  key: "bot_resolution_rate",
  basis: "resolution",
  denominator: hasBotMessage,
  numerator: botResolved,
  // Resolved by a bot, then reopened within the day: counted, but not as a bot resolution.
  reasonOf: (c, asOf) =>
    resolvedByBot(c, asOf) && c.first_human_at === null && !botResolved(c, asOf) ? "withdrawn" : null,
  provisional: (c, asOf) => hasBotMessage(c, asOf) && resolvedByBot(c, asOf) && asOf - (c.resolved_at as number) < day,
})

const handoffRate = cycleRate({
  key: "handoff_rate",
  basis: "start",
  denominator: hasBotMessage,
  numerator: (c, asOf) => hasBotMessage(c, asOf) && hasHandoff(c, asOf),
})

const csatResponseRate = cycleRate({
  key: "csat_response_rate",
  basis: "resolution",
  withRating: true,
  denominator: () => true,
  numerator: (c) => c.rated_at != null,
})

const csatScore: MetricDefinition = {
  key: "csat_score",
  basis: "rating",
  evaluate: (context) =>
    Effect.gen(function* () {
      const asOf = context.window.asOf
      const ratings = yield* context.facts.ratings(context.window)
      // A cycle keeps its latest rating.
      const kept = new Map<string, (typeof ratings)[number]>()
      for (const r of ratings) {
        const key = `${r.conversation_id}\u0000${r.cycle}`
        const before = kept.get(key)
        if (before === undefined || r.at > before.at || (r.at === before.at && r.seq > before.seq)) kept.set(key, r)
      }
      const timelines = yield* complexityTimelines(context, ratings)
      const groups = groupsOf(context, () => ({ numerator: 0, denominator: 0 }))
      for (const r of kept.values()) {
        if (!inWindow(context, r.at)) continue
        if (!keeps(context, () => complexityAt(timelines.get(r.conversation_id), r.at))) continue
        const owner = ownerOf(r as unknown as CycleRow, asOf)
        const acc = groups.add(r.at, owner.team, owner.person)
        acc.denominator++
        if (r.rating >= 4) acc.numerator++
        note(context, acc, () => factOf(r, owner, r.at, r.rating))
      }
      return rowsOf(csatScore, groups.rows(), (acc) => rate(acc.numerator, acc.denominator))
    }),
}

/** The metrics computed from the cycles of conversations. */
export const cycleMetrics: ReadonlyArray<MetricDefinition> = [
  firstResponseTime,
  replyTime,
  resolutionTime,
  handlingTime,
  volume,
  reopenRate,
  csatScore,
  csatResponseRate,
  botResolutionRate,
  handoffRate,
]
