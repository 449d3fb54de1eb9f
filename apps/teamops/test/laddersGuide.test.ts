// docs/ladders.md, run: every GraphQL request of its worked example is sent in order to one
// server with the default plugins and the demo organisation, and must answer what the page
// says it answers.
import { readFileSync } from "node:fs"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { expectShowsToken, mintToken, withBearer } from "./credentials.js"
import { blocksOf, type Example, exampleAt, exampleIds } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/ladders.md", import.meta.url), "utf8")

const blocks = blocksOf(page)

const examples: ReadonlyArray<Example> = blocks.flatMap((block, i) =>
  block.lang === "graphql" ? [exampleAt("docs/ladders.md", blocks, i)] : [],
)

// Ids are made when rows are created, so the page's ids are not this server's. Each id in an
// answer of the page stands for the id at the same place in the real answer.
const { learn: learnIds, real: realIds } = exampleIds()

let server: TeamopsServer
// The demo's admin token, as `teamops serve --demo` prints it: the head of support's, with `admin`.
let token: string

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
  token = await mintToken(server, { email: "eleni@teamops.example" }, ["admin"])
})

// A request that records an assessment is sent as the rater (`# Sent as EMAIL` in its first
// line), with a token of theirs made as `teamops token create --person EMAIL` makes it.
const sentAs = (graphql: string) => /^# Sent as ([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/.exec(graphql)?.[1]
const tokens = new Map<string, Promise<string>>()
const tokenFor = (example: Example) => {
  const email = sentAs(example.graphql)
  if (email === undefined) return Promise.resolve(token)
  if (!tokens.has(email)) tokens.set(email, mintToken(server, { email }))
  return tokens.get(email) as Promise<string>
}
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

it("says which token the requests carry, and where it comes from; the rater's for an assessment", () => {
  expectShowsToken("docs/ladders.md", page)
  for (const example of examples) {
    if (/\b(recordAssessment|addEvidence)\(/.test(example.graphql))
      expect(sentAs(example.graphql), example.title).toBeDefined()
  }
})

describe("docs/ladders.md, in order", () => {
  it.each(examples.map((example) => [example.title, example] as const))("%s", async (_, example) => {
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: withBearer(await tokenFor(example)),
      body: JSON.stringify({ query: example.graphql, variables: realIds(example.variables) }),
    })
    const answer = (await response.json()) as { data?: unknown; errors?: unknown }
    learnIds(example.expected, answer)
    expect(answer).toEqual(realIds(example.expected))
  })
})
