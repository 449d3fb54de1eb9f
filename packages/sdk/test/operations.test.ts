// The SDK's ready operations against a live server of the default plugins on the demo: a
// person's career, a metric series, the team page, and events stored in batches.
import { defaultPlugins } from "@teamops/cli"
import { seedDemo } from "@teamops/server"
import { openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Client,
  createClient,
  ingestEvents,
  MetricSeriesDocument,
  PersonCareerDocument,
  TeamopsError,
  TeamPageDocument,
} from "../src/index.js"

/** The events of `count` conversations created and answered on 2 March 2026, for Support EMEA. */
const answered = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const id = `${prefix}-${i}`
    const at = (minutes: number) =>
      new Date(Date.parse("2026-03-02T09:00:00Z") + (i * 60 + minutes) * 60_000).toISOString()
    const kostas = { kind: "human", email: "kostas@teamops.example" }
    return [
      {
        id: `${id}-c`,
        type: "conversation.created",
        at: at(0),
        actor: { kind: "customer" },
        conversationId: id,
        customerId: `u${i}`,
      },
      {
        id: `${id}-a`,
        type: "conversation.assigned",
        at: at(1),
        actor: { kind: "automation" },
        conversationId: id,
        assignee: { email: kostas.email },
        teamKey: "support-emea",
      },
      { id: `${id}-r`, type: "message.human", at: at(10), actor: kostas, conversationId: id },
    ]
  }).flat()

describe.each(testDialects())("the SDK's operations on %s", (dialect) => {
  let host: TestHost
  let client: Client
  beforeAll(async () => {
    host = await openTestHost(dialect, defaultPlugins)
    await seedDemo(host.raw.host, { whenEmpty: true })
    client = createClient({ url: `http://127.0.0.1:${await host.raw.listen(0)}/graphql`, token: host.adminToken })
  })
  afterAll(() => host.close())

  it("reads where a person stands on their ladder", async () => {
    const { person } = await client.request(PersonCareerDocument, { email: "kostas@teamops.example" })
    expect(person?.currentLevel?.key).toBeTypeOf("string")
    expect(person?.levelHistory.at(-1)?.to.key).toBe(person?.currentLevel?.key)
    expect(person?.readiness?.total).toBeGreaterThan(0)
  })

  it("stores events in batches the server takes, and nothing twice when sent again", async () => {
    const events = answered("sdk", 7)
    expect(await ingestEvents(client, events, { batchSize: 5 })).toEqual({ accepted: 21, duplicates: 0, batches: 5 })
    expect(await ingestEvents(client, events)).toEqual({ accepted: 0, duplicates: 21, batches: 1 })
    const series = await client.request(MetricSeriesDocument, {
      query: { metric: "volume", groupBy: ["team"], from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z" },
    })
    expect(series.metric).toEqual([expect.objectContaining({ team: "support-emea", count: 7 })])
  })

  it("throws a refused batch with its problems", async () => {
    const [created] = answered("bad", 1)
    const error = await ingestEvents(client, [{ ...created, type: "conversation.creatd" }]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TeamopsError)
    expect((error as TeamopsError).message).toMatch(/^(EventBatchRefused|InputError): /)
  })

  it("answers the team page, typed", async () => {
    const weekOf = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
    const { team } = await client.request(TeamPageDocument, {
      team: "support-emea",
      since: "2026-01-01",
      until: "2026-12-31",
      weekOf,
    })
    expect(team?.kpis.some((row) => row.status !== null)).toBe(true)
    expect(team?.coverage?.gaps.length).toBeGreaterThan(0)
  })
})
