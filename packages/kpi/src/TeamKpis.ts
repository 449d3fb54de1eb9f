import { loaderOf, type RequestContext } from "@teamops/core"
import type { FactScope } from "./FactReader.js"
import type { ReportRow } from "./ReportContext.js"

/** The metrics `kpis` answers when not told which. */
export const kpiKeys = [
  "volume",
  "first_response_time",
  "reply_time",
  "resolution_time",
  "handling_time",
  "reopen_rate",
  "csat_score",
  "csat_response_rate",
  "bot_resolution_rate",
  "handoff_rate",
  "iqs",
  "qa_pass_rate",
  "concurrency",
] as const

/**
 * The kpi rows of one team (by key) or person (by email). Every team or person of a request
 * asking the same question shares one read of the facts for all the metrics, limited to the
 * teams or people listed, so the statements sent grow neither with the number of metrics nor
 * with the number of teams or people.
 */
export const kpisOf = (
  owner: "team" | "person",
  key: string,
  args: Record<string, unknown>,
  context: RequestContext,
  reports: (
    queries: ReadonlyArray<Record<string, unknown>>,
    scope: FactScope,
    drill: boolean,
  ) => Promise<ReadonlyArray<ReadonlyArray<ReportRow>>>,
  /** The request lists the facts of the rows: they are kept as the rows are computed. */
  drill = false,
): Promise<ReadonlyArray<ReportRow>> => {
  const { metrics, groupBy, ...rest } = args
  const byPeriod = Array.isArray(groupBy) && groupBy.includes("period")
  const question = JSON.stringify([owner, metrics, byPeriod, rest, drill])
  return loaderOf<string, ReadonlyArray<ReportRow>>(context, `kpi.kpis:${question}`, async (keys) => {
    const asked = (metrics as ReadonlyArray<string> | null | undefined) ?? kpiKeys
    const queries = asked.map((metric) => ({ ...rest, metric, groupBy: byPeriod ? [owner, "period"] : [owner] }))
    const rows = (await reports(queries, owner === "team" ? { teams: keys } : { people: keys }, drill)).flat()
    const byOwner = new Map<unknown, Array<ReportRow>>()
    for (const row of rows) {
      const list = byOwner.get(row[owner])
      if (list === undefined) byOwner.set(row[owner], [row])
      else list.push(row)
    }
    return keys.map((k) => byOwner.get(k) ?? [])
  }).load(key)
}
