// docs/coverage.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the files it shows are imported as the command line imports them,
// and every GraphQL request must answer what the page says it answers.
import { decodeInput } from "@teamops/core"
import { testDialects } from "@teamops/core/testing"
import { CoverageQuery, coverageJson, coveragesOf } from "@teamops/coverage"
import { CalendarFile, EventLog, encodeCalendar, setCalendar } from "@teamops/kpi"
import { decodeOrgFile, importOrg, TeamRepo } from "@teamops/org"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type GuideServer, openGuideServer } from "./credentials.js"
import { type Example, workedExample } from "./docPages.js"

const { fileText, commands, examples } = workedExample("docs/coverage.md")

describe.each(testDialects())("docs/coverage.md on %s", (dialect) => {
  let guide: GuideServer
  beforeAll(async () => {
    guide = await openGuideServer(dialect, { service: "coverage-guide" }, ["metrics:read"])
  })
  afterAll(() => guide?.close())

  it("imports the organisation, the calendar and the events as the commands print", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import", "calendar set", "events import"])
    for (const { words, output } of commands) {
      const shown = output.lang === "text" ? output.text.trim() : JSON.parse(output.text)
      if (words[1] === "org") {
        const file = fileText(words[3] as string)
        expect(await guide.run(Effect.flatMap(decodeOrgFile(JSON.parse(file)), importOrg))).toEqual(shown)
      } else if (words[1] === "calendar") {
        const [team, name] = [words[3] as string, words[4] as string]
        const versions = await guide.run(decodeInput(CalendarFile)(JSON.parse(fileText(name))))
        const stored = await guide.run(setCalendar(team, versions))
        expect(JSON.parse(JSON.stringify({ team, calendar: encodeCalendar(stored) }))).toEqual(shown)
      } else {
        const events = fileText(words[3] as string)
          .trim()
          .split("\n")
          .map((line, i) => ({ where: `line ${i + 1}`, value: JSON.parse(line) }))
        const summary = await guide.run(Effect.flatMap(EventLog, (log) => log.ingest(events)))
        expect(JSON.stringify({ ...summary, refused: 0, skipped: undefined })).toBe(shown)
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

  it("prints on the command line the week the first request answers", async () => {
    const shown = ((examples[0] as Example).expected.data as any).team.coverage
    const query = await guide.run(decodeInput(CoverageQuery)({ weekOf: "2026-03-11", weeks: 2 }))
    const team = await guide.run(Effect.flatMap(TeamRepo, (r) => r.byKey("relay")))
    const [coverage] = await guide.run(coveragesOf([team as { id: string; key: string }], query))
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
