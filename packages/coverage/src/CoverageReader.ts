import { CalendarRepo, ConversationStarts } from "@teamops/kpi"
import { PersonRepo } from "@teamops/org"
import { Effect } from "effect"
import { type Coverage, coverageOf } from "./Coverage.js"
import type { CoverageQuery } from "./CoverageQuery.js"
import { withTracks } from "./TeamTracks.js"
import { teamZoneOf } from "./TeamZone.js"
import { weekOf, weeksEndingWith } from "./Week.js"

/** A team as coverage needs it. */
export interface CoveredTeam {
  readonly id: string
  readonly key: string
}

/**
 * The coverage of each team, in the order given. Whatever the number of teams, it reads once
 * each: their calendars, their people, those people's promotions and ladder versions, and the
 * conversations started over the weeks averaged, all through what kpi, org, competencies and
 * roles export.
 */
export const coveragesOf = (teams: ReadonlyArray<CoveredTeam>, query: CoverageQuery) =>
  Effect.gen(function* () {
    if (teams.length === 0) return []
    const keys = teams.map((t) => t.key)
    const calendars = yield* Effect.flatMap(CalendarRepo, (r) => r.ofTeams(keys))
    const people = yield* Effect.flatMap(PersonRepo, (r) => r.everyMemberOf(teams.map((t) => t.id)))
    const members = yield* withTracks(people)
    const plans = teams.map((team) => {
      const week = weekOf(query.weekOf, teamZoneOf(calendars.get(team.key) ?? [], query.weekOf))
      const averaged = weeksEndingWith(week, query.weeks)
      return { team, week, from: (averaged[0] ?? week).start }
    })
    const from = Math.min(...plans.map((p) => p.from))
    const to = Math.max(...plans.map((p) => p.week.end))
    const starts = yield* Effect.flatMap(ConversationStarts, (r) => r.ofTeams(keys, from, to))
    return plans.map(
      ({ team, week, from }): Coverage =>
        coverageOf({
          teamKey: team.key,
          week,
          members: members.filter((m) => m.person.teamId === team.id),
          created: starts
            .filter((s) => s.teamKey === team.key && s.createdAt >= from && s.createdAt < week.end)
            .map((s) => s.createdAt),
          weeks: query.weeks,
          minStaffed: query.minStaffed,
        }),
    )
  })
