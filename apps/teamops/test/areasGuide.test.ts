// docs/areas.md, "Areas as code", run: the areas file it shows imports on a server with the
// default plugins, a second time changes nothing, and its three mistakes are reported as the
// page shows them.
import { readFileSync } from "node:fs"
import { importAreas } from "@teamops/aor"
import { importOrgFile } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Cause, type Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { problemsIn } from "../src/Files.js"
import { mintToken, withBearer } from "./credentials.js"
import { blocksOf, exampleAt, exampleIds } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/areas.md", import.meta.url), "utf8")
const start = page.indexOf("\n## Areas as code\n")
const section = page.slice(
  start,
  page.indexOf("\n## ", start + 1) === -1 ? undefined : page.indexOf("\n## ", start + 1),
)
const blocks = blocksOf(section)
const file = blocks.find((b) => b.lang === "yaml")?.text ?? ""
const refusal = blocks.find((b) => b.lang === "text")?.text ?? ""

let server: TeamopsServer
const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromiseExit(effect)

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  const person = (name: string) => ({ name, email: `${name}@example.com`, teamKey: "support", timeZone: "UTC" })
  const org = { teams: [{ key: "support", name: "Support" }], people: [person("ana"), person("ben")] }
  expect(Exit.isSuccess(await run(importOrgFile(org)))).toBe(true)
})
afterAll(async () => {
  await server.close()
})

it("imports the file the page shows, and again changes nothing", async () => {
  expect(await run(importAreas("yaml", file))).toEqual(
    Exit.succeed({ created: 2, updated: 0, handedOver: 0, unchanged: 0 }),
  )
  expect(await run(importAreas("yaml", file))).toEqual(
    Exit.succeed({ created: 0, updated: 0, handedOver: 0, unchanged: 2 }),
  )
})

it("reports the mistakes the page shows as it shows them", async () => {
  const wrong = file
    .replace("team: support", "team: nowhere")
    .replace("category: frontline-tooling", "category: poetry")
    .replace("owner: ana@example.com", "owner: ghost@example.com")
  const exit = await run(importAreas("yaml", wrong))
  const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined
  expect(problemsIn("areas.yaml", (error?.message ?? "").split("\n"))).toBe(refusal.trim())
})

// "A worked example", run in order on a server of its own: the team file, the areas file, then
// every request of the section with the answer it shows.
describe("docs/areas.md, a worked example, in order", () => {
  const at = page.indexOf("\n## A worked example\n")
  const example = blocksOf(page.slice(at))
  const team = example.find((b) => b.file === "team.json")?.text ?? ""
  const areasFile = example.find((b) => b.lang === "yaml")?.text ?? ""
  const requests = example.flatMap((b, i) => (b.lang === "graphql" ? [exampleAt("docs/areas.md", example, i)] : []))
  const { learn, real } = exampleIds()
  let care: TeamopsServer
  let token: string

  beforeAll(async () => {
    care = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
    token = await mintToken(care, { service: "areas-example" }, ["admin"])
    expect(Exit.isSuccess(await care.host.runtime.runPromiseExit(importOrgFile(JSON.parse(team))))).toBe(true)
  })
  afterAll(() => care?.close())

  it("imports the team's areas file", async () => {
    const counts = example[example.findIndex((b) => b.lang === "yaml") + 1]?.text ?? ""
    expect(await care.host.runtime.runPromiseExit(importAreas("yaml", areasFile))).toEqual(
      Exit.succeed(JSON.parse(counts)),
    )
  })

  it.each(requests.map((r) => [r.title, r] as const))("%s", async (_, request) => {
    const response = await care.fetch("http://localhost/graphql", {
      method: "POST",
      headers: withBearer(token),
      body: JSON.stringify({ query: request.graphql, variables: real(request.variables) }),
    })
    const answer = await response.json()
    learn(request.expected, answer)
    expect(answer).toEqual(real(request.expected))
  })
})
