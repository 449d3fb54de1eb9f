// docs/ladders.md, "Importing history", run: on a server with the default plugins holding the
// organisation of docs/org.md, every `teamops history import` of the section is taken in
// order with the files it shows, and must print what the section says it prints.
import { readFileSync } from "node:fs"
import { importHistory } from "@teamops/competencies"
import { importOrgFile } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Cause, type Effect, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { problemsIn } from "../src/Files.js"
import { mintToken, withBearer } from "./credentials.js"
import { type Block, blocksOf } from "./docPages.js"

const read = (name: string) => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), "utf8")

const ladders = read("ladders.md")
const start = ladders.indexOf("\n## Importing history\n")
const end = ladders.indexOf("\n## ", start + 1)
const blocks = blocksOf(ladders.slice(start, end))
const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))

const organisation = blocksOf(read("org.md")).find((b) => b.file === "org.json")

interface Step {
  readonly title: string
  readonly file: string
  readonly output: Block
}

const steps: ReadonlyArray<Step> = blocks.flatMap((block, i): Array<Step> => {
  const words = block.text.trim().split(/\s+/)
  if (block.lang !== "sh" || words.includes("FILE")) return []
  const [command, group, action, file] = words
  if (command !== "teamops" || group !== "history" || action !== "import" || file === undefined) {
    throw new Error(`docs/ladders.md: expected a teamops history import command, got ${block.text}`)
  }
  const output = blocks[i + 1] as Block
  return [{ title: `${block.text.trim()} (${i})`, file, output }]
})

let server: TeamopsServer
const run = <A, E>(effect: Effect.Effect<A, E, any>) => server.host.runtime.runPromiseExit(effect)

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins, graphiql: false })
  if (organisation === undefined) throw new Error("docs/org.md shows no org.json")
  const imported = await run(importOrgFile(JSON.parse(organisation.text)))
  expect(Exit.isSuccess(imported)).toBe(true)
})
afterAll(() => server?.close())

it("the section imports its file twice and refuses a broken one", () => {
  expect(steps.map((s) => s.file)).toEqual(["history.json", "history.json", "history-broken.json"])
})

describe("docs/ladders.md, importing history, in order", () => {
  it.each(steps.map((step) => [step.title, step] as const))("%s", async (_, step) => {
    const text = files.get(step.file)
    if (text === undefined) throw new Error(`the section shows no file ${step.file}`)
    const exit = await run(importHistory(JSON.parse(text)))
    if (Exit.isSuccess(exit)) {
      expect(step.output.lang).toBe("json")
      expect(exit.value).toEqual(JSON.parse(step.output.text))
    } else {
      const failure = Option.getOrThrow(Cause.failureOption(exit.cause)) as { _tag: string; message: string }
      expect(failure._tag).toBe("InputError")
      expect(step.output.lang).toBe("text")
      expect(`teamops: ${problemsIn(step.file, failure.message.split("\n"))}`).toBe(step.output.text.trimEnd())
    }
  })

  it("keeps the levels of the file in the order of their days, and the time in level from the latest", async () => {
    const answer = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: withBearer(await mintToken(server, { service: "history-check" }, ["admin"])),
      body: JSON.stringify({
        query: `{ person(email: "eleni@acme.example") {
          currentLevel { key }
          levelHistory { effectiveOn from { key } to { key } readiness { met } }
          assessments { edges { node { competency observedOn evidence { url } } } }
        } }`,
      }),
    })
    expect(await answer.json()).toEqual({
      data: {
        person: {
          currentLevel: { key: "css2" },
          levelHistory: [
            { effectiveOn: "2021-09-06", from: null, to: { key: "css1" }, readiness: { met: 0 } },
            { effectiveOn: "2022-10-03", from: { key: "css1" }, to: { key: "css2" }, readiness: { met: 2 } },
          ],
          assessments: {
            edges: [
              {
                node: {
                  competency: "troubleshooting",
                  observedOn: "2022-09-15",
                  evidence: [{ url: "https://helpdesk.acme.example/t/4711" }],
                },
              },
              { node: { competency: "customer-communication", observedOn: "2022-09-15", evidence: [] } },
            ],
          },
        },
      },
    })
  })
})
