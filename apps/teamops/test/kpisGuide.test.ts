// docs/kpis.md, run: every step of its worked example is taken in order on one server with the
// default plugins. The files the page shows are imported as the command line would import
// them, the rows the page shows for `teamops metric` are compared with the report's, and
// every GraphQL request must answer what the page says it answers.
import { readFileSync } from "node:fs"
import { decodeInput, type TokenScope } from "@teamops/core"
import {
  CalendarFile,
  EventBatchRefused,
  EventLog,
  encodeCalendar,
  MetricQuery,
  Metrics,
  type RawEvent,
  setCalendar,
} from "@teamops/kpi"
import { decodeOrgFile, importOrg } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect, Either } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { expectShowsToken, mintToken, withBearer } from "./credentials.js"
import { type Block, blocksOf, type Example, exampleAt } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/kpis.md", import.meta.url), "utf8")

const blocks = blocksOf(page)

const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))

type Step =
  | ({ readonly kind: "graphql" } & Example)
  | { readonly kind: "command"; readonly title: string; readonly args: ReadonlyArray<string>; readonly output: Block }

/** The words of a command line, quotes removed: `--query '{"a": 1}'` is two words. */
const words = (command: string) =>
  [...command.replace(/\\\n/g, " ").matchAll(/'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string)

const where = (block: Block) => `docs/kpis.md:${block.line}`

/** The steps in the order of the page: each command with its output, each request with its answer. */
const steps: ReadonlyArray<Step> = blocks.flatMap((block, i): Array<Step> => {
  const next = (at: number) => {
    const found = blocks[at]
    if (found === undefined || found.file !== undefined) throw new Error(`${where(block)}: expected a block after it`)
    return found
  }
  if (block.lang === "sh") {
    const args = words(block.text.trim())
    if (args[0] !== "teamops") throw new Error(`${where(block)}: expected a teamops command`)
    return [
      { kind: "command", title: `line ${block.line}: ${block.text.trim()}`, args: args.slice(1), output: next(i + 1) },
    ]
  }
  if (block.lang !== "graphql") return []
  return [{ kind: "graphql", ...exampleAt("docs/kpis.md", blocks, i) }]
})

// The service account's token the page makes for its GraphQL part, with the scopes it names.
const tokenCommand = /teamops token create --service ([\w-]+)((?: --scope [\w:-]+)+)/.exec(page)
const tokenScopes = [...(tokenCommand?.[2] ?? "").matchAll(/--scope ([\w:-]+)/g)].map((m) => m[1] as TokenScope)

let server: TeamopsServer
let token: string
const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  token = await mintToken(server, { service: tokenCommand?.[1] ?? "" }, tokenScopes)
})
afterAll(() => server?.close())

/** The value of an option (`--batch-size 2`), and the words that are not options. */
const parse = (args: ReadonlyArray<string>) => {
  const options = new Map<string, string>()
  const rest: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string
    if (word.startsWith("--")) options.set(word.slice(2), args[++i] as string)
    else rest.push(word)
  }
  return { options, rest }
}

const fileText = (name: string | undefined) => {
  const text = name === undefined ? undefined : files.get(name)
  if (text === undefined) throw new Error(`the page shows no file ${name}`)
  return text
}

/** What `teamops events import` writes, standard error and output in the order they appear. */
const importEvents = async (name: string, batchSize: number) => {
  const out: Array<string> = []
  const tally = { accepted: 0, duplicates: 0, refused: 0 }
  const send = async (batch: ReadonlyArray<Either.Either<RawEvent, string>>) => {
    const broken = batch.flatMap((line) => (Either.isLeft(line) ? [line.left] : []))
    const events = batch.flatMap((line) => (Either.isRight(line) ? [line.right] : []))
    const result =
      broken.length > 0
        ? Either.left(new EventBatchRefused({ message: broken.join("\n"), problems: broken }))
        : await run(Effect.either(Effect.flatMap(EventLog, (log) => log.ingest(events))))
    if (Either.isRight(result)) {
      tally.accepted += result.right.accepted
      tally.duplicates += result.right.duplicates
      return
    }
    tally.refused += batch.length
    const problems = result.left._tag === "EventBatchRefused" ? result.left.problems : [result.left.message]
    out.push(
      `${name}: a batch of ${batch.length === 1 ? "1 event" : `${batch.length} events`} was refused, nothing of it was stored:`,
      ...problems,
    )
  }
  let batch: Array<Either.Either<RawEvent, string>> = []
  for (const [index, line] of fileText(name).split("\n").entries()) {
    if (line.trim() === "") continue
    try {
      batch.push(Either.right({ where: `line ${index + 1}`, value: JSON.parse(line) }))
    } catch (e) {
      batch.push(Either.left(`line ${index + 1}: not valid JSON: ${(e as Error).message}`))
    }
    if (batch.length >= batchSize) {
      await send(batch)
      batch = []
    }
  }
  if (batch.length > 0) await send(batch)
  out.push(JSON.stringify(tally))
  if (tally.refused > 0) out.push(`teamops: ${tally.refused} events were refused`)
  return out.join("\n")
}

/** Takes a command of the page on the test's server; answers its output as the page shows it. */
const perform = async (args: ReadonlyArray<string>, output: Block): Promise<void> => {
  const { options, rest } = parse(args)
  const [group, action, ...operands] = rest
  const shown = () => JSON.parse(output.text) as unknown
  const command = [group, action].filter((w) => w !== undefined).join(" ")
  switch (command) {
    case "org import": {
      const file = JSON.parse(fileText(operands[0])) as unknown
      const counts = await run(Effect.flatMap(decodeOrgFile(file), importOrg))
      expect(counts).toEqual(shown())
      return
    }
    case "calendar set": {
      const [team, name] = operands
      const file = JSON.parse(fileText(name)) as unknown
      const stored = await run(
        Effect.flatMap(decodeInput(CalendarFile)(file), (versions) => setCalendar(team as string, versions)),
      )
      expect({ team, calendar: encodeCalendar(stored) }).toEqual(shown())
      return
    }
    case "events import": {
      const size = options.has("batch-size") ? Number(options.get("batch-size")) : Number.POSITIVE_INFINITY
      expect(output.lang).toBe("text")
      expect(await importEvents(operands[0] as string, size)).toBe(output.text.trimEnd())
      return
    }
    default: {
      if (group !== "metric") throw new Error(`the test does not know the command ${command}`)
      const raw = JSON.parse(options.get("query") as string) as Record<string, unknown>
      const asOf = options.get("as-of")
      const query = asOf === undefined ? raw : { ...raw, asOf }
      const rows = await run(
        Effect.flatMap(decodeInput(MetricQuery)(query), (q) => Effect.flatMap(Metrics, (m) => m.report(q))),
      )
      // The command prints the rows as JSON: compare what a reader of that JSON sees.
      expect(JSON.parse(JSON.stringify(rows))).toStrictEqual(shown())
    }
  }
}

it("the page shows the whole way: files, commands, ingestion, calendars, reports", () => {
  const commands = steps.flatMap((s) => (s.kind === "command" ? [s.args.slice(0, 2).join(" ")] : []))
  for (const command of ["org import", "calendar set", "events import", "metric --query"]) {
    expect(commands).toContain(command)
  }
  const text = steps.flatMap((s) => (s.kind === "graphql" ? [s.graphql] : [])).join("\n")
  for (const field of [
    "ingestEvents(",
    "... on EventBatchRefused",
    "setTeamCalendar(",
    "metric(",
    "kpis(",
    "funnel(",
    "asOf",
  ]) {
    expect(text).toContain(field)
  }
  // Every report of the page names the instant it is computed at.
  for (const step of steps) {
    if (step.kind === "command" && step.args[0] === "metric") {
      expect(step.args.includes("--as-of") || /"asOf"/.test(step.args.join(" "))).toBe(true)
    }
    if (step.kind === "graphql" && /\b(metric|kpis|funnel)\(/.test(step.graphql)) {
      expect(step.graphql).toContain("asOf:")
    }
  }
})

it("makes a service account's token for its requests, and says they carry it", () => {
  expect(tokenCommand?.[1]).toBe("helpdesk-dashboard")
  expect(tokenScopes).toEqual(["events:write", "org:write", "metrics:read"])
  expectShowsToken("docs/kpis.md", page)
})

it("uses every file the page shows, and shows every file it uses", () => {
  const used = steps.flatMap((s) => (s.kind === "command" ? s.args.filter((w) => files.has(w)) : []))
  expect(new Set(used)).toEqual(new Set(files.keys()))
  const named = steps.flatMap((s) => (s.kind === "command" ? s.args.filter((w) => /\.jsonl?$/.test(w)) : []))
  for (const name of named) expect(files.has(name)).toBe(true)
})

describe("docs/kpis.md, in order", () => {
  it.each(steps.map((step) => [step.title, step] as const))("%s", async (_, step) => {
    if (step.kind === "command") return perform(step.args, step.output)
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: withBearer(token),
      body: JSON.stringify({ query: step.graphql, variables: step.variables }),
    })
    expect(await response.json()).toStrictEqual(step.expected)
  })
})
