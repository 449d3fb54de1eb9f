import { Args, Command } from "@effect/cli"
import { importHistory } from "@teamops/competencies"
import { type AuditEntry, type InputError, operator } from "@teamops/core"
import { appendAudit } from "@teamops/server"
import { Console, Effect } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { parseJson, problemsIn, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

// A history file's error has one problem per line of its message.
const problems = (file: string, error: InputError) => problemsIn(file, error.message.split("\n"))

const historyImport = Command.make(
  "import",
  {
    database,
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'A history file (.json): {"promotions": [{"personEmail", "ladderKey", "level", "effectiveOn", "rationale"}, …], "assessments": [{"personEmail", "ladderKey", "competency", "raterKind", "rating", "observedOn", …}, …]}; every field is in docs/ladders.md, "Importing history"',
      ),
    ),
  },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const json = yield* readText(file).pipe(Effect.flatMap((text) => parseJson(file, text)))
        const server = yield* boot(database)
        if (!server.host.booted.some((plugin) => plugin.id === "competencies")) {
          return yield* new CliError({ message: 'the plugin "competencies" is not loaded (see teamops.config.js)' })
        }
        // Each imported record is audited as the operator's, in the import's transaction.
        const audit = (entries: ReadonlyArray<AuditEntry>) => appendAudit(operator, entries, new Date())
        const counts = yield* onHost(server, importHistory(json, { audit }), (error) =>
          error._tag === "InputError" ? problems(file, error) : `${file}: ${error.message}`,
        )
        yield* Console.log(JSON.stringify(counts, null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Import a history file: past promotions and assessments, in one transaction; what is already stored is left alone",
  ),
)

export const historyCommand = Command.make("history").pipe(
  Command.withDescription("The history of people on the ladders: import a history file"),
  Command.withSubcommands([historyImport]),
)
