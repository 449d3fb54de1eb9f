import { Db, type DbError } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { type CalendarVersion, sortVersions } from "./Calendar.js"
import type { KpiDatabase } from "./KpiDatabase.js"

type Row = KpiDatabase["kpi_calendars"]

/** Every team's calendar, by team key: its versions in the order they come into force. */
export type Calendars = ReadonlyMap<string, ReadonlyArray<CalendarVersion>>

// Stored versions were decoded before they were written: reading them back needs no second
// check, which would cost more than the query when every team's calendar is read.
const toVersion = (row: Row): CalendarVersion => ({
  timeZone: row.time_zone,
  weekly: JSON.parse(row.weekly) as CalendarVersion["weekly"],
  holidays: JSON.parse(row.holidays) as CalendarVersion["holidays"],
  effectiveFrom: row.effective_from,
})

// Rows come ordered by team and position, so each team's versions come in order.
const byTeam = (rows: ReadonlyArray<Row>): Calendars => {
  const calendars = new Map<string, Array<CalendarVersion>>()
  for (const row of rows) {
    const versions = calendars.get(row.team_key)
    if (versions === undefined) calendars.set(row.team_key, [toVersion(row)])
    else versions.push(toVersion(row))
  }
  return calendars
}

/** Where the calendars of teams are kept, one row per version. */
export interface CalendarRepoService {
  /**
   * Replaces every version of the team's calendar with `versions` (none removes it). It does
   * not check that the team exists.
   */
  readonly set: (teamKey: string, versions: ReadonlyArray<CalendarVersion>) => Effect.Effect<void, DbError>
  /** The calendars of these teams, in one statement; a team without one is absent. */
  readonly ofTeams: (teamKeys: ReadonlyArray<string>) => Effect.Effect<Calendars, DbError>
  /** Every team's calendar, in one statement. */
  readonly all: Effect.Effect<Calendars, DbError>
}

export class CalendarRepo extends Context.Tag("@teamops/kpi/CalendarRepo")<CalendarRepo, CalendarRepoService>() {
  static readonly layer = Layer.effect(
    CalendarRepo,
    Effect.map(Db, (db) => makeCalendarRepo(db)),
  )
}

const makeCalendarRepo = (db: Context.Tag.Service<Db>): CalendarRepoService => {
  const query = <A>(work: (k: Kysely<KpiDatabase>) => Promise<A>) => db.query(work)

  const set = (teamKey: string, versions: ReadonlyArray<CalendarVersion>) =>
    db.transaction(
      Effect.gen(function* () {
        yield* query((k) => k.deleteFrom("kpi_calendars").where("team_key", "=", teamKey).execute())
        if (versions.length === 0) return
        // Positions follow the order of coming into force, so reads need no sort.
        const rows: Array<Row> = sortVersions(versions).map((version, position) => ({
          team_key: teamKey,
          position,
          effective_from: version.effectiveFrom,
          time_zone: version.timeZone,
          weekly: JSON.stringify(version.weekly),
          holidays: JSON.stringify(version.holidays),
        }))
        yield* query((k) => k.insertInto("kpi_calendars").values(rows).execute())
      }),
    )

  return {
    set,
    ofTeams: (teamKeys) =>
      teamKeys.length === 0
        ? Effect.succeed(new Map())
        : query((k) =>
            k
              .selectFrom("kpi_calendars")
              .selectAll()
              .where("team_key", "in", teamKeys)
              .orderBy("team_key")
              .orderBy("position")
              .execute(),
          ).pipe(Effect.map(byTeam)),
    all: query((k) => k.selectFrom("kpi_calendars").selectAll().orderBy("team_key").orderBy("position").execute()).pipe(
      Effect.map(byTeam),
    ),
  }
}
