import {
  type Builder,
  InputError,
  NotFoundError,
  payload,
  requestLoader,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { type Team, TeamRef } from "@teamops/org"
import { Effect, Schema } from "effect"
import { CalendarFile, type CalendarVersion, encodeCalendar } from "../Calendar.js"
import { CalendarRepo } from "../CalendarRepo.js"
import { setCalendar } from "../TeamCalendar.js"

const SetCalendarInput = Schema.Struct({ teamKey: Schema.String, calendar: CalendarFile })

/** The versions of teams' open hours, by team key, read once per request for every team asked. */
export const calendarLoader = requestLoader("kpi", "calendars", (teamKeys: ReadonlyArray<string>) =>
  Effect.map(
    Effect.flatMap(CalendarRepo, (r) => r.ofTeams(teamKeys)),
    (calendars) => teamKeys.map((key) => calendars.get(key) ?? []),
  ),
)

/** `Team.calendar` and `setTeamCalendar`. */
export const calendarSchema = (builder: Builder, { run }: SchemaKit) => {
  const CalendarVersionType = builder.objectRef<CalendarVersion>("CalendarVersion").implement({
    description: "One version of a team's open hours, in force from `effectiveFrom` (null: from the beginning).",
    fields: (t) => ({
      timeZone: t.exposeString("timeZone"),
      effectiveFrom: t.string({
        nullable: true,
        resolve: (v) => (v.effectiveFrom === null ? null : new Date(v.effectiveFrom).toISOString()),
      }),
      holidays: t.stringList({ resolve: (v) => [...v.holidays] }),
      file: t.field({
        type: "JSON",
        description: "The version as it reads in a calendar file.",
        resolve: (v) => encodeCalendar([v])[0],
      }),
    }),
  })

  builder.objectField(TeamRef, "calendar", (t) =>
    t.field({
      type: [CalendarVersionType],
      description: "The versions of the team's open hours, oldest first; empty when it has none.",
      resolve: async (team: Team, _, context) => [...(await calendarLoader(context).load(team.key))],
    }),
  )

  const SetTeamCalendarInput = builder.inputType("SetTeamCalendarInput", {
    fields: (t) => ({
      teamKey: t.string({ required: true }),
      calendar: t.field({ type: "JSON", required: true, description: "A calendar file: one version or a list." }),
    }),
  })
  builder.mutationField("setTeamCalendar", (t) =>
    t.field({
      authScopes: { scope: "org:write" },
      type: [CalendarVersionType],
      description: "Replaces the versions of a team's open hours.",
      args: { input: t.arg({ type: SetTeamCalendarInput, required: true }) },
      errors: payload("SetTeamCalendar", "calendar", [InputError, NotFoundError]),
      resolve: (_, { input }) => run(withInput(SetCalendarInput, input, (i) => setCalendar(i.teamKey, i.calendar))),
    }),
  )
}
