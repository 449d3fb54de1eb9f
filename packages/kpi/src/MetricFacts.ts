import type { ReportRow } from "./ReportContext.js"

/**
 * One thing a metric row counted: a cycle of a conversation (or a reply, a rating, an
 * observation), whom it belonged to, the instant that placed it in the row, and the value it
 * contributed; or, with `reason`, why it was counted instead of measured.
 */
export interface MetricFact {
  readonly conversationId: string | null
  readonly cycle: number | null
  readonly person: string | null
  readonly team: string | null
  /** The basis instant, in milliseconds. */
  readonly at: number
  /**
   * Seconds for a time metric, 1 or 0 for a rate (in its numerator or not), 1 for a count, the
   * rating of a CSAT score, a review's score, the value of an observation; null for a fact
   * counted, not measured.
   */
  readonly value: number | null
  /**
   * Why it was counted instead of measured: `unanswered`, `open`, `withdrawn` (a bot
   * resolution undone by a reopen), `not_applicable` (a review with every category N/A); null
   * when measured.
   */
  readonly reason: "unanswered" | "open" | "withdrawn" | "not_applicable" | null
}

// The facts each group noted while a report in drill-down mode computed, by the group's
// accumulator, and then by the row made of it: both live as long as what they describe.
const noted = new WeakMap<object, Array<MetricFact>>()
const factsOfRows = new WeakMap<ReportRow, ReadonlyArray<MetricFact>>()

/** Notes a fact of the group whose accumulator is `acc`. */
export const noteFact = (acc: object, fact: MetricFact) => {
  const facts = noted.get(acc)
  if (facts === undefined) noted.set(acc, [fact])
  else facts.push(fact)
}

/** Keeps the facts the group of `acc` noted with the row made of it. */
export const keepFacts = (acc: object, row: ReportRow) => {
  const facts = noted.get(acc)
  if (facts !== undefined) factsOfRows.set(row, [...facts].sort(byInstant))
}

const byInstant = (a: MetricFact, b: MetricFact) =>
  a.at - b.at || (a.conversationId ?? "").localeCompare(b.conversationId ?? "") || (a.cycle ?? 0) - (b.cycle ?? 0)

/** The facts of a row computed in drill-down mode, by instant; undefined otherwise. */
export const factsOf = (row: ReportRow): ReadonlyArray<MetricFact> | undefined => factsOfRows.get(row)
