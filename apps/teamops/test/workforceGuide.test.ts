// docs/workforce.md, run: its worked example is taken in order on one server of the default
// plugins, on each store: the organisation file is imported as the command line imports it,
// every GraphQL request must answer what the page says it answers, and what the page says a
// manager and a member read is checked with their own tokens.
import { testDialects } from "@teamops/core/testing"
import { decodeOrgFile, importOrg } from "@teamops/org"
import type { TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { authorized, type GuideServer, mintToken, openGuideServer } from "./credentials.js"
import { workedExample } from "./docPages.js"

const { fileText, commands, examples } = workedExample("docs/workforce.md")

const ask = async (server: TeamopsServer, query: string) => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  })
  return response.json()
}

describe.each(testDialects())("docs/workforce.md on %s", (dialect) => {
  let guide: GuideServer
  beforeAll(async () => {
    guide = await openGuideServer(dialect, { service: "workforce-guide" }, ["admin"])
  })
  afterAll(() => guide?.close())

  it("imports the organisation as the command prints", async () => {
    expect(commands.map((c) => c.words.slice(1, 3).join(" "))).toEqual(["org import"])
    const [{ words, output }] = commands as [(typeof commands)[number]]
    const file = fileText(words[3] as string)
    expect(file, `docs/workforce.md shows no file ${words[3]}`).toBeDefined()
    expect(await guide.run(Effect.flatMap(decodeOrgFile(JSON.parse(file as string)), importOrg))).toEqual(
      JSON.parse(output.text),
    )
  })

  it.each(examples)("$title", async (example) => {
    const response = await guide.server.fetch("http://localhost/graphql", {
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
    const ana = authorized(guide.booted, await mintToken(guide.booted, { email: "ana@acme.example" }))
    expect(await ask(ana, frontline.graphql)).toEqual({ data: { team: { workforce: withoutMoney } } })
    const billing = await ask(
      ana,
      `{ team(key: "billing") { workforce(from: "2026-01-01", to: "2026-03-31") { turnoverRate turnoverCost } } }`,
    )
    expect(billing).toEqual({ data: { team: { workforce: { turnoverRate: 0.5, turnoverCost: null } } } })
    const refused = await ask(ana, organisation.graphql)
    expect(refused.errors).toMatchObject([{ message: "not allowed: workforce", extensions: { code: "FORBIDDEN" } }])

    const carla = authorized(guide.booted, await mintToken(guide.booted, { email: "carla@acme.example" }))
    expect(await ask(carla, frontline.graphql)).toEqual({ data: { team: { workforce: null } } })
  })
})
