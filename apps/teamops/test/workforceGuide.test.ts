// docs/workforce.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the organisation file is imported as the command line imports it,
// every GraphQL request must answer what the page says it answers, and what the page says a
// manager and a member read is checked with their own tokens.
import { readFileSync } from "node:fs"
import { testDatabase, testDialects } from "@teamops/core/testing"
import { decodeOrgFile, importOrg } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { authorized, mintToken } from "./credentials.js"
import { type Block, blocksOf, exampleAt } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/workforce.md", import.meta.url), "utf8")
const blocks = blocksOf(page)
const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))

/** The command of an `sh` block and the output block after it. */
const commands = blocks.flatMap((block, i) =>
  block.lang === "sh" ? [{ words: block.text.trim().split(/\s+/), output: blocks[i + 1] as Block }] : [],
)
const examples = blocks.flatMap((block, i) =>
  block.lang === "graphql" ? [exampleAt("docs/workforce.md", blocks, i)] : [],
)

const ask = async (server: TeamopsServer, query: string) => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  })
  return response.json()
}

describe.each(testDialects())("docs/workforce.md on %s", (dialect) => {
  let booted: TeamopsServer
  let server: TeamopsServer
  let drop: () => Promise<void>
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromise(effect)

  beforeAll(async () => {
    const database = await testDatabase(dialect)
    drop = database.drop
    booted = await createServer({ databaseUrl: database.url, plugins: defaultPlugins, graphiql: false })
    server = authorized(booted, await mintToken(booted, { service: "workforce-guide" }, ["admin"]))
  })
  afterAll(async () => {
    await booted?.close()
    await drop?.()
  })

  it("imports the organisation as the command prints", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import"])
    const [{ words, output }] = commands as [(typeof commands)[number]]
    const file = files.get(words[3] as string)
    expect(file, `docs/workforce.md shows no file ${words[3]}`).toBeDefined()
    expect(await run(Effect.flatMap(decodeOrgFile(JSON.parse(file as string)), importOrg))).toEqual(
      JSON.parse(output.text),
    )
  })

  it.each(examples)("$title", async (example) => {
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: example.graphql, variables: example.variables }),
    })
    expect(await response.json()).toEqual(example.expected)
  })

  it("shows Ana, the manager, each team's figures without money, and Carla, a member, none", async () => {
    const [frontline, organisation] = examples as [(typeof examples)[number], (typeof examples)[number]]
    const shown = (frontline.expected.data as any).team.workforce
    const withoutMoney = {
      ...shown,
      turnoverCost: null,
      uncostedDepartures: null,
      departures: shown.departures.map((d: any) => ({ ...d, annualSalary: null })),
    }
    const ana = authorized(booted, await mintToken(booted, { email: "ana@acme.example" }))
    expect(await ask(ana, frontline.graphql)).toEqual({ data: { team: { workforce: withoutMoney } } })
    const billing = await ask(
      ana,
      `{ team(key: "billing") { workforce(from: "2026-01-01", to: "2026-03-31") { turnoverRate turnoverCost } } }`,
    )
    expect(billing).toEqual({ data: { team: { workforce: { turnoverRate: 0.5, turnoverCost: null } } } })
    const refused = await ask(ana, organisation.graphql)
    expect(refused.errors).toMatchObject([{ message: "not allowed: workforce", extensions: { code: "FORBIDDEN" } }])

    const carla = authorized(booted, await mintToken(booted, { email: "carla@acme.example" }))
    expect(await ask(carla, frontline.graphql)).toEqual({ data: { team: { workforce: null } } })
  })
})
