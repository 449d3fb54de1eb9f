import { readFile } from "node:fs/promises"
import { extname } from "node:path"
import { Args, Command, Options } from "@effect/cli"
import { formatLadderFile, importAndPublishLadder, LadderRepo, ladderWarnings } from "@teamops/roles"
import { Cause, Console, Effect, Exit, Option } from "effect"
import { type Booted, boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { database } from "./Options.js"

const formats = { ".yaml": "yaml", ".yml": "yaml", ".json": "json" } as const

const formatOf = (file: string) => {
  const format = formats[extname(file).toLowerCase() as keyof typeof formats]
  return format === undefined
    ? Effect.fail(new CliError({ message: `cannot tell the format of ${file}: expected a .yaml, .yml or .json file` }))
    : Effect.succeed(format)
}

/** Runs an effect on the booted host; a typed failure becomes a one-message {@link CliError}. */
const onHost = <A, E extends { readonly message: string }>(
  server: Booted,
  effect: Effect.Effect<A, E, any>,
  describe: (error: E) => string = (error) => error.message,
) =>
  Effect.flatMap(
    Effect.promise(() => server.host.runtime.runPromiseExit(effect)),
    (exit): Effect.Effect<A, CliError> => {
      if (Exit.isSuccess(exit)) return Effect.succeed(exit.value)
      const failure = Cause.failureOption(exit.cause)
      return Effect.fail(
        new CliError({ message: Option.isSome(failure) ? describe(failure.value) : Cause.pretty(exit.cause) }),
      )
    },
  )

const ladderImport = Command.make(
  "import",
  { database, file: Args.text({ name: "FILE" }).pipe(Args.withDescription("A ladder file: .yaml, .yml or .json")) },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const format = yield* formatOf(file)
        const content = yield* Effect.tryPromise({
          try: () => readFile(file, "utf8"),
          catch: (e) => new CliError({ message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` }),
        })
        const server = yield* boot(database)
        const version = yield* onHost(server, importAndPublishLadder(format, content), (error) =>
          error._tag === "LadderFileError"
            ? `${file} has ${error.problems.length === 1 ? "a problem" : `${error.problems.length} problems`}:\n${error.message}`
            : `${file}: ${error.message}`,
        )
        yield* Console.log(
          JSON.stringify(
            {
              ladderKey: version.ladderKey,
              version: version.version,
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
        const text = formatLadderFile(latest.document, format)
        yield* Effect.sync(() => process.stdout.write(text))
      }),
    ),
).pipe(Command.withDescription("Print the latest published version of a ladder as a ladder file"))

export const ladderCommand = Command.make("ladder").pipe(
  Command.withDescription("Career ladders: import and export ladder files"),
  Command.withSubcommands([ladderImport, ladderExport]),
)
