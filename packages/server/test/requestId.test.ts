import { afterAll, beforeAll, expect, it } from "vitest"
import { createServer, type TeamopsServer } from "../src/Server.js"
import { adminAuthorization } from "./adminToken.js"

let server: TeamopsServer
beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: [], graphiql: false })
})
afterAll(() => server.close())

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const post = (body: string, headers: Record<string, string> = {}) =>
  server.fetch("http://teamops.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  })

it("gives every response an id of its own: answers, refusals and health checks", async () => {
  const authorization = await adminAuthorization(server)
  const responses = [
    await post(JSON.stringify({ query: "{ __typename }" }), { authorization }),
    await post("{ not json", { authorization }),
    await post(JSON.stringify({ query: "{ __typename }" })),
    await server.fetch("http://teamops.test/healthz"),
    await server.fetch("http://teamops.test/readyz"),
  ]
  const ids = responses.map((response) => response.headers.get("x-request-id"))
  expect(responses.map((r) => r.status)).toEqual([200, 400, 401, 200, 200])
  for (const id of ids) expect(id).toMatch(uuid)
  expect(new Set(ids).size).toBe(ids.length)
})

it("keeps the caller's plain id and replaces one it cannot log safely", async () => {
  const kept = await post(JSON.stringify({ query: "{ __typename }" }), { "x-request-id": "lb-7f3a:42" })
  expect(kept.headers.get("x-request-id")).toBe("lb-7f3a:42")
  const replaced = await post(JSON.stringify({ query: "{ __typename }" }), { "x-request-id": `a b ${"x".repeat(200)}` })
  expect(replaced.headers.get("x-request-id")).toMatch(uuid)
})
