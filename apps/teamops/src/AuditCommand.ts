import { Command, Options } from "@effect/cli"
import { Directory } from "@teamops/core"
import { type AuditRecord, readAudit } from "@teamops/server"
import { Console, Effect, Option } from "effect"
import { type Booted, boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"
import { personByEmail } from "./TokenCommand.js"

const personLabel = /^person:(.+)$/

/** `--principal` as the log names it: an email stands for `person:<id>`. */
const principalOf = (server: Booted, principal: string) =>
  principal.includes("@")
    ? Effect.map(
        personByEmail(
          server,
          principal
            .replace(/^person:/, "")
            .trim()
            .toLowerCase(),
        ),
        (p) => `person:${p.personId}`,
      )
    : Effect.succeed(principal)

/** The emails of the people the lines name, to print in place of their ids. */
const emailsIn = (server: Booted, lines: ReadonlyArray<AuditRecord>) =>
  onHost(
    server,
    Effect.flatMap(Effect.serviceOption(Directory), (directory) => {
      const ids = new Set(lines.flatMap((line) => personLabel.exec(line.principal)?.[1] ?? []))
      if (Option.isNone(directory)) return Effect.succeed(new Map<string, string>())
      return Effect.map(
        Effect.forEach(ids, (id) => directory.value.byId(id)),
        (people) =>
          new Map(people.flatMap((p) => (p === undefined ? [] : [[`person:${p.personId}`, p.email] as const]))),
      )
    }),
  )

/** The lines as columns: at, principal, operation, targets, outcome. */
const table = (lines: ReadonlyArray<AuditRecord>, names: ReadonlyMap<string, string>) => {
  const rows = lines.map((line) => [
    line.at,
    names.get(line.principal) ?? line.principal,
    line.operation,
    line.targets.length === 0 ? "-" : line.targets.join(","),
    line.outcome,
  ])
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)))
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  )
}

export const auditCommand = Command.make(
  "audit",
  {
    database,
    principal: Options.text("principal").pipe(
      Options.withDescription(
        "Only the lines of this principal: person:<id> or a person's email, service:<name>, operator or anonymous",
      ),
      Options.optional,
    ),
    operation: Options.text("operation").pipe(
      Options.withDescription("Only the lines of this operation, such as promotePerson or token create"),
      Options.optional,
    ),
    denied: Options.boolean("denied").pipe(Options.withDescription("Only the requests that were denied")),
    limit: Options.integer("limit").pipe(
      Options.withDescription("How many lines, newest first (default 50)"),
      Options.withDefault(50),
    ),
    json: Options.boolean("json").pipe(Options.withDescription("One JSON object a line instead of columns")),
  },
  ({ database, principal, operation, denied, limit, json }) =>
    Effect.scoped(
      Effect.gen(function* () {
        if (limit < 1) return yield* new CliError({ message: `--limit: expected 1 or more, got ${limit}` })
        const server = yield* boot(database)
        const who = Option.isSome(principal) ? yield* principalOf(server, principal.value) : undefined
        const lines = yield* onHost(
          server,
          readAudit({
            limit,
            ...(who === undefined ? {} : { principal: who }),
            ...(Option.isSome(operation) ? { operation: operation.value } : {}),
            ...(denied ? { denied: true } : {}),
          }),
        )
        if (json) {
          for (const line of lines) yield* Console.log(JSON.stringify(line))
          return
        }
        if (lines.length === 0) return yield* Console.error("no audit lines")
        yield* Console.log(table(lines, yield* emailsIn(server, lines)).join("\n"))
      }),
    ),
).pipe(
  Command.withDescription(
    "Print the newest lines of the audit log, one a line: when, who, what, on what, and how it ended",
  ),
)
