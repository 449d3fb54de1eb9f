import { Args, Command, Options } from "@effect/cli"
import { decodeInput, NotFoundError } from "@teamops/core"
import { CoverageQuery, coverageJson, coveragesOf } from "@teamops/coverage"
import { TeamRepo } from "@teamops/org"
import { Console, Effect, Option } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

// The options of the command, by the field of the query they fill, so that a refusal names the option.
const optionOf: Record<string, string> = { weekOf: "--week", minStaffed: "--min-staffed", weeks: "--weeks" }

const optionNamed = (message: string) =>
  message.replace(/^(weekOf|minStaffed|weeks):/gm, (_, field: string) => `${optionOf[field]}:`)

const coverageOfTeam = (teamKey: string, query: CoverageQuery) =>
  Effect.gen(function* () {
    const team = yield* Effect.flatMap(TeamRepo, (r) => r.byKey(teamKey))
    if (team === undefined) {
      return yield* new NotFoundError({ entity: "Team", key: teamKey, message: `no team with key "${teamKey}"` })
    }
    const [coverage] = yield* coveragesOf([team], query)
    return coverage
  })

export const coverageCommand = Command.make(
  "coverage",
  {
    database,
    team: Args.text({ name: "TEAM" }).pipe(Args.withDescription("The key of the team")),
    week: Options.text("week").pipe(
      Options.withDescription("A date (YYYY-MM-DD) of the week: Monday to Monday in the team's zone"),
    ),
    minStaffed: Options.integer("min-staffed").pipe(
      Options.withDescription("Fewer people on than this while customers write is a gap (default 2)"),
      Options.optional,
    ),
    weeks: Options.integer("weeks").pipe(
      Options.withDescription("Average demand over this many weeks ending with this one, 1 to 52 (default 4)"),
      Options.optional,
    ),
  },
  ({ database, team, week, minStaffed, weeks }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const query = yield* Effect.mapError(
          decodeInput(CoverageQuery)({
            weekOf: week,
            minStaffed: Option.getOrUndefined(minStaffed),
            weeks: Option.getOrUndefined(weeks),
          }),
          (error) => new CliError({ message: optionNamed(error.message) }),
        )
        const server = yield* boot(database)
        const coverage = yield* onHost(server, coverageOfTeam(team, query))
        if (coverage !== undefined) yield* Console.log(JSON.stringify(coverageJson(coverage), null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Print a team's coverage of a week as JSON: per half hour, the people on and the conversations customers start, and the gaps",
  ),
)
