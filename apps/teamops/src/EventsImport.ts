import { EventBatchRefused, EventLog, type RawEvent, type SkippedConversation } from "@teamops/kpi"
import type { TeamopsServer } from "@teamops/server"
import { Effect, Either } from "effect"
import { CliError } from "./CliError.js"
import { linesOf, messageOf } from "./Files.js"

/** What an import did, as `teamops events import` prints it. */
export interface ImportTally {
  accepted: number
  duplicates: number
  refused: number
  /** Counted with `skipIncomplete` only. */
  skipped?: number
}

export interface ImportOptions {
  /** Events per batch, each stored all or nothing. */
  readonly batchSize: number
  readonly skipIncomplete: boolean
}

/** What the import tells its caller as it goes: the command writes it to standard error. */
export interface ImportNotes {
  readonly skipped: (conversation: SkippedConversation) => Effect.Effect<void>
  readonly refused: (events: number, problems: ReadonlyArray<string>) => Effect.Effect<void>
  /** After each batch: the bytes of the file read so far. */
  readonly progress: (read: number, tally: ImportTally) => void
}

const quiet: ImportNotes = { skipped: () => Effect.void, refused: () => Effect.void, progress: () => {} }

/**
 * A line of the file: the event, or the JSON error that keeps it out (refusing its batch).
 * The line is kept as it was sent, so that the log recognises a resend of it without decoding.
 */
const parseLine = (number: number, line: string): Either.Either<RawEvent, string> => {
  try {
    return Either.right({ where: `line ${number}`, value: JSON.parse(line), text: line })
  } catch (e) {
    return Either.left(`line ${number}: not valid JSON: ${messageOf(e)}`)
  }
}

type Lines = ReturnType<typeof linesOf>

/**
 * The next batch of the file: up to `size` events, blank lines left out, with the bytes read
 * up to them, and whether the file ends there. Lines are gathered in one promise a batch, not
 * one effect a line, which would cost more than parsing them.
 */
const nextBatch = async (lines: Lines, size: number) => {
  const batch: Array<Either.Either<RawEvent, string>> = []
  let read = 0
  while (batch.length < size) {
    const next = await lines.next()
    if (next.done === true) return { batch, read, done: true }
    read = next.value.read
    if (next.value.line.trim() !== "") batch.push(parseLine(next.value.number, next.value.line))
  }
  return { batch, read, done: false }
}

/** Stores the events of a JSON Lines file in batches, on a booted server, and counts what happened. */
export const importEventsFile = (
  server: TeamopsServer,
  file: string,
  options: ImportOptions,
  notes: ImportNotes = quiet,
): Effect.Effect<ImportTally, CliError> =>
  Effect.gen(function* () {
    const log = yield* Effect.promise(() => server.host.runtime.runPromise(EventLog))
    const tally: ImportTally = {
      accepted: 0,
      duplicates: 0,
      refused: 0,
      ...(options.skipIncomplete ? { skipped: 0 } : {}),
    }

    const send = (batch: Array<Either.Either<RawEvent, string>>) =>
      Effect.gen(function* () {
        const broken = batch.flatMap((line) => (Either.isLeft(line) ? [line.left] : []))
        const events = batch.flatMap((line) => (Either.isRight(line) ? [line.right] : []))
        const result =
          broken.length > 0
            ? Either.left(new EventBatchRefused({ message: broken.join("\n"), problems: broken }))
            : yield* Effect.promise(() =>
                server.host.runtime.runPromise(
                  Effect.either(log.ingest(events, { skipIncomplete: options.skipIncomplete })),
                ),
              )
        if (Either.isRight(result)) {
          tally.accepted += result.right.accepted
          tally.duplicates += result.right.duplicates
          for (const skipped of result.right.skipped) {
            tally.skipped = (tally.skipped ?? 0) + 1
            yield* notes.skipped(skipped)
          }
          return
        }
        tally.refused += batch.length
        const error = result.left
        yield* notes.refused(batch.length, error._tag === "EventBatchRefused" ? error.problems : [error.message])
      })

    const lines = linesOf(file)
    while (true) {
      const next = yield* Effect.tryPromise({
        try: () => nextBatch(lines, options.batchSize),
        catch: (e) => new CliError({ message: `cannot read ${file}: ${messageOf(e)}` }),
      })
      if (next.batch.length > 0) yield* send(next.batch)
      if (next.done) break
      notes.progress(next.read, tally)
    }
    return tally
  })
