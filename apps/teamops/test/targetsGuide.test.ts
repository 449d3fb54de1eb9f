// docs/targets.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the files it shows are imported as the command line imports them,
// and every GraphQL request must answer what the page says it answers.
import { readFileSync } from "node:fs"
import { testDatabase, testDialects } from "@teamops/core/testing"
import { EventLog } from "@teamops/kpi"
import { decodeOrgFile, importOrg } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { readTargetFile, TargetRepo } from "@teamops/targets"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { printed } from "../src/TargetCommand.js"
import { authorized, mintToken } from "./credentials.js"
import { type Block, blocksOf, exampleAt } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/targets.md", import.meta.url), "utf8")
const blocks = blocksOf(page)
const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))
const fileText = (name: string) => {
  const text = files.get(name)
  if (text === undefined) throw new Error(`docs/targets.md shows no file ${name}`)
  return text
}

/** The command of an `sh` block and the output block after it. */
const commands = blocks.flatMap((block, i) =>
  block.lang === "sh" ? [{ words: block.text.trim().split(/\s+/), output: blocks[i + 1] as Block }] : [],
)
const examples = blocks.flatMap((block, i) =>
  block.lang === "graphql" ? [exampleAt("docs/targets.md", blocks, i)] : [],
)

describe.each(testDialects())("docs/targets.md on %s", (dialect) => {
  let booted: TeamopsServer
  let server: TeamopsServer
  let drop: () => Promise<void>
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)

  beforeAll(async () => {
    const database = await testDatabase(dialect)
    drop = database.drop
    booted = await createServer({ databaseUrl: database.url, plugins: defaultPlugins, graphiql: false })
    server = authorized(booted, await mintToken(booted, { service: "targets-guide" }, ["admin"]))
  })
  afterAll(async () => {
    await booted?.close()
    await drop?.()
  })

  it("imports the organisation, the events and the targets as the commands print", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import", "events import", "target set"])
    for (const { words, output } of commands) {
      const file = fileText(words[3] as string)
      const shown = output.lang === "text" ? output.text.trim() : JSON.parse(output.text)
      if (words[1] === "org") {
        expect(await run(Effect.flatMap(decodeOrgFile(JSON.parse(file)), importOrg))).toEqual(shown)
      } else if (words[1] === "events") {
        const events = file
          .trim()
          .split("\n")
          .map((line, i) => ({ where: `line ${i + 1}`, value: JSON.parse(line) }))
        const summary = await run(Effect.flatMap(EventLog, (log) => log.ingest(events)))
        expect(JSON.stringify({ ...summary, refused: 0, skipped: undefined })).toBe(shown)
      } else {
        const stored = await run(
          Effect.flatMap(readTargetFile(file), (f) =>
            Effect.flatMap(TargetRepo, (repo) => repo.set(f.targets, ["targets"])),
          ),
        )
        expect(JSON.parse(JSON.stringify(stored.map(printed)))).toEqual(shown)
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
})
