import { readFile } from "node:fs/promises"
import { Args, Command, Options } from "@effect/cli"
import { CommandError, commandGroup, InstantMillis } from "@teamops/core"
import { Clock, Console, Effect, Option, Schema } from "effect"
import type { Target } from "./Target.js"
import { TargetBook } from "./TargetBook.js"
import { readTargetFile } from "./TargetFile.js"
import { inForceAt } from "./TargetList.js"
import { TargetRepo } from "./TargetRepo.js"

// `teamops target set FILE` and `teamops target list`: the targets plugin's own commands.

/** A version of a target as the command line prints it: instants in RFC 3339. */
export const printedTarget = (t: Target) => ({
  ...t,
  effectiveFrom: t.effectiveFrom === null ? null : new Date(t.effectiveFrom).toISOString(),
})

const print = (targets: ReadonlyArray<Target>) => Console.log(JSON.stringify(targets.map(printedTarget), null, 2))

/** Several problems of a file, one per line, under a line that counts them. */
const problemsIn = (file: string, message: string) => {
  const problems = message.split("\n")
  return `${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.join("\n")}`
}

const readText = (file: string) =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (e) => new CommandError({ message: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` }),
  })

const instantOf = (text: string) =>
  Schema.decodeUnknown(InstantMillis)(text).pipe(
    Effect.mapError(
      () =>
        new CommandError({
          message: `--as-of: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got ${JSON.stringify(text)}`,
        }),
    ),
  )

const targetSet = Command.make(
  "set",
  {
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'A targets file (.yaml, .yml or .json): {"targets": [{"metric", "statistic", "scope": {"kind", "key"}, "complexity", "good": {"min", "max"}, "acceptable", "effectiveFrom"}]}; see docs/targets.md',
      ),
    ),
  },
  ({ file }) =>
    Effect.gen(function* () {
      const content = yield* readText(file)
      const decoded = yield* Effect.mapError(
        readTargetFile(content),
        (error) => new CommandError({ message: problemsIn(file, error.message) }),
      )
      const stored = yield* Effect.flatMap(TargetRepo, (repo) => repo.set(decoded.targets, ["targets"])).pipe(
        Effect.catchTag("InputError", (error) => new CommandError({ message: problemsIn(file, error.message) })),
      )
      yield* print(stored)
    }),
).pipe(Command.withDescription("Add the versions of targets of a file, all or none; print the versions stored"))

const targetList = Command.make(
  "list",
  {
    metric: Options.text("metric").pipe(Options.withDescription("Only the targets of this metric"), Options.optional),
    asOf: Options.text("as-of").pipe(
      Options.withDescription("The instant the targets are in force at (RFC 3339; default now)"),
      Options.optional,
    ),
    history: Options.boolean("history").pipe(Options.withDescription("Every version ever set, and the defaults")),
  },
  ({ metric, asOf, history }) =>
    Effect.gen(function* () {
      const at = Option.isSome(asOf) ? yield* instantOf(asOf.value) : yield* Clock.currentTimeMillis
      const versions = yield* Effect.flatMap(TargetBook, (book) => book.versions)
      const ofMetric = versions.filter((v) => Option.isNone(metric) || v.metric === metric.value)
      yield* print(history ? ofMetric : inForceAt(ofMetric, at))
    }),
).pipe(Command.withDescription("Print the targets in force (with --history, every version), defaults included"))

export const targetCommands = commandGroup("target", "Targets: bands for the metrics, with their history", [
  targetSet,
  targetList,
])
