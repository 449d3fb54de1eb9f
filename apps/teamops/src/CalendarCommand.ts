import { Args, Command } from "@effect/cli"
import { decodeInput } from "@teamops/core"
import { CalendarFile, encodeCalendar, setCalendar } from "@teamops/kpi"
import { Console, Effect } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { parseJson, problemsIn, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

const calendarSet = Command.make(
  "set",
  {
    database,
    team: Args.text({ name: "TEAM" }).pipe(Args.withDescription("The key of the team")),
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'A calendar file (.json): one version of the open hours, or a list of versions, each {"timeZone": "Europe/Athens", "weekly": {"mon": [["09:00", "17:00"]], …}, "holidays": ["2026-12-25"], "effectiveFrom": "2026-01-01T00:00:00Z"}; see docs/metrics.md, "Calendar files"',
      ),
    ),
  },
  ({ database, team, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const versions = yield* readText(file).pipe(
          Effect.flatMap((text) => parseJson(file, text)),
          Effect.flatMap((json) =>
            Effect.mapError(
              decodeInput(CalendarFile)(json),
              (error) => new CliError({ message: problemsIn(file, error.message.split("\n")) }),
            ),
          ),
        )
        const server = yield* boot(database)
        const stored = yield* onHost(server, setCalendar(team, versions))
        yield* Console.log(JSON.stringify({ team, calendar: encodeCalendar(stored) }, null, 2))
      }),
    ),
).pipe(Command.withDescription("Replace a team's open hours with the versions of a calendar file"))

export const calendarCommand = Command.make("calendar").pipe(
  Command.withDescription("Team calendars: the open hours business time is measured in"),
  Command.withSubcommands([calendarSet]),
)
