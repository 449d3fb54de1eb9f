import { Args, Command, Options } from "@effect/cli"
import { formatLadderFile, importAndPublishLadder, LadderRepo, ladderWarnings } from "@teamops/roles"
import { Console, Effect } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { formatOf, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

const ladderImport = Command.make(
  "import",
  {
    database,
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'A ladder file (.yaml, .yml or .json): key, name, scale, tracks, levels, competencies, matrix, transitions; every field is in docs/ladders.md, "The model"',
      ),
    ),
  },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const format = yield* formatOf(file)
        const content = yield* readText(file)
        const server = yield* boot(database)
        const { version, published } = yield* onHost(server, importAndPublishLadder(format, content), (error) =>
          error._tag === "LadderFileError"
            ? `${file} has ${error.problems.length === 1 ? "a problem" : `${error.problems.length} problems`}:\n${error.message}`
            : `${file}: ${error.message}`,
        )
        if (!published) {
          yield* Console.error(
            `${file} says what version ${version.version} of "${version.ladderKey}" says: nothing was published`,
          )
        }
        yield* Console.log(
          JSON.stringify(
            {
              ladderKey: version.ladderKey,
              version: version.version,
              published,
              publishedAt: version.publishedAt,
              warnings: ladderWarnings(version.effective),
            },
            null,
            2,
          ),
        )
      }),
    ),
).pipe(Command.withDescription("Import a ladder file and publish it as the ladder's next version"))

const ladderExport = Command.make(
  "export",
  {
    database,
    format: Options.choice("format", ["yaml", "json"]).pipe(
      Options.withDescription("The file format (default yaml)"),
      Options.withDefault("yaml" as const),
    ),
    key: Args.text({ name: "KEY" }).pipe(Args.withDescription("The key of the ladder")),
  },
  ({ database, format, key }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const server = yield* boot(database)
        const latest = yield* onHost(
          server,
          Effect.flatMap(LadderRepo, (r) => r.published(key)),
        )
        if (latest === undefined) return yield* new CliError({ message: `no published ladder "${key}"` })
        // The changes of a version say how it differs from the version before it: a file
        // imported again as the next version must not carry them.
        const text = formatLadderFile({ ...latest.document, changes: [] }, format)
        yield* Effect.sync(() => process.stdout.write(text))
      }),
    ),
).pipe(
  Command.withDescription(
    "Print the latest published version of a ladder as a ladder file, without its changes from the version before",
  ),
)

export const ladderCommand = Command.make("ladder").pipe(
  Command.withDescription("Career ladders: import and export ladder files"),
  Command.withSubcommands([ladderImport, ladderExport]),
)
