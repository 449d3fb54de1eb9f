import { stat } from "node:fs/promises"
import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { type ImportTally, importEventsFile } from "./EventsImport.js"
import { messageOf } from "./Files.js"
import { database } from "./Options.js"

/** A progress bar on standard error, drawn only when it is a terminal. */
const progress = (total: number) => {
  const draw = process.stderr.isTTY === true
  return {
    show: (read: number, tally: ImportTally) => {
      if (!draw) return
      const done = total === 0 ? 1 : Math.min(read / total, 1)
      const bar = "#".repeat(Math.round(done * 30)).padEnd(30, ".")
      process.stderr.write(
        `\r[${bar}] ${Math.round(done * 100)}%  accepted ${tally.accepted}, duplicates ${tally.duplicates}, refused ${tally.refused}`,
      )
    },
    end: () => {
      if (draw) process.stderr.write("\n")
    },
  }
}

const eventsImport = Command.make(
  "import",
  {
    database,
    batchSize: Options.integer("batch-size").pipe(
      Options.withDescription("Events per batch, each stored all or nothing (default: the whole file is one batch)"),
      Options.optional,
    ),
    skipIncomplete: Options.boolean("skip-incomplete").pipe(
      Options.withDescription(
        "Leave out the conversations the file holds only the later part of (no conversation.created, as in an export whose window starts after they were created), and say which; without it, such a conversation refuses its batch",
      ),
    ),
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'Events as JSON Lines (.jsonl), one per line: {"id", "type", "at", "actor": {"kind", "email"}, "conversationId", …}; the event types and their fields are in docs/metrics.md, "The event log"',
      ),
    ),
  },
  ({ database, batchSize, skipIncomplete, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const size = Option.getOrElse(batchSize, () => Number.POSITIVE_INFINITY)
        if (size < 1) return yield* new CliError({ message: "--batch-size must be at least 1" })
        const total = yield* Effect.tryPromise({
          try: () => stat(file).then((s) => s.size),
          catch: (e) => new CliError({ message: `cannot read ${file}: ${messageOf(e)}` }),
        })
        const server = yield* boot(database)
        const bar = progress(total)
        const tally = yield* importEventsFile(
          server,
          file,
          { batchSize: size, skipIncomplete },
          {
            skipped: (skipped) =>
              Effect.zipRight(Effect.sync(bar.end), Console.error(`${file}: skipped ${skipped.reason}`)),
            refused: (events, problems) => {
              const hint = problems.some((p) => p.includes("has no conversation.created"))
                ? "\n(a file that starts after some conversations were created: --skip-incomplete leaves them out)"
                : ""
              return Effect.zipRight(
                Effect.sync(bar.end),
                Console.error(
                  `${file}: a batch of ${events === 1 ? "1 event" : `${events} events`} was refused, nothing of it was stored:\n${problems.join("\n")}${hint}`,
                ),
              )
            },
            progress: bar.show,
          },
        )
        bar.show(total, tally)
        bar.end()
        yield* Console.log(JSON.stringify(tally))
        if (tally.refused > 0) {
          return yield* new CliError({ message: `${tally.refused} events were refused` })
        }
      }),
    ),
).pipe(Command.withDescription("Import events from a JSON Lines file; each batch is stored all or nothing"))

export const eventsCommand = Command.make("events").pipe(
  Command.withDescription("The event log of support conversations"),
  Command.withSubcommands([eventsImport]),
)
