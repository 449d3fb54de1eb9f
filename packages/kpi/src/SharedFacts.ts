import type { DbError } from "@teamops/core"
import { Effect } from "effect"
import type { CycleBasis, FactReaderService, Window } from "./FactReader.js"

const bothBases: ReadonlyArray<CycleBasis> = ["start", "resolution"]

/**
 * A fact reader for the reports of one request, over `reader`: every fact is read once, by the
 * first metric that asks, and the others get the same rows. The metrics of a dashboard ask for
 * the same window's cycles with different bases: they are read once with every basis and the
 * latest rating, and each metric gets the cycles of its own bases.
 */
export const sharedFacts = (reader: FactReaderService): FactReaderService => {
  const answers = new Map<string, unknown>()
  const once = <A>(key: ReadonlyArray<unknown>, read: () => Effect.Effect<A, DbError>): Effect.Effect<A, DbError> =>
    Effect.suspend(() => {
      const id = JSON.stringify(key)
      if (answers.has(id)) return Effect.succeed(answers.get(id) as A)
      return Effect.tap(read(), (answer) => Effect.sync(() => answers.set(id, answer)))
    })

  const basisHolds =
    (window: Window, bases: ReadonlyArray<CycleBasis>) => (c: { start_at: number; resolved_at: number | null }) =>
      bases.some((basis) =>
        basis === "start"
          ? c.start_at >= window.from && c.start_at < window.to
          : c.resolved_at !== null &&
            c.resolved_at >= window.from &&
            c.resolved_at < window.to &&
            c.resolved_at <= window.asOf,
      )

  return {
    cycles: (window, bases) =>
      Effect.map(
        once(["cycles", window], () => reader.cycles(window, bothBases, { withRating: true })),
        (cycles) => (bases.length === bothBases.length ? cycles : cycles.filter(basisHolds(window, bases))),
      ),
    replies: (window) => once(["replies", window], () => reader.replies(window)),
    ratings: (window) => once(["ratings", window], () => reader.ratings(window)),
    spansOfResolved: (window) => once(["spansOfResolved", window], () => reader.spansOfResolved(window)),
    spansOf: (ids) => once(["spansOf", ids], () => reader.spansOf(ids)),
    spansBetween: (start, end) => once(["spansBetween", start, end], () => reader.spansBetween(start, end)),
    complexityOf: (ids, asOf) => once(["complexityOf", ids, asOf], () => reader.complexityOf(ids, asOf)),
    complexityOfSpansBetween: (start, end, asOf) =>
      once(["complexityOfSpansBetween", start, end, asOf], () => reader.complexityOfSpansBetween(start, end, asOf)),
    reviews: (window) => once(["reviews", window], () => reader.reviews(window)),
    proactive: (window) => once(["proactive", window], () => reader.proactive(window)),
    views: (window) => once(["views", window], () => reader.views(window)),
    observations: (window, metric) => once(["observations", window, metric], () => reader.observations(window, metric)),
    people: (emails) => once(["people", emails], () => reader.people(emails)),
    earliest: (asOf) => once(["earliest", asOf], () => reader.earliest(asOf)),
    shared: reader.shared,
  }
}
