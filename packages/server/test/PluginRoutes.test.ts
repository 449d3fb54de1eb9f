import { definePlugin, NotFoundError, PluginError, route } from "@teamops/core"
import { Effect, Schema } from "effect"
import { afterEach, assert, describe, expect, it } from "vitest"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"
import { adminAuthorization } from "./adminToken.js"

const servers: Array<TeamopsServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const boot = async (config: Omit<ServerConfig, "databaseUrl">) => {
  const server = await createServer({ databaseUrl: ":memory:", graphiql: false, ...config })
  servers.push(server)
  return server
}

const crm = definePlugin({
  id: "crm",
  version: "0.1.0",
  routes: [
    route("GET", "/deals/:id", { scope: "admin" }, ({ params }) =>
      params.id === "d1"
        ? Effect.succeed({ id: params.id })
        : Effect.fail(new NotFoundError({ entity: "Deal", key: params.id as string, message: `no deal ${params.id}` })),
    ),
    route("POST", "/hooks", { scope: "admin" }, (request) =>
      Effect.map(
        request.body(Schema.Struct({ amount: Schema.Number })),
        ({ amount }) => new Response(`got ${amount}`, { status: 202, headers: { "content-type": "text/plain" } }),
      ),
    ),
    route("GET", "/broken", { scope: "admin" }, () => Effect.die(new Error("the CRM client is not configured"))),
  ],
})

const call = async (server: TeamopsServer, path: string, init: RequestInit = {}) =>
  server.fetch(`http://teamops.test/plugins/crm${path}`, {
    ...init,
    headers: { authorization: await adminAuthorization(server), ...init.headers },
  })

describe("plugin routes", () => {
  it("passes path segments, answers a Response as it is, and masks a defect", async () => {
    const server = await boot({ plugins: [crm] })
    expect(await (await call(server, "/deals/d1")).json()).toEqual({ id: "d1" })
    expect((await call(server, "/deals/%E0")).status).toBe(404)
    const missing = await call(server, "/deals/d2")
    expect(missing.status).toBe(404)
    expect((await missing.json()).errors[0]).toEqual({ message: "no deal d2", extensions: { code: "NotFoundError" } })
    const posted = await call(server, "/hooks", { method: "POST", body: JSON.stringify({ amount: 12 }) })
    expect([posted.status, await posted.text()]).toEqual([202, "got 12"])
    const extra = await call(server, "/hooks", { method: "POST", body: JSON.stringify({ amount: 1, curency: "EUR" }) })
    expect(extra.status).toBe(400)
    const broken = await call(server, "/broken")
    expect(broken.status).toBe(500)
    expect((await broken.json()).errors[0].message).toBe("Unexpected error.")
  })

  it("counts a route's requests in the caller's rate limit", async () => {
    const server = await boot({ plugins: [crm], rateLimit: { requestsPerMinute: 2 } })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await call(server, "/deals/d1")).status)
    expect(statuses).toEqual([200, 200, 429])
  })

  it("refuses two routes with one method and path at boot", async () => {
    const twice = definePlugin({
      id: "twice",
      version: "0.1.0",
      routes: [route("GET", "/a/:x", {}, () => Effect.void), route("GET", "/a/:y", {}, () => Effect.void)],
    })
    const error = await boot({ plugins: [twice] }).then(
      () => assert.fail("the server booted"),
      (e: unknown) => e,
    )
    assert.instanceOf(error, PluginError)
    expect((error as PluginError).message).toBe(
      'plugin "twice": route 1 (GET /a/:y): another route has this method and path',
    )
  })
})
