import { loaderOf, type RequestContext } from "@teamops/core"
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
 * asking the same question shares one report per metric, grouped by team or person, so the
 * statements sent do not grow with the number of teams or people listed.
 */
export const kpisOf = (
  owner: "team" | "person",
  key: string,
  args: Record<string, unknown>,
  context: RequestContext,
  report: (query: unknown) => Promise<ReadonlyArray<ReportRow>>,
): Promise<ReadonlyArray<ReportRow>> => {
  const { metrics, groupBy, ...rest } = args
  const byPeriod = Array.isArray(groupBy) && groupBy.includes("period")
  const question = JSON.stringify([owner, metrics, byPeriod, rest])
  return loaderOf<string, ReadonlyArray<ReportRow>>(context, `kpi.kpis:${question}`, async (keys) => {
    const asked = (metrics as ReadonlyArray<string> | null | undefined) ?? kpiKeys
    const reports = await Promise.all(
      asked.map((metric) => report({ ...rest, metric, groupBy: byPeriod ? [owner, "period"] : [owner] })),
    )
    const rows = reports.flat()
    return keys.map((k) => rows.filter((row) => row[owner] === k))
  }).load(key)
}
