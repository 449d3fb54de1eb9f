// docs/ladders.md, run: every GraphQL request of its worked example is sent in order to one
// server with the default plugins and the demo organisation, and must answer what the page
// says it answers.
import { readFileSync } from "node:fs"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { blocksOf, type Example, exampleAt } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/ladders.md", import.meta.url), "utf8")

const blocks = blocksOf(page)

const examples: ReadonlyArray<Example> = blocks.flatMap((block, i) =>
  block.lang === "graphql" ? [exampleAt("docs/ladders.md", blocks, i)] : [],
)

// Ids are made when rows are created, so the page's ids are not this server's. Each id in an
// answer of the page stands for the id at the same place in the real answer.
const isGlobalId = (value: unknown): value is string => {
  if (typeof value !== "string") return false
  const decoded = Buffer.from(value, "base64").toString()
  return /^[A-Z][A-Za-z]*:[0-9A-Za-z-]+$/.test(decoded) && Buffer.from(decoded).toString("base64") === value
}

const ids = new Map<string, string>()

const learnIds = (shown: unknown, real: unknown): void => {
  if (isGlobalId(shown) && isGlobalId(real)) {
    if ((ids.get(shown) ?? real) !== real) throw new Error(`the page's id ${shown} stands for two ids`)
    ids.set(shown, real)
  } else if (Array.isArray(shown) && Array.isArray(real)) {
    for (const [index, item] of shown.entries()) learnIds(item, real[index])
  } else if (typeof shown === "object" && shown !== null && typeof real === "object" && real !== null) {
    for (const [key, value] of Object.entries(shown)) learnIds(value, (real as Record<string, unknown>)[key])
  }
}

const realIds = (shown: unknown): unknown => {
  if (isGlobalId(shown)) {
    const real = ids.get(shown)
    if (real === undefined) throw new Error(`the id ${shown} appears in no answer before it`)
    return real
  }
  if (Array.isArray(shown)) return shown.map(realIds)
  if (typeof shown === "object" && shown !== null) {
    return Object.fromEntries(Object.entries(shown).map(([key, value]) => [key, realIds(value)]))
  }
  return shown
}

let server: TeamopsServer

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
})
afterAll(() => server?.close())

it("the page shows the whole way: import, publish, assess, readiness, promote, a new version, a broken file", () => {
  const text = examples.map((e) => e.graphql).join("\n")
  for (const field of [
    "importLadder(",
    "publishLadderVersion(",
    "recordAssessment(",
    "addEvidence(",
    "readiness(",
    "promotePerson(",
    "levelHistory",
    "currentLevel",
    "currentCompetencies",
    "... on LadderFileError",
  ]) {
    expect(text).toContain(field)
  }
})

it("imports exactly the files the page shows", () => {
  const files = new Set(blocks.filter((b) => b.lang === "yaml").map((b) => b.text))
  const imported = examples.flatMap((e) => (typeof e.variables.content === "string" ? [e.variables.content] : []))
  expect(imported).toHaveLength(3)
  for (const content of imported) expect(files.has(content)).toBe(true)
})

describe("docs/ladders.md, in order", () => {
  it.each(examples.map((example) => [example.title, example] as const))("%s", async (_, example) => {
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: example.graphql, variables: realIds(example.variables) }),
    })
    const answer = (await response.json()) as { data?: unknown; errors?: unknown }
    learnIds(example.expected, answer)
    expect(answer).toEqual(realIds(example.expected))
  })
})
