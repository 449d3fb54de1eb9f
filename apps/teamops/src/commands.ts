import { Command, Options } from "@effect/cli"
import type { Plugin } from "@teamops/core"
import { seedDemo } from "@teamops/server"
import { Console, Deferred, Effect, Exit } from "effect"
import { printSchema } from "graphql"
import { areaCommand } from "./AreaCommand.js"
import { auditCommand } from "./AuditCommand.js"
import { boot } from "./Boot.js"
import { calendarCommand } from "./CalendarCommand.js"
import { CliError } from "./CliError.js"
import { coverageCommand } from "./CoverageCommand.js"
import { demoTokens } from "./DemoTokens.js"
import { eventsCommand } from "./EventsCommand.js"
import { historyCommand } from "./HistoryCommand.js"
import { ladderCommand } from "./LadderCommand.js"
import { metricCommand } from "./MetricCommand.js"
import { database, host, port } from "./Options.js"
import { orgCommand } from "./OrgCommand.js"
import { pluginCommands } from "./PluginCommands.js"
import { tokenCommand } from "./TokenCommand.js"

const json = (value: unknown) => Console.log(JSON.stringify(value, null, 2))

const seeded = (server: Effect.Effect.Success<ReturnType<typeof boot>>, whenEmpty: boolean) =>
  Effect.tryPromise({
    try: () => seedDemo(server.host, { whenEmpty }),
    catch: (e) => new CliError({ message: `seeding failed: ${e instanceof Error ? e.message : String(e)}` }),
  })

// The first SIGTERM or SIGINT, listened for from the start so that one sent as soon as the
// server says it is serving still lets it close before the process exits.
const stopSignal = Effect.gen(function* () {
  const signal = yield* Deferred.make<string>()
  const stop = (name: string) => Deferred.unsafeDone(signal, Exit.succeed(name))
  yield* Effect.acquireRelease(
    Effect.sync(() => {
      process.once("SIGTERM", stop)
      process.once("SIGINT", stop)
    }),
    () =>
      Effect.sync(() => {
        process.off("SIGTERM", stop)
        process.off("SIGINT", stop)
      }),
  )
  return Deferred.await(signal)
})

const listenError = (port: number, e: unknown) => {
  const code = (e as { code?: string }).code
  const why =
    code === "EADDRINUSE"
      ? "the port is in use"
      : code === "EACCES"
        ? "permission denied"
        : e instanceof Error
          ? e.message
          : String(e)
  return new CliError({ message: `cannot listen on port ${port}: ${why}` })
}

const serve = Command.make(
  "serve",
  {
    port,
    host,
    database,
    demo: Options.boolean("demo").pipe(Options.withDescription("Seed demo data into an empty database")),
  },
  ({ port, host, database, demo }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const stopped = yield* stopSignal
        const server = yield* boot(database)
        if (demo && (yield* seeded(server, true))) yield* Effect.logInfo("seeded the demo organisation")
        if (demo) yield* demoTokens(server)
        const bound = yield* Effect.tryPromise({
          try: () => server.listen(port, host),
          catch: (e) => listenError(port, e),
        })
        // The address as bound, so that the line says who can reach the server (an IPv6 one in brackets).
        const address = host.includes(":") ? `[${host}]` : host
        yield* Effect.logInfo(
          `teamops serving http://${address}:${bound}/graphql (database ${server.host.db.location})`,
        )
        const signal = yield* stopped
        yield* Effect.logInfo(`${signal}: shutting down`)
      }),
    ),
).pipe(Command.withDescription("Serve the GraphQL API (with /healthz and /readyz)"))

const migrate = Command.make("migrate", { database }, ({ database }) =>
  Effect.scoped(
    Effect.flatMap(boot(database), (server) =>
      json({ database: server.host.db.location, plugins: server.host.plugins }),
    ),
  ),
).pipe(Command.withDescription("Bring the database up to date with every plugin's migrations"))

const seed = Command.make("seed", { database }, ({ database }) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* boot(database)
      yield* seeded(server, false)
      yield* json({
        database: server.host.db.location,
        seeded: server.host.booted.filter((p) => p.demo).map((p) => p.id),
      })
    }),
  ),
).pipe(Command.withDescription("Add the demo organisation (adds only what is missing)"))

const schemaPrint = Command.make("print", {}, () =>
  Effect.scoped(Effect.flatMap(boot(":memory:"), (server) => Console.log(printSchema(server.host.schema)))),
).pipe(Command.withDescription("Print the GraphQL schema (SDL) of the configured plugins"))

const schema = Command.make("schema").pipe(
  Command.withDescription("GraphQL schema tools"),
  Command.withSubcommands([schemaPrint]),
)

// One type for all: what each command parses is only its handler's concern.
const hostCommands: ReadonlyArray<Command.Command<any, never, CliError, any>> = [
  serve,
  migrate,
  seed,
  schema,
  orgCommand,
  historyCommand,
  ladderCommand,
  areaCommand,
  calendarCommand,
  eventsCommand,
  metricCommand,
  coverageCommand,
  tokenCommand,
  auditCommand,
]

/** `teamops`: the host's commands and those of `plugins`. */
export const teamops = (plugins: ReadonlyArray<Plugin<any>>) =>
  Command.make("teamops").pipe(
    Command.withDescription("Run a support organisation so people grow and customers stay"),
    Command.withSubcommands([
      ...hostCommands,
      ...pluginCommands(
        plugins,
        hostCommands.flatMap((c) => [...Command.getNames(c)]),
      ),
    ] as [Command.Command<any, never, CliError, any>]),
  )
