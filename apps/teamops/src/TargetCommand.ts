import { Args, Command, Options } from "@effect/cli"
import { inForceAt, readTargetFile, type Target, TargetBook, TargetRepo } from "@teamops/targets"
import { Clock, Console, Effect, Option } from "effect"
import { instantOf } from "./AsOf.js"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { problemsIn, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

/** A version of a target as the command line prints it: instants in RFC 3339. */
export const printed = (t: Target) => ({
  ...t,
  effectiveFrom: t.effectiveFrom === null ? null : new Date(t.effectiveFrom).toISOString(),
})

const print = (targets: ReadonlyArray<Target>) => Console.log(JSON.stringify(targets.map(printed), null, 2))

const targetSet = Command.make(
  "set",
  {
    database,
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'A targets file (.yaml, .yml or .json): {"targets": [{"metric", "statistic", "scope": {"kind", "key"}, "complexity", "good": {"min", "max"}, "acceptable", "effectiveFrom"}]}; see docs/targets.md',
      ),
    ),
  },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const content = yield* readText(file)
        const decoded = yield* Effect.mapError(
          readTargetFile(content),
          (error) => new CliError({ message: problemsIn(file, error.message.split("\n")) }),
        )
        const server = yield* boot(database)
        const stored = yield* onHost(
          server,
          Effect.flatMap(TargetRepo, (repo) => repo.set(decoded.targets, ["targets"])),
          (error) => problemsIn(file, error.message.split("\n")),
        )
        yield* print(stored)
      }),
    ),
).pipe(Command.withDescription("Add the versions of targets of a file, all or none; print the versions stored"))

const targetList = Command.make(
  "list",
  {
    database,
    metric: Options.text("metric").pipe(Options.withDescription("Only the targets of this metric"), Options.optional),
    asOf: Options.text("as-of").pipe(
      Options.withDescription("The instant the targets are in force at (RFC 3339; default now)"),
      Options.optional,
    ),
    history: Options.boolean("history").pipe(Options.withDescription("Every version ever set, and the defaults")),
  },
  ({ database, metric, asOf, history }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const at = Option.isSome(asOf) ? yield* instantOf(asOf.value) : yield* Clock.currentTimeMillis
        const server = yield* boot(database)
        const versions = yield* onHost(
          server,
          Effect.flatMap(TargetBook, (book) => book.versions),
        )
        const ofMetric = versions.filter((v) => Option.isNone(metric) || v.metric === metric.value)
        yield* print(history ? ofMetric : inForceAt(ofMetric, at))
      }),
    ),
).pipe(Command.withDescription("Print the targets in force (with --history, every version), defaults included"))

export const targetCommand = Command.make("target").pipe(
  Command.withDescription("Targets: bands for the metrics, with their history"),
  Command.withSubcommands([targetSet, targetList]),
)
