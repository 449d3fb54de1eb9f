// docs/api.md, run: every request it shows (GraphQL blocks and curl commands) is sent in order
// to one server of the default plugins holding the demo, as `npm start` serves it, and must
// answer what the page says it answers.
import { readFileSync } from "node:fs"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { expectShowsToken, mintToken, shownHeader, withBearer } from "./credentials.js"
import { exampleIds } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8")

interface Example {
  readonly title: string
  /** A GraphQL document, or the path of a curl command. */
  readonly request:
    | { readonly graphql: string }
    | { readonly path: string; readonly body: string | undefined; readonly token: boolean }
  readonly variables: Record<string, unknown> | undefined
  readonly expected: { readonly data?: unknown; readonly errors?: unknown }
}

/** The examples of the page: a request block, its variables if any, then the answer. */
const examplesOf = (markdown: string): ReadonlyArray<Example> => {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] as string,
    text: m[2] as string,
    line: markdown.slice(0, m.index).split("\n").length,
  }))
  const examples: Array<Example> = []
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!
    const curl = block.lang === "sh" ? /curl .*?(https?:\/\/\S+)(?:.*? -d '([^']*)')?/.exec(block.text) : null
    if (block.lang !== "graphql" && curl === null) continue
    const json = (at: number) => {
      const next = blocks[at]
      if (next?.lang !== "json") throw new Error(`docs/api.md:${block.line}: expected a json block after the request`)
      return JSON.parse(next.text) as Record<string, unknown>
    }
    let answer = json(++i)
    let variables: Record<string, unknown> | undefined
    if (!("data" in answer) && !("errors" in answer) && block.lang === "graphql") {
      variables = answer
      answer = json(++i)
    }
    const lines = block.text.split("\n").map((l) => l.trim())
    examples.push({
      title: `line ${block.line}: ${lines.find((l) => l !== "{" && l !== "mutation {")}`,
      request: curl
        ? { path: new URL(curl[1] as string).pathname, body: curl[2], token: block.text.includes(shownHeader) }
        : { graphql: block.text },
      variables,
      expected: answer,
    })
  }
  return examples
}

const { learn: learnIds, real: realIds } = exampleIds()

/** The `__typename`s in an answer that name an error type: the page's typed error payloads. */
const errorTypes = (value: unknown): Array<string> => {
  if (Array.isArray(value)) return value.flatMap(errorTypes)
  if (typeof value !== "object" || value === null) return []
  const own = (value as { __typename?: unknown }).__typename
  return [
    ...(typeof own === "string" && own.endsWith("Error") ? [own] : []),
    ...Object.values(value).flatMap(errorTypes),
  ]
}

const examples = examplesOf(page)
let server: TeamopsServer
// The demo's admin token, as `teamops serve --demo` prints it: the head of support's, with `admin`.
let token: string

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
  token = await mintToken(server, { email: "eleni@teamops.example" }, ["admin"])
})
afterAll(() => server?.close())

const send = async (example: Example) => {
  const { request } = example
  const response =
    "graphql" in request
      ? await server.fetch("http://localhost/graphql", {
          method: "POST",
          headers: withBearer(token),
          body: JSON.stringify({ query: request.graphql, variables: realIds(example.variables ?? {}) }),
        })
      : await server.fetch(
          `http://localhost${request.path}`,
          request.body === undefined
            ? {}
            : {
                method: "POST",
                headers: request.token ? withBearer(token) : { "content-type": "application/json" },
                body: request.body,
              },
        )
  return (await response.json()) as { data?: unknown; errors?: unknown }
}

it("the page shows every query and mutation of org, and every error type", () => {
  const text = examples.map((e) => ("graphql" in e.request ? e.request.graphql : "")).join("\n")
  for (const field of ["teams", "team(", "people(", "person(", "node("]) expect(text).toContain(field)
  for (const mutation of [
    "createTeam",
    "updateTeam",
    "createPerson",
    "updatePerson",
    "setManager",
    "recordDeparture",
    "cancelDeparture",
  ]) {
    expect(text).toContain(`${mutation}(input:`)
  }
  const shown = new Set(examples.flatMap((e) => errorTypes(e.expected.data)))
  expect([...shown].sort()).toEqual(["ConflictError", "InputError", "NotFoundError"])
  expect(examples.filter((e) => "path" in e.request).map((e) => "path" in e.request && e.request.path)).toEqual([
    "/graphql",
    "/healthz",
    "/readyz",
    "/plugins/kpi/events",
  ])
})

it("every request to /graphql the page shows carries the token, and the page says where it comes from", () => {
  expect(expectShowsToken("docs/api.md", page)).toBe(1)
  expect(page).toContain("--demo` makes three new tokens")
})

describe("docs/api.md, in order", () => {
  it.each(examples.map((example) => [example.title, example] as const))("%s", async (_, example) => {
    const answer = await send(example)
    // Only the examples that show an `errors` list may answer one; typed error payloads are data.
    if (example.expected.errors === undefined) expect(answer.errors).toBeUndefined()
    expect(errorTypes(answer.data)).toEqual(errorTypes(example.expected.data))
    learnIds(example.expected, answer)
    expect(answer).toEqual(realIds(example.expected))
  })
})
