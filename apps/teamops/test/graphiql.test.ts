// GraphiQL on the demo organisation: the page opens on example operations of the default
// plugins with the demo's admin token in its headers, and each of them, sent as it is shown,
// with those headers, answers without errors.
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { graphql, testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { demoTokens } from "../src/DemoTokens.js"
import { authorized } from "./credentials.js"

interface Tab {
  readonly query: string
  readonly variables: string | null
  readonly headers?: string
}

interface Started {
  readonly defaultTabs?: ReadonlyArray<Tab>
  readonly headers?: string
}

/** The options the served page starts GraphiQL with. */
const startedWith = (html: string): Started => {
  const started =
    /YogaGraphiQL\.renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/.exec(html)
  if (started === null) throw new Error("the page does not start GraphiQL")
  return JSON.parse(started[1] as string) as Started
}

const operationOf = (tab: Tab) => /^(?:query|mutation) (\w+)/m.exec(tab.query)?.[1]

describe.each(testDialects())("GraphiQL's examples on the demo, on %s", (dialect) => {
  let server: TeamopsServer
  let drop: () => Promise<void>
  let tabs: ReadonlyArray<Tab>
  let started: Started
  let admin: string

  beforeAll(async () => {
    const database = await testDatabase(dialect)
    drop = database.drop
    server = await createServer({ databaseUrl: database.url, plugins: defaultPlugins })
    expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
    // As `teamops serve --demo` does after seeding.
    admin = (await Effect.runPromise(demoTokens(server))).find((t) => t.role === "admin")?.secret as string
    const page = await server.fetch("http://localhost/graphql", { headers: { accept: "text/html" } })
    expect(page.status).toBe(200)
    started = startedWith(await page.text())
    tabs = started.defaultTabs ?? []
  })
  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  const run = async (name: string) => {
    const tab = tabs.find((t) => operationOf(t) === name)
    if (tab === undefined) throw new Error(`no tab runs ${name}`)
    // The headers the tab shows are what GraphiQL sends.
    const headers = JSON.parse(tab.headers ?? "{}") as Record<string, string>
    const answer = await graphql(
      authorized(server, (headers.Authorization ?? "").replace(/^Bearer /, "")),
      tab.query,
      tab.variables === null ? {} : JSON.parse(tab.variables),
    )
    expect(answer.errors).toBeUndefined()
    return answer.data as any
  }

  it("opens one tab per example", () => {
    expect(tabs.map(operationOf)).toEqual(["TeamMembers", "Readiness", "FirstResponseTime", "IngestEvents"])
  })

  it("opens every tab, and every new one, with the demo's admin token in its headers", () => {
    const shown = JSON.stringify({ Authorization: `Bearer ${admin}` }, null, 2)
    expect(admin).toMatch(/^tops_/)
    expect(started.headers).toBe(shown)
    for (const tab of tabs) expect(tab.headers).toBe(shown)
  })

  it("a team's members, with their level and time in level", async () => {
    const data = await run("TeamMembers")
    const members = data.team.members.edges.map((e: any) => e.node)
    expect(data.team.name).toBe("Support EMEA")
    expect(members.map((m: any) => m.email)).toContain("kostas@teamops.example")
    const kostas = members.find((m: any) => m.email === "kostas@teamops.example")
    expect(kostas.currentLevel.key).toBe("css1")
    expect(kostas.timeInLevel).toBeGreaterThanOrEqual(0)
    expect(kostas.nextLevel).toEqual({ key: "css2" })
  })

  it("readiness for the next level", async () => {
    const data = await run("Readiness")
    const kostas = data.people.edges.find((e: any) => e.node.name === "Kostas Georgiou").node
    expect(kostas.readiness.level.key).toBe("css2")
    expect(kostas.readiness.ready).toBe(true)
    expect(kostas.readiness.met).toBe(kostas.readiness.total)
  })

  it("first response time by team", async () => {
    const data = await run("FirstResponseTime")
    const emea = data.metric.find((row: any) => row.team === "support-emea")
    expect(emea.calendar.count).toBeGreaterThan(0)
    expect(emea.business.count).toBeGreaterThan(0)
  })

  it("a batch of events: stored once, a duplicate when sent again", async () => {
    expect((await run("IngestEvents")).ingestEvents).toEqual({
      __typename: "IngestEventsSuccess",
      summary: { accepted: 5, duplicates: 0 },
    })
    expect((await run("IngestEvents")).ingestEvents).toEqual({
      __typename: "IngestEventsSuccess",
      summary: { accepted: 0, duplicates: 5 },
    })
  })
})
