// Shared fixtures of the kpi tests: a server booted with org, kpi and funnel on a throw-away
// database, and ways to ingest events, set calendars and ask for report rows.
import { decodeInput } from "@teamops/core"
import { failureOf, graphql, graphqlData, testDatabase } from "@teamops/core/testing"
import { funnelPlugin } from "@teamops/funnel"
import { CreateTeamInput, orgPlugin, TeamRepo } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect, type Exit, Schema } from "effect"
import { CalendarFile } from "../src/Calendar.js"
import { EventLog } from "../src/EventLog.js"
import { MetricQuery } from "../src/MetricQuery.js"
import { Metrics } from "../src/MetricReport.js"
import { kpiPlugin } from "../src/plugin.js"
import { setCalendar } from "../src/TeamCalendar.js"

export type Dialect = "sqlite" | "postgres"

export interface TestKpi {
  readonly server: TeamopsServer
  readonly run: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<A>
  readonly exit: <A, E>(effect: Effect.Effect<A, E, any>) => Promise<Exit.Exit<A, E>>
  /** Stores one batch of events (plain objects, as sent). */
  readonly ingest: (events: ReadonlyArray<unknown>) => Promise<{ accepted: number; duplicates: number }>
  /** The rows of a query, as `teamops metric` prints them. */
  readonly report: (query: Record<string, unknown>) => Promise<ReadonlyArray<Record<string, unknown>>>
  readonly createTeam: (key: string) => Promise<void>
  readonly setCalendar: (team: string, calendar: unknown) => Promise<void>
  readonly close: () => Promise<void>
}

export const openKpi = async (dialect: Dialect, onStatement?: (sql: string) => void): Promise<TestKpi> => {
  const database = await testDatabase(dialect)
  const server = await createServer({
    databaseUrl: database.url,
    plugins: [orgPlugin, kpiPlugin, funnelPlugin],
    graphiql: false,
    ...(onStatement ? { onStatement } : {}),
  }).catch(async (error) => {
    await database.drop()
    throw error
  })
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)
  return {
    server,
    run,
    exit: (effect) => server.host.runtime.runPromiseExit(effect),
    ingest: (events) =>
      run(Effect.flatMap(EventLog, (log) => log.ingest(events.map((value, i) => ({ where: `events[${i}]`, value }))))),
    report: (query) =>
      run(Effect.flatMap(decodeInput(MetricQuery)(query), (q) => Effect.flatMap(Metrics, (m) => m.report(q)))) as any,
    createTeam: (key) =>
      run(
        Effect.flatMap(TeamRepo, (r) => r.create(Schema.decodeUnknownSync(CreateTeamInput)({ key, name: key }))),
      ).then(() => undefined),
    setCalendar: (team, calendar) =>
      run(Effect.flatMap(decodeInput(CalendarFile)(calendar), (versions) => setCalendar(team, versions))).then(
        () => undefined,
      ),
    close: async () => {
      await server.close()
      await database.drop()
    },
  }
}

/** Monday 2026-03-02 09:00 UTC; test instants are offsets from it in milliseconds. */
export const T0 = Date.parse("2026-03-02T09:00:00Z")
export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR
export const iso = (offset: number) => new Date(T0 + offset).toISOString()

let counter = 0

/** Builds events of one conversation: `at` is minutes after `base`, ids are unique. */
export const conversation = (id: string, base = "2026-03-02T09:00:00Z") => {
  const start = Date.parse(base)
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
  const event = (type: string, minutes: number, kind: string, extra: Record<string, unknown> = {}) => ({
    id: `${id}-${++counter}`,
    type,
    at: at(minutes),
    actor: { kind, ...(kind === "human" ? { email: "ana@example.com" } : {}) },
    conversationId: id,
    ...extra,
  })
  return { at, event }
}

export { failureOf, graphql, graphqlData }
