import { decodeInput } from "@teamops/core"
import { Effect } from "effect"
import type { FactScope } from "./FactReader.js"
import { MetricQuery } from "./MetricQuery.js"
import { Metrics } from "./MetricReport.js"

/** GraphQL gives `null` for an argument left out; the query reads that as absent. */
const withoutNulls = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, value]) => value != null))

/**
 * The rows of a query given as GraphQL arguments (`at` names where they sit, such as
 * `["query"]`). A query that does not decode fails with an InputError naming the field;
 * a query field answers it with the kit's `runQuery`.
 */
export const reportRows = (raw: Record<string, unknown>, at: ReadonlyArray<string>, drill = false) =>
  Effect.flatMap(decodeInput(MetricQuery, at)(withoutNulls(raw)), (query) =>
    Effect.flatMap(Metrics, (m) => Effect.map(m.reports([query], { at, drill }), (rows) => rows[0] ?? [])),
  )

/**
 * The rows of several queries given as GraphQL arguments, read together for the owners of
 * `scope`; with `drill`, each row keeps the facts it counted.
 */
export const reportRowsOfMany = (raws: ReadonlyArray<Record<string, unknown>>, scope: FactScope, drill = false) =>
  Effect.flatMap(
    Effect.forEach(raws, (raw) => decodeInput(MetricQuery, [])(withoutNulls(raw))),
    (queries) => Effect.flatMap(Metrics, (m) => m.reports(queries, { scope, drill })),
  )
