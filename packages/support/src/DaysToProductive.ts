import { daysBetween } from "@teamops/competencies"
import { localDate } from "@teamops/core"
import {
  groupsOf,
  localMidnight,
  type MetricDefinition,
  note,
  ownerOf,
  percentile,
  periodOfDate,
  roundQuotient,
  rowsOf,
} from "@teamops/kpi"
import { Effect } from "effect"

const noConversation = { conversationId: null, cycle: null, reason: null }
const always = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }

/**
 * `support.days_to_productive`: for each person, the days from their hire date to the Monday
 * of the first week (from Monday, in their zone) in which they owned at least `conversations`
 * conversations, 0 for the week they were hired in. Computed from the log and the
 * organisation, not observed. A value is placed in time by that Monday (local midnight); a
 * group's value is the median of its people's days.
 */
export const daysToProductive = (conversations: number): MetricDefinition => {
  const definition: MetricDefinition = {
    key: "support.days_to_productive",
    basis: "the first productive week",
    unit: "days",
    direction: "down",
    statistics: {
      median: (row) => ({ value: row.value as number, count: row.count as number }),
      count: (row) => ({ value: row.count as number, count: row.count as number }),
    },
    evaluate: (context) =>
      Effect.gen(function* () {
        const asOf = context.window.asOf
        // A person's first productive week may lie before the window: their whole history counts.
        const cycles = yield* context.facts.cycles({ ...always, asOf }, ["start"])
        const owned = new Map<string, Array<{ at: number; conversation: string }>>()
        for (const c of cycles) {
          const person = ownerOf(c, asOf).person
          if (person === null) continue
          const list = owned.get(person) ?? []
          list.push({ at: c.start_at, conversation: c.conversation_id })
          owned.set(person, list)
        }
        const people = yield* context.facts.people([...owned.keys()])
        const groups = groupsOf(context, (): Array<number> => [])
        for (const person of people) {
          const week = firstWeekOver(owned.get(person.email) ?? [], person.timeZone, person.hireDate, conversations)
          if (week === undefined) continue
          const at = localMidnight(week, person.timeZone)
          if (at < context.window.from || at >= context.window.to || at > asOf) continue
          const days = Math.max(0, daysBetween(person.hireDate, week))
          const acc = groups.add(at, person.teamKey, person.email)
          acc.push(days)
          note(context, acc, () => ({ ...noConversation, person: person.email, team: person.teamKey, at, value: days }))
        }
        return rowsOf(definition, groups.rows(), (days) => ({
          count: days.length,
          value: roundQuotient(
            percentile(
              [...days].sort((a, b) => a - b),
              0.5,
            ),
          ),
          aggregation: "median",
          unit: "days",
        }))
      }),
  }
  return definition
}

/** The Monday (YYYY-MM-DD) of the first week from the hire date with `conversations` distinct conversations owned. */
const firstWeekOver = (
  owned: ReadonlyArray<{ at: number; conversation: string }>,
  timeZone: string,
  hireDate: string,
  conversations: number,
) => {
  const byWeek = new Map<string, Set<string>>()
  for (const { at, conversation } of owned) {
    const week = periodOfDate(localDate(at, timeZone), "week")
    const set = byWeek.get(week) ?? new Set()
    set.add(conversation)
    byWeek.set(week, set)
  }
  const hiredIn = periodOfDate(hireDate, "week")
  return [...byWeek.entries()]
    .filter(([week, set]) => week >= hiredIn && set.size >= conversations)
    .map(([week]) => week)
    .sort()[0]
}
