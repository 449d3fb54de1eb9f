// docs/coverage.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the files it shows are imported as the command line imports them,
// and every GraphQL request must answer what the page says it answers.
import { readFileSync } from "node:fs"
import { decodeInput } from "@teamops/core"
import { testDatabase, testDialects } from "@teamops/core/testing"
import { CoverageQuery, coverageJson, coveragesOf } from "@teamops/coverage"
import { CalendarFile, EventLog, encodeCalendar, setCalendar } from "@teamops/kpi"
import { decodeOrgFile, importOrg, TeamRepo } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { authorized, mintToken } from "./credentials.js"
import { type Block, blocksOf, type Example, exampleAt } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/coverage.md", import.meta.url), "utf8")
const blocks = blocksOf(page)
const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))
const fileText = (name: string) => {
  const text = files.get(name)
  if (text === undefined) throw new Error(`docs/coverage.md shows no file ${name}`)
  return text
}

/** The command of an `sh` block and the output block after it. */
const commands = blocks.flatMap((block, i) =>
  block.lang === "sh" ? [{ words: block.text.trim().split(/\s+/), output: blocks[i + 1] as Block }] : [],
)
const examples = blocks.flatMap((block, i) =>
  block.lang === "graphql" ? [exampleAt("docs/coverage.md", blocks, i)] : [],
)

describe.each(testDialects())("docs/coverage.md on %s", (dialect) => {
  let booted: TeamopsServer
  let server: TeamopsServer
  let drop: () => Promise<void>
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)

  beforeAll(async () => {
    const database = await testDatabase(dialect)
    drop = database.drop
    booted = await createServer({ databaseUrl: database.url, plugins: defaultPlugins, graphiql: false })
    server = authorized(booted, await mintToken(booted, { service: "coverage-guide" }, ["metrics:read"]))
  })
  afterAll(async () => {
    await booted?.close()
    await drop?.()
  })

  it("imports the organisation, the calendar and the events as the commands print", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import", "calendar set", "events import"])
    for (const { words, output } of commands) {
      const shown = output.lang === "text" ? output.text.trim() : JSON.parse(output.text)
      if (words[1] === "org") {
        const file = fileText(words[3] as string)
        expect(await run(Effect.flatMap(decodeOrgFile(JSON.parse(file)), importOrg))).toEqual(shown)
      } else if (words[1] === "calendar") {
        const [team, name] = [words[3] as string, words[4] as string]
        const versions = await run(decodeInput(CalendarFile)(JSON.parse(fileText(name))))
        const stored = await run(setCalendar(team, versions))
        expect(JSON.parse(JSON.stringify({ team, calendar: encodeCalendar(stored) }))).toEqual(shown)
      } else {
        const events = fileText(words[3] as string)
          .trim()
          .split("\n")
          .map((line, i) => ({ where: `line ${i + 1}`, value: JSON.parse(line) }))
        const summary = await run(Effect.flatMap(EventLog, (log) => log.ingest(events)))
        expect(JSON.stringify({ ...summary, refused: 0, skipped: undefined })).toBe(shown)
      }
    }
  })

  it.each(examples)("$title", async (example) => {
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: example.graphql, variables: example.variables }),
    })
    expect(await response.json()).toEqual(example.expected)
  })

  it("prints on the command line the week the first request answers", async () => {
    const shown = ((examples[0] as Example).expected.data as any).team.coverage
    const query = await run(decodeInput(CoverageQuery)({ weekOf: "2026-03-11", weeks: 2 }))
    const team = await run(Effect.flatMap(TeamRepo, (r) => r.byKey("relay")))
    const [coverage] = await run(coveragesOf([team as { id: string; key: string }], query))
    const printed = coverageJson(coverage as NonNullable<typeof coverage>)
    expect([printed.team, printed.timeZone, printed.start, printed.end]).toEqual([
      "relay",
      shown.timeZone,
      shown.start,
      shown.end,
    ])
    expect(printed.intervals).toHaveLength(336)
    expect(printed.gaps).toEqual(shown.gaps)
  })
})
