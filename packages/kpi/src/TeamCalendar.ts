import { NotFoundError } from "@teamops/core"
import { TeamRepo } from "@teamops/org"
import { Effect } from "effect"
import type { CalendarVersion } from "./Calendar.js"
import { CalendarRepo } from "./CalendarRepo.js"

/** Replaces the versions of a team's open hours; the team must exist. */
export const setCalendar = (teamKey: string, versions: ReadonlyArray<CalendarVersion>) =>
  Effect.gen(function* () {
    const team = yield* Effect.flatMap(TeamRepo, (r) => r.byKey(teamKey))
    if (team === undefined) {
      return yield* new NotFoundError({ entity: "Team", key: teamKey, message: `no team with key "${teamKey}"` })
    }
    yield* Effect.flatMap(CalendarRepo, (r) => r.set(teamKey, versions))
    return [...versions]
  })
