import { Args, Command } from "@effect/cli"
import type { InputError } from "@teamops/core"
import { decodeOrgFile, importOrg } from "@teamops/org"
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
    file: Args.text({ name: "FILE" }).pipe(Args.withDescription("An organisation file (.json): teams and people")),
  },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        // The file is checked before the database is opened: a mistake in it costs no boot.
        const decoded = yield* readText(file).pipe(
          Effect.flatMap((text) => parseJson(file, text)),
          Effect.flatMap((json) =>
            Effect.mapError(decodeOrgFile(json), (error) => new CliError({ message: problems(file, error) })),
          ),
        )
        const server = yield* boot(database)
        if (!server.host.booted.some((plugin) => plugin.id === "org")) {
          return yield* new CliError({ message: 'the plugin "org" is not loaded (see teamops.config.js)' })
        }
        const counts = yield* onHost(server, importOrg(decoded), (error) =>
          error._tag === "InputError" ? problems(file, error) : `${file}: ${error.message}`,
        )
        yield* Console.log(JSON.stringify(counts, null, 2))
      }),
    ),
).pipe(
  Command.withDescription("Import an organisation file: create or update its teams and people, in one transaction"),
)

export const orgCommand = Command.make("org").pipe(
  Command.withDescription("The organisation: import an organisation file"),
  Command.withSubcommands([orgImport]),
)
