import { stat } from "node:fs/promises"
import { Args, Command, Options } from "@effect/cli"
import { EventBatchRefused, EventLog, type RawEvent } from "@teamops/kpi"
import { Console, Effect, Either, Option } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { linesOf, messageOf } from "./Files.js"
import { database } from "./Options.js"

interface Tally {
  accepted: number
  duplicates: number
  refused: number
  /** Counted with --skip-incomplete only. */
  skipped?: number
}

/** A progress bar on standard error, drawn only when it is a terminal. */
const progress = (total: number) => {
  const draw = process.stderr.isTTY === true
  return {
    show: (read: number, tally: Tally) => {
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

/** A line of the file: the event, or the JSON error that keeps it out (refusing its batch). */
const parseLine = (number: number, line: string): Either.Either<RawEvent, string> => {
  try {
    return Either.right({ where: `line ${number}`, value: JSON.parse(line) })
  } catch (e) {
    return Either.left(`line ${number}: not valid JSON: ${messageOf(e)}`)
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
        const log = yield* Effect.promise(() => server.host.runtime.runPromise(EventLog))
        const tally: Tally = { accepted: 0, duplicates: 0, refused: 0, ...(skipIncomplete ? { skipped: 0 } : {}) }
        const bar = progress(total)

        const send = (batch: Array<Either.Either<RawEvent, string>>) =>
          Effect.gen(function* () {
            const broken = batch.flatMap((line) => (Either.isLeft(line) ? [line.left] : []))
            const events = batch.flatMap((line) => (Either.isRight(line) ? [line.right] : []))
            const result =
              broken.length > 0
                ? Either.left(new EventBatchRefused({ message: broken.join("\n"), problems: broken }))
                : yield* Effect.promise(() =>
                    server.host.runtime.runPromise(Effect.either(log.ingest(events, { skipIncomplete }))),
                  )
            if (Either.isRight(result)) {
              tally.accepted += result.right.accepted
              tally.duplicates += result.right.duplicates
              for (const skipped of result.right.skipped) {
                tally.skipped = (tally.skipped ?? 0) + 1
                bar.end()
                yield* Console.error(`${file}: skipped ${skipped.reason}`)
              }
              return
            }
            tally.refused += batch.length
            const error = result.left
            bar.end()
            const problems = error._tag === "EventBatchRefused" ? error.problems : [error.message]
            const hint = problems.some((p) => p.includes("has no conversation.created"))
              ? "\n(a file that starts after some conversations were created: --skip-incomplete leaves them out)"
              : ""
            yield* Console.error(
              `${file}: a batch of ${batch.length === 1 ? "1 event" : `${batch.length} events`} was refused, nothing of it was stored:\n${problems.join("\n")}${hint}`,
            )
          })

        let batch: Array<Either.Either<RawEvent, string>> = []
        let read = 0
        const lines = linesOf(file)
        while (true) {
          const next = yield* Effect.tryPromise({
            try: () => lines.next(),
            catch: (e) => new CliError({ message: `cannot read ${file}: ${messageOf(e)}` }),
          })
          if (next.done === true) break
          read = next.value.read
          if (next.value.line.trim() === "") continue
          batch.push(parseLine(next.value.number, next.value.line))
          if (batch.length >= size) {
            yield* send(batch)
            batch = []
            bar.show(read, tally)
          }
        }
        if (batch.length > 0) yield* send(batch)
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
