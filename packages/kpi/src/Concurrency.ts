import { nextPeriodStart, type Period, periodLabel, periodStart, zone } from "@teamops/core"
import { DateTime, Effect } from "effect"
import { complexityAt } from "./CycleView.js"
import type { Complexity } from "./Event.js"
import type { ComplexityChange } from "./FactReader.js"
import { calendarAt, type MetricDefinition, type ReportRow } from "./ReportContext.js"
import { roundQuotient } from "./Statistics.js"

/** A stretch of time during which one cycle was assigned, with its complexity weight. */
interface Load {
  readonly start: number
  readonly end: number
  readonly weight: number
}

/** Splits an assigned span where the conversation's complexity changes. */
const piecesOf = (
  start: number,
  end: number,
  changes: ReadonlyArray<ComplexityChange> | undefined,
): Array<{ start: number; end: number; complexity: Complexity }> => {
  const cuts = (changes ?? []).map((c) => c.at).filter((at) => at > start && at < end)
  // Most spans see no change of complexity: one piece, in force at their start.
  if (cuts.length === 0) return [{ start, end, complexity: complexityAt(changes, start) }]
  const bounds = [start, ...new Set(cuts), end]
  return bounds
    .slice(0, -1)
    .map((from, i) => ({ start: from, end: bounds[i + 1] as number, complexity: complexityAt(changes, from) }))
}

/** Loads in one order whatever order the rows came in, so that fractional weights round alike. */
const inOrder = (loads: Array<Load>) => loads.sort((a, b) => a.start - b.start || a.end - b.end || a.weight - b.weight)

/**
 * The maximum and time-weighted mean over `[start, end)` of loads {@link inOrder}, to 1e-9
 * (sums of fractional weights, and a quotient).
 */
export const stepStatistics = (loads: ReadonlyArray<Load>, start: number, end: number) => {
  const deltas = new Map<number, number>()
  let value = 0
  for (const load of loads) {
    // Sorted by start: no later load meets the window.
    if (load.start >= end) break
    const [from, to] = [Math.max(load.start, start), Math.min(load.end, end)]
    if (from >= to) continue
    if (from === start) value += load.weight
    else deltas.set(from, (deltas.get(from) ?? 0) + load.weight)
    if (to < end) deltas.set(to, (deltas.get(to) ?? 0) - load.weight)
  }
  let max = value
  let area = 0
  let at = start
  for (const [instant, delta] of [...deltas].sort((a, b) => a[0] - b[0])) {
    area += value * (instant - at)
    value += delta
    at = instant
    // Rounding of fractional weights must not leave a ghost load behind.
    if (Math.abs(value) < 1e-9) value = 0
    max = Math.max(max, value)
  }
  area += value * (end - at)
  return { max: roundQuotient(max), mean: roundQuotient(area / (end - start)) }
}

/** The periods that cover `[start, end)`, each in the zone in force at its own start. */
const periodWindows = (start: number, end: number, period: Period, zoneAt: (at: number) => string) => {
  const out: Array<{ label: string; start: number; end: number }> = []
  for (let cursor = start; cursor < end; ) {
    const first = periodStart(DateTime.unsafeMake(cursor), period, zone(zoneAt(cursor)))
    const next = DateTime.toEpochMillis(nextPeriodStart(first, period))
    out.push({ label: periodLabel(first), start: cursor, end: Math.min(next, end) })
    cursor = next
  }
  return out
}

/**
 * Concurrency: the cycles assigned to a person and not resolved, as a step function of time,
 * per person (or summed over people), by the team of the assignment, over each period of the
 * window `[from, to) ∩ [earliest event, asOf)`; windows without load are left out.
 */
const concurrency: MetricDefinition = {
  key: "concurrency",
  basis: "time (the window)",
  evaluate: (context) =>
    Effect.gen(function* () {
      const { query, window } = context
      const earliest = yield* context.facts.earliest(window.asOf)
      if (earliest === undefined) return []
      const [start, end] = [Math.max(window.from, earliest), Math.min(window.to, window.asOf)]
      if (start >= end) return []
      const spans = yield* context.facts.spansBetween(start, end)
      const timelines = yield* context.facts.complexityOfSpansBetween(start, end, window.asOf)

      const byTeam = query.groupBy.includes("team")
      const byPerson = query.groupBy.includes("person")
      const groups = new Map<
        string,
        { team: string | null; person: string | null; counts: Array<Load>; weighted: Array<Load> }
      >()
      for (const span of spans) {
        const spanEnd = Math.min(span.end_at ?? window.asOf, window.asOf)
        const [team, person] = [byTeam ? span.team_key : null, byPerson ? span.person_email : null]
        const key = JSON.stringify([team, person])
        const group = groups.get(key) ?? { team, person, counts: [], weighted: [] }
        groups.set(key, group)
        for (const piece of piecesOf(span.start_at, spanEnd, timelines.get(span.conversation_id))) {
          if (query.complexity !== undefined && piece.complexity !== query.complexity) continue
          group.counts.push({ start: piece.start, end: piece.end, weight: 1 })
          group.weighted.push({ start: piece.start, end: piece.end, weight: query.complexityWeights[piece.complexity] })
        }
      }

      const rows: Array<ReportRow> = []
      for (const group of groups.values()) {
        inOrder(group.counts)
        inOrder(group.weighted)
        const zoneAt = (at: number) =>
          query.timeZone ?? (byTeam ? calendarAt(context, group.team, at)?.timeZone : undefined) ?? "UTC"
        const windows =
          query.groupBy.includes("period") && query.period !== undefined
            ? periodWindows(start, end, query.period, zoneAt)
            : [{ label: undefined, start, end }]
        for (const w of windows) {
          const plain = stepStatistics(group.counts, w.start, w.end)
          if (plain.max <= 0) continue
          const weighted = stepStatistics(group.weighted, w.start, w.end)
          rows.push({
            ...(byTeam ? { team: group.team } : {}),
            ...(byPerson ? { person: group.person } : {}),
            ...(w.label === undefined ? {} : { period: w.label }),
            metric: "concurrency",
            basis: concurrency.basis,
            max: plain.max,
            mean: plain.mean,
            weighted_max: weighted.max,
            weighted_mean: weighted.mean,
          })
        }
      }
      return rows
    }),
}

export const concurrencyMetrics: ReadonlyArray<MetricDefinition> = [concurrency]
