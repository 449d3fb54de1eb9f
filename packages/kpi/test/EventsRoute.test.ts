// POST /plugins/kpi/events: the event log's webhook, behind the same caller checks and limits
// as GraphQL.
import { defaultLimits } from "@teamops/server"
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { graphqlData, openKpi, type TestKpi } from "./support.js"

const created = (id: string) => ({
  conversationId: id,
  type: "conversation.created",
  id: `${id}-1`,
  actor: { kind: "customer" },
  at: "2026-03-02T11:00:00+02:00",
})

const url = "http://teamops.test/plugins/kpi/events"

describe.each(testDialects())("the events route on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
  })
  afterEach(() => kpi.close())

  const post = (body: string, server = kpi.server, method = "POST") =>
    server.fetch(url, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? null : body })

  it("stores a batch for a caller with events:write, and recognises it when sent again", async () => {
    const token = await kpi.token({ service: "helpdesk" }, ["events:write"])
    const body = JSON.stringify({ events: [created("c1"), created("c2")] })
    const first = await post(body, kpi.as(token))
    expect(first.status).toBe(200)
    expect(first.headers.get("x-request-id")).toBeTruthy()
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0, skipped: [] })
    expect(await (await post(body, kpi.as(token))).json()).toEqual({ accepted: 0, duplicates: 2, skipped: [] })
    expect((await graphqlData(kpi.server, "{ events { totalCount } }")).events.totalCount).toBe(2)
  })

  it("refuses a caller without the scope, and one without a credential", async () => {
    const reader = await kpi.token({ service: "reports" }, ["metrics:read"])
    const refused = await post(JSON.stringify({ events: [created("c1")] }), kpi.as(reader))
    expect(refused.status).toBe(403)
    expect((await refused.json()).errors[0].extensions.code).toBe("FORBIDDEN")
    expect((await post(JSON.stringify({ events: [] }), kpi.raw)).status).toBe(401)
    expect((await graphqlData(kpi.server, "{ events { totalCount } }")).events.totalCount).toBe(0)
  })

  it("names the field of a body that does not decode, and stores nothing of a refused batch", async () => {
    const wrong = await post(JSON.stringify({ event: [] }))
    expect(wrong.status).toBe(400)
    const { errors } = await wrong.json()
    expect(errors[0].extensions).toMatchObject({ code: "InputError" })
    expect(errors[0].message).toContain("body.events")
    expect((await post("{not json")).status).toBe(400)
    const refused = await post(JSON.stringify({ events: [created("c1"), { id: "x" }] }))
    expect(refused.status).toBe(422)
    expect((await refused.json()).errors[0].extensions.code).toBe("EventBatchRefused")
    expect((await graphqlData(kpi.server, "{ events { totalCount } }")).events.totalCount).toBe(0)
  })

  it("answers 404 for a path it does not serve, 405 for a method, 413 over the body limit", async () => {
    expect((await kpi.server.fetch("http://teamops.test/plugins/kpi/nothing", { method: "POST" })).status).toBe(404)
    expect((await kpi.server.fetch("http://teamops.test/plugins/nobody/events", { method: "POST" })).status).toBe(404)
    const get = await post("", kpi.server, "GET")
    expect(get.status).toBe(405)
    expect(get.headers.get("allow")).toBe("POST")
    const big = await post(JSON.stringify({ events: [], pad: "x".repeat(defaultLimits.maxBodyBytes) }))
    expect(big.status).toBe(413)
  })
})
