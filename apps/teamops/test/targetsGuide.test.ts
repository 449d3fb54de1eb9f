// docs/targets.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the files it shows are imported as the command line imports them,
// and every GraphQL request must answer what the page says it answers.
import { testDialects } from "@teamops/core/testing"
import { EventLog } from "@teamops/kpi"
import { decodeOrgFile, importOrg } from "@teamops/org"
import { printedTarget, readTargetFile, TargetRepo } from "@teamops/targets"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type GuideServer, openGuideServer } from "./credentials.js"
import { workedExample } from "./docPages.js"

const { fileText, commands, examples } = workedExample("docs/targets.md")

describe.each(testDialects())("docs/targets.md on %s", (dialect) => {
  let guide: GuideServer
  beforeAll(async () => {
    guide = await openGuideServer(dialect, { service: "targets-guide" }, ["admin"])
  })
  afterAll(() => guide?.close())

  it("imports the organisation, the events and the targets as the commands print", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import", "events import", "target set"])
    for (const { words, output } of commands) {
      const file = fileText(words[3] as string)
      const shown = output.lang === "text" ? output.text.trim() : JSON.parse(output.text)
      if (words[1] === "org") {
        expect(await guide.run(Effect.flatMap(decodeOrgFile(JSON.parse(file)), importOrg))).toEqual(shown)
      } else if (words[1] === "events") {
        const events = file
          .trim()
          .split("\n")
          .map((line, i) => ({ where: `line ${i + 1}`, value: JSON.parse(line) }))
        const summary = await guide.run(Effect.flatMap(EventLog, (log) => log.ingest(events)))
        expect(JSON.stringify({ ...summary, refused: 0, skipped: undefined })).toBe(shown)
      } else {
        const stored = await guide.run(
          Effect.flatMap(readTargetFile(file), (f) =>
            Effect.flatMap(TargetRepo, (repo) => repo.set(f.targets, ["targets"])),
          ),
        )
        expect(JSON.parse(JSON.stringify(stored.map(printedTarget)))).toEqual(shown)
      }
    }
  })

  it.each(examples)("$title", async (example) => {
    const response = await guide.server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: example.graphql, variables: example.variables }),
    })
    expect(await response.json()).toEqual(example.expected)
  })
})
