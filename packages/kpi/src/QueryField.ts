import { decodeInput, InputError } from "@teamops/core"
import { Effect } from "effect"
import { GraphQLError } from "graphql"
import { MetricQuery } from "./MetricQuery.js"
import { Metrics } from "./MetricReport.js"

/** GraphQL gives `null` for an argument left out; the query reads that as absent. */
const withoutNulls = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, value]) => value != null))

/**
 * The rows of a query given as GraphQL arguments (`at` names where they sit, such as
 * `["query"]`). A query that does not decode gives a GraphQL error naming the field.
 */
export const reportRows = (raw: Record<string, unknown>, at: ReadonlyArray<string>) =>
  Effect.flatMap(decodeInput(MetricQuery, at)(withoutNulls(raw)), (query) =>
    Effect.flatMap(Metrics, (m) => m.report(query, at)),
  ).pipe(
    Effect.catchIf(
      (error): error is InputError => error instanceof InputError,
      (error) => Effect.succeed(new GraphQLError(error.message)),
    ),
  )

/** Throws the GraphQL error of {@link reportRows}, or passes its rows on. */
export const thrown = <A>(value: A | GraphQLError): A => {
  if (value instanceof GraphQLError) throw value
  return value
}
