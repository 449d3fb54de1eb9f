import { Args, Command, Options } from "@effect/cli"
import { type AreaHealth, exportAreas, HealthReader, importAreas } from "@teamops/aor"
import { type AuditEntry, operator } from "@teamops/core"
import { TeamRepo } from "@teamops/org"
import { appendAudit } from "@teamops/server"
import { Console, Effect, Option } from "effect"
import { instantOf } from "./AsOf.js"
import { type Booted, boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { formatOf, problemsIn, readText } from "./Files.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

const team = Options.text("team").pipe(
  Options.withDescription("The key of a team: only its areas (default every team's)"),
  Options.optional,
)

/** Fails unless the areas plugin is loaded: the commands below need its services. */
const needsAreas = (server: Booted) =>
  server.host.booted.some((plugin) => plugin.id === "aor")
    ? Effect.void
    : Effect.fail(new CliError({ message: 'the plugin "aor" is not loaded (see teamops.config.js)' }))

const areaImport = Command.make(
  "import",
  {
    database,
    file: Args.text({ name: "FILE" }).pipe(
      Args.withDescription(
        'An areas file (.yaml, .yml or .json): areas, each with key, name, purpose, team, category, weeklyHours, decisions, competencies, reviewEveryDays, owner (an email), contributors ({email, weeklyHours}) and handoverNote; every field is in docs/areas.md, "Areas as code"',
      ),
    ),
  },
  ({ database, file }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const format = yield* formatOf(file)
        const content = yield* readText(file)
        const server = yield* boot(database)
        yield* needsAreas(server)
        // Each change is audited as the operator's, in the import's transaction.
        const audit = (entries: ReadonlyArray<AuditEntry>) => appendAudit(operator, entries, new Date())
        const counts = yield* onHost(server, importAreas(format, content, { audit }), (error) =>
          error._tag === "AreaFileError" ? problemsIn(file, error.message.split("\n")) : `${file}: ${error.message}`,
        )
        yield* Console.log(JSON.stringify(counts, null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Import an areas file in one transaction: create new areas, update changed ones, hand over those whose owner changed, bring contributors to the file's list; print the counts",
  ),
)

const areaExport = Command.make("export", { database, team }, ({ database, team }) =>
  Effect.scoped(
    Effect.gen(function* () {
      const server = yield* boot(database)
      yield* needsAreas(server)
      const text = yield* onHost(server, exportAreas(Option.getOrUndefined(team)))
      yield* Effect.sync(() => process.stdout.write(text))
    }),
  ),
).pipe(
  Command.withDescription(
    "Print the active areas (of one team with --team) as an areas file in YAML: importing it changes nothing",
  ),
)

/** The report with people by email and areas by key, as a program reading it wants them. */
export const healthJson = (health: AreaHealth) => ({
  asOf: health.asOf,
  orphaned: health.orphaned.map((o) => ({ area: o.area.key, reason: o.reason })),
  overloaded: health.overloaded.map((o) => ({
    person: o.person.email,
    hours: o.hours,
    allowance: o.allowance,
    reason: o.reason,
  })),
  tooManyCooks: health.tooManyCooks.map((c) => ({ area: c.area.key, contributors: c.contributors, reason: c.reason })),
  stale: health.stale.map((s) => ({ area: s.area.key, lastLookedAfter: s.lastLookedAfter, reason: s.reason })),
  withoutArea: health.withoutArea.map((w) => ({ person: w.person.email, tenureDays: w.tenureDays, reason: w.reason })),
  tooEarly: health.tooEarly.map((t) => ({
    person: t.person.email,
    areas: t.areas.map((a) => a.key),
    tenureDays: t.tenureDays,
    reason: t.reason,
  })),
  people: health.people.map((p) => ({
    person: p.person.email,
    areaHours: p.areaHours,
    workingHours: p.workingHours,
    frontlineShare: p.frontlineShare,
  })),
})

/** The id of the team `key`, or null for every team. */
const teamIdOf = (server: Booted, key: Option.Option<string>) =>
  Option.match(key, {
    onNone: () => Effect.succeed(null),
    onSome: (teamKey) =>
      Effect.flatMap(
        onHost(
          server,
          Effect.flatMap(TeamRepo, (r) => r.byKey(teamKey)),
        ),
        (found) =>
          found === undefined
            ? Effect.fail(new CliError({ message: `no team with key "${teamKey}"` }))
            : Effect.succeed(found.id as string),
      ),
  })

const areaHealth = Command.make(
  "health",
  {
    database,
    team,
    asOf: Options.text("as-of").pipe(
      Options.withDescription("RFC 3339 instant: the report as things stood then (default now)"),
      Options.optional,
    ),
  },
  ({ database, team, asOf }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const at = Option.isSome(asOf) ? new Date(yield* instantOf(asOf.value)).toISOString() : new Date().toISOString()
        const server = yield* boot(database)
        yield* needsAreas(server)
        const teamId = yield* teamIdOf(server, team)
        const [report] = yield* onHost(
          server,
          Effect.flatMap(HealthReader, (r) => r.of([teamId], at)),
        )
        yield* Console.log(JSON.stringify(healthJson(report as AreaHealth), null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Print the health of the areas (of one team with --team) as JSON: orphaned, overloaded people, too many cooks, stale, people without an area, newcomers with one, and each person's hours",
  ),
)

export const areaCommand = Command.make("area").pipe(
  Command.withDescription("Areas of responsibility: import and export an areas file, and their health"),
  Command.withSubcommands([areaImport, areaExport, areaHealth]),
)
