// docs/org.md, run: every command of the page is taken in order on one server, with the
// files the page shows imported as `teamops org import` imports them; the output each step
// shows (the counts, the dry run, the problems) must be what the import answers.
import { readFileSync } from "node:fs"
import { importOrgFile, orgPlugin } from "@teamops/org"
import { createServer, type TeamopsServer } from "@teamops/server"
import { Cause, Exit, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { problemsIn } from "../src/Files.js"
import { type Block, blocksOf } from "./docPages.js"

const page = readFileSync(new URL("../../../docs/org.md", import.meta.url), "utf8")
const blocks = blocksOf(page)
const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))

interface Step {
  readonly title: string
  readonly file: string
  readonly dryRun: boolean
  readonly output: Block
}

const steps: ReadonlyArray<Step> = blocks.flatMap((block, i): Array<Step> => {
  if (block.lang !== "sh") return []
  const words = block.text.trim().split(/\s+/)
  const [command, group, action, ...rest] = words
  if (command !== "teamops" || group !== "org" || action !== "import") {
    throw new Error(`docs/org.md:${block.line}: expected a teamops org import command`)
  }
  const output = blocks[i + 1]
  if (output === undefined || output.file !== undefined) throw new Error(`docs/org.md:${block.line}: no output`)
  const file = rest.find((w) => !w.startsWith("--")) as string
  return [{ title: `line ${block.line}: ${block.text.trim()}`, file, dryRun: rest.includes("--dry-run"), output }]
})

let server: TeamopsServer

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: [orgPlugin], graphiql: false })
})
afterAll(() => server?.close())

it("the page imports, dry-runs and refuses the files it shows", () => {
  expect(steps.map((s) => [s.file, s.dryRun])).toEqual([
    ["org.json", false],
    ["org-changes.json", true],
    ["org-changes.json", false],
    ["org-broken.json", false],
  ])
})

describe("docs/org.md, in order", () => {
  it.each(steps.map((step) => [step.title, step] as const))("%s", async (_, step) => {
    const text = files.get(step.file)
    if (text === undefined) throw new Error(`the page shows no file ${step.file}`)
    const exit = await server.host.runtime.runPromiseExit(importOrgFile(JSON.parse(text), { dryRun: step.dryRun }))
    if (Exit.isSuccess(exit)) {
      expect(step.output.lang).toBe("json")
      expect(step.dryRun ? exit.value : exit.value.summary).toEqual(JSON.parse(step.output.text))
    } else {
      const failure = Option.getOrThrow(Cause.failureOption(exit.cause))
      expect(failure._tag).toBe("InputError")
      expect(step.output.lang).toBe("text")
      expect(`teamops: ${problemsIn(step.file, failure.message.split("\n"))}`).toBe(step.output.text.trimEnd())
    }
  })
})
