import { readFileSync } from "node:fs"
import { type Builder, definePlugin } from "@teamops/core"
import { buildSchema } from "graphql"
import { afterEach, describe, expect, it } from "vitest"
import { exampleOperations, examplesFor } from "../src/GraphiQL.js"
import { createServer, type TeamopsServer } from "../src/Server.js"
import { adminAuthorization } from "./adminToken.js"

const servers: Array<TeamopsServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const helloPlugin = definePlugin({
  id: "hello",
  version: "0.1.0",
  schema: (builder: Builder) => {
    builder.queryField("hello", (t) => t.string({ resolve: () => "hello" }))
  },
})

const boot = async (graphiql?: boolean) => {
  const server = await createServer({
    databaseUrl: ":memory:",
    plugins: [helloPlugin],
    ...(graphiql === undefined ? {} : { graphiql }),
  })
  servers.push(server)
  return server
}

const browse = (server: TeamopsServer, path: string) =>
  server.fetch(`http://teamops.test${path}`, { headers: { accept: "text/html" }, redirect: "manual" })

/** The settings the page starts GraphiQL with. */
const optionsOf = (html: string) => {
  const started =
    /YogaGraphiQL\.renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/.exec(html)
  return started === null ? undefined : (JSON.parse(started[1] as string) as Record<string, any>)
}

/** The `src` and `href` of every tag of a page that points at another site. */
const remoteReferences = (html: string) =>
  [...html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]*/gi)].map(
    (m) => m[0],
  )

describe("GraphiQL", () => {
  it("serves GraphiQL at /graphql with its scripts and styles inline, loading nothing from another site", async () => {
    const server = await boot()
    const response = await browse(server, "/graphql")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("text/html")
    const html = await response.text()
    // (Assertions on booleans: a failing match would print the whole page of several megabytes.)
    expect(html.includes("<title>teamops GraphiQL</title>")).toBe(true)
    // The whole GraphiQL bundle is in the page, defines GraphiQL and starts it.
    expect(html.length).toBeGreaterThan(1_000_000)
    expect(html.includes("uo.renderYogaGraphiQL=")).toBe(true)
    expect(optionsOf(html)?.title).toBe("teamops GraphiQL")
    expect(html.includes("<style>")).toBe(true)
    // No script or stylesheet from a CDN: every tag refers to this server or to inline data.
    expect(remoteReferences(html)).toEqual([])
    expect(/<script\b[^>]*\bsrc\s*=/i.test(html)).toBe(false)
    expect(/<link\b[^>]*\brel=["']?stylesheet/i.test(html)).toBe(false)
    const cdns = ["unpkg.com", "jsdelivr", "esm.sh", "cdnjs", "googleapis"].filter((cdn) => html.includes(cdn))
    expect(cdns).toEqual([])
    expect(/<link rel="icon" href="data:image\//.test(html)).toBe(true)
  })

  it("sends a browser asking for / to /graphql", async () => {
    const server = await boot()
    const response = await browse(server, "/")
    expect(response.status).toBe(302)
    expect(response.headers.get("location")).toBe("/graphql")
  })

  it("still answers a GraphQL request sent as JSON", async () => {
    const server = await boot()
    const response = await server.fetch("http://teamops.test/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        authorization: await adminAuthorization(server),
      },
      body: JSON.stringify({ query: "{ hello }" }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ data: { hello: "hello" } })
  })

  it("with graphiql: false, serves no page to an anonymous browser and sends no one from /", async () => {
    const server = await boot(false)
    const page = await browse(server, "/graphql")
    expect(page.headers.get("content-type") ?? "").not.toContain("text/html")
    expect((await page.text()).includes("YogaGraphiQL")).toBe(false)
    expect(page.status).toBe(401)
    const root = await browse(server, "/")
    expect(root.status).toBe(401)
    expect(root.headers.get("location")).toBeNull()
  })

  it("opens on the example operations of the API, each valid against the committed schema", async () => {
    const committed = buildSchema(readFileSync(new URL("../../../schema.graphql", import.meta.url), "utf8"))
    expect(examplesFor(committed)).toEqual(exampleOperations)
    const operations = exampleOperations.map((e) => /^(query|mutation) (\w+)/m.exec(e.query)?.slice(1).join(" "))
    expect(operations).toEqual([
      "query TeamMembers",
      "query Readiness",
      "query FirstResponseTime",
      "mutation IngestEvents",
    ])
    const ingest = exampleOperations[3]
    expect(JSON.parse(ingest?.variables ?? "{}").events).toHaveLength(5)
  })

  it("leaves out the examples a host's plugins cannot answer", async () => {
    const server = await boot()
    const html = await (await browse(server, "/graphql")).text()
    expect(optionsOf(html)).toEqual({ title: "teamops GraphiQL" })
  })
})
