import { Command, Options } from "@effect/cli"
import { decodeInput } from "@teamops/core"
import { factsOf, MetricQuery, Metrics } from "@teamops/kpi"
import { Console, Effect, Option } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { parseJson, problemsIn } from "./Files.js"
import { factsCsv, printedFact, rowsCsv } from "./MetricCsv.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

export const metricCommand = Command.make(
  "metric",
  {
    database,
    query: Options.text("query").pipe(
      Options.withDescription(
        'The query as JSON: {"metric": "first_response_time", "groupBy": ["team", "period"], "period": "week", ...}',
      ),
    ),
    asOf: Options.text("as-of").pipe(
      Options.withDescription("RFC 3339 instant: ignore events after it (overrides the query's asOf; default now)"),
      Options.optional,
    ),
    facts: Options.boolean("facts").pipe(
      Options.withDescription(
        "With each row, what it counted: conversations and cycles, owners, instants and values (docs/metrics.md, section 14)",
      ),
    ),
    format: Options.choice("format", ["json", "csv"]).pipe(
      Options.withDescription("json (default): one array; csv: one line per row, or per fact with --facts"),
      Options.withDefault("json" as const),
    ),
  },
  ({ database, query, asOf, facts, format }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const raw = yield* parseJson("--query", query)
        const withAsOf =
          Option.isSome(asOf) && typeof raw === "object" && raw !== null ? { ...raw, asOf: asOf.value } : raw
        const decoded = yield* Effect.mapError(
          decodeInput(MetricQuery)(withAsOf),
          (error) => new CliError({ message: problemsIn("the query", error.message.split("\n")) }),
        )
        const server = yield* boot(database)
        const rows = yield* onHost(
          server,
          Effect.flatMap(Metrics, (m) =>
            Effect.map(m.reports([decoded], { drill: facts }), (reports) => reports[0] ?? []),
          ),
        )
        const drilled = rows.map((row) => ({ row, facts: factsOf(row) ?? [] }))
        if (format === "csv") yield* Console.log(facts ? factsCsv(drilled) : rowsCsv(rows))
        else if (facts)
          yield* Console.log(
            JSON.stringify(
              drilled.map((d) => ({ ...d.row, facts: d.facts.map(printedFact) })),
              null,
              2,
            ),
          )
        else yield* Console.log(JSON.stringify(rows, null, 2))
      }),
    ),
).pipe(
  Command.withDescription(
    "Print the rows of a metric query as one JSON array, or as CSV; with --facts, what each row counted",
  ),
)
