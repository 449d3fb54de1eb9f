import type { Complexity } from "./Event.js"
import type { ComplexityChange, CycleRow } from "./FactReader.js"

/**
 * What a stored cycle looked like at an instant `asOf`: every rule here reads only the
 * instants kept on ingest, so an earlier `asOf` gives the answer the log gave then.
 */

const upTo = (at: number | null, asOf: number) => (at !== null && at <= asOf ? at : null)

export const resolvedAt = (c: CycleRow, asOf: number) => upTo(c.resolved_at, asOf)

/** The owner (person and team): the assignment when the cycle ended, or at `asOf` while open. */
export const ownerOf = (c: CycleRow, asOf: number) =>
  resolvedAt(c, asOf) !== null
    ? { person: c.owner_email, team: c.owner_team }
    : { person: c.owner_email_now, team: c.owner_team_now }

/**
 * When the cycle started waiting for a human: its first customer message for an outbound
 * cycle 1 or a cycle reopened by a teammate; else its first handoff when that came before
 * any human message; else its start. `null` when it has not started waiting.
 */
export const waitingStart = (c: CycleRow, asOf: number): number | null => {
  if (c.waits_for_customer === 1) return upTo(c.first_customer_at, asOf)
  const handoff = upTo(c.first_handoff_at, asOf)
  return handoff !== null && c.handoff_precedes_human === 1 ? handoff : c.start_at
}

/** The first human message after waiting started, if any by `asOf`. */
export const firstResponse = (c: CycleRow, asOf: number): number | null =>
  upTo(c.waits_for_customer === 1 ? c.first_human_after_customer_at : c.first_human_at, asOf)

export const resolvedByBot = (c: CycleRow, asOf: number) => resolvedAt(c, asOf) !== null && c.resolved_by === "bot"

/** Reopened within `millis` (inclusive) of its resolution, by `asOf`. */
export const reopenedWithin = (c: CycleRow, millis: number, asOf: number) => {
  const resolved = resolvedAt(c, asOf)
  const reopened = upTo(c.reopened_at, asOf)
  return resolved !== null && reopened !== null && reopened - resolved <= millis
}

export const day = 86_400_000

/** Resolved by a bot with no human message, and not withdrawn by a reopen within 24 hours. */
export const botResolved = (c: CycleRow, asOf: number) =>
  resolvedByBot(c, asOf) && c.first_human_at === null && !reopenedWithin(c, day, asOf)

export const hasBotMessage = (c: CycleRow, asOf: number) => upTo(c.first_bot_at, asOf) !== null
export const hasHumanMessage = (c: CycleRow, asOf: number) => upTo(c.first_human_at, asOf) !== null
export const hasHandoff = (c: CycleRow, asOf: number) => upTo(c.first_handoff_at, asOf) !== null

/** The complexity in force at `at` (a tag takes effect at its instant); untagged is standard. */
export const complexityAt = (changes: ReadonlyArray<ComplexityChange> | undefined, at: number): Complexity => {
  let current: Complexity = "standard"
  for (const change of changes ?? []) {
    if (change.at > at) break
    current = change.complexity
  }
  return current
}
