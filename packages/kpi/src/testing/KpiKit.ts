import { decodeInput } from "@teamops/core"
import { CreateTeamInput, TeamRepo } from "@teamops/org"
import { Effect, Schema } from "effect"
import { CalendarFile } from "../Calendar.js"
import { EventLog, type IngestOptions, type IngestSummary } from "../EventLog.js"
import { MetricQuery } from "../MetricQuery.js"
import { Metrics } from "../MetricReport.js"
import type { ReportRow } from "../ReportContext.js"
import { setCalendar } from "../TeamCalendar.js"

/** Runs an effect on a booted host's runtime (a test host's `run`). */
export type RunOnHost = <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>

/** What tests of metrics do to a host with org and kpi booted. */
export interface KpiKit {
  /** Stores one batch of events (plain objects, as sent). */
  readonly ingest: (events: ReadonlyArray<unknown>, options?: IngestOptions) => Promise<IngestSummary>
  /** The rows of a metric query, as `teamops metric` prints them. */
  readonly report: (query: Record<string, unknown>) => Promise<ReadonlyArray<ReportRow>>
  /** Creates a team whose key is also its name. */
  readonly createTeam: (key: string) => Promise<void>
  /** Replaces a team's open hours with a calendar file (one version or a list). */
  readonly setCalendar: (team: string, calendar: unknown) => Promise<void>
}

/** The {@link KpiKit} of a host, through its services. */
export const kpiKit = (run: RunOnHost): KpiKit => ({
  ingest: (events, options) =>
    run(
      Effect.flatMap(EventLog, (log) =>
        log.ingest(
          events.map((value, i) => ({ where: `events[${i}]`, value })),
          options,
        ),
      ),
    ),
  report: (query) =>
    run(Effect.flatMap(decodeInput(MetricQuery)(query), (q) => Effect.flatMap(Metrics, (m) => m.report(q)))),
  createTeam: (key) =>
    run(Effect.flatMap(TeamRepo, (r) => r.create(Schema.decodeUnknownSync(CreateTeamInput)({ key, name: key })))).then(
      () => undefined,
    ),
  setCalendar: (team, calendar) =>
    run(Effect.flatMap(decodeInput(CalendarFile)(calendar), (versions) => setCalendar(team, versions))).then(
      () => undefined,
    ),
})
