import { Args, Command, Options } from "@effect/cli"
import type { InputError } from "@teamops/core"
import { importOrgFile } from "@teamops/org"
import { Console, Effect } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { parseJson, problemsIn, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

// An organisation file's error has one problem per line of its message.
const problems = (file: string, error: InputError) => problemsIn(file, error.message.split("\n"))

const orgImport = Command.make(
  "import",
  {
    database,
    dryRun: Options.boolean("dry-run").pipe(
      Options.withDescription("Print what would change, team by team and person by person, and change nothing"),
    ),
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'An organisation file (.json): {"teams": [{"key", "name", "parentKey", "description", "defaultAnnualSalary"}, …], "people": [{"email", "name", "teamKey", "timeZone", "managerEmail", "hireDate", "workingHours", "leftOn", "annualSalary"}, …]}; a field left out keeps what is stored, null clears it; every field is in docs/org.md',
      ),
    ),
  },
  ({ database, dryRun, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        // A file that is not JSON costs no boot; every other problem is found with what is
        // stored, so that one run reports them all.
        const json = yield* readText(file).pipe(Effect.flatMap((text) => parseJson(file, text)))
        const server = yield* boot(database)
        if (!server.host.booted.some((plugin) => plugin.id === "org")) {
          return yield* new CliError({ message: 'the plugin "org" is not loaded (see teamops.config.js)' })
        }
        const report = yield* onHost(server, importOrgFile(json, { dryRun }), (error) =>
          error._tag === "InputError" ? problems(file, error) : `${file}: ${error.message}`,
        )
        yield* Console.log(JSON.stringify(dryRun ? report : report.summary, null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Import an organisation file: create or update its teams and people, in one transaction; print the counts of what changed",
  ),
)

export const orgCommand = Command.make("org").pipe(
  Command.withDescription("The organisation: import an organisation file"),
  Command.withSubcommands([orgImport]),
)
