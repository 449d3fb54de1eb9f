// The SDK's ready operations against a live server of the default plugins on the demo: a
// person's career, a metric series, the team page, and events stored in batches.
import { fileURLToPath } from "node:url"
import { defaultPlugins } from "@teamops/cli"
import { seedDemo } from "@teamops/server"
import { openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Client,
  createClient,
  ingestEvents,
  MetricSeriesDocument,
  PeopleDocument,
  PersonCareerDocument,
  type SupportEvent,
  TeamopsError,
  TeamPageDocument,
} from "../src/index.js"

/** The events of `count` conversations created and answered on 2 March 2026, for Support EMEA. */
const answered = (prefix: string, count: number): Array<SupportEvent> =>
  Array.from({ length: count }, (_, i): Array<SupportEvent> => {
    const id = `${prefix}-${i}`
    const at = (minutes: number) =>
      new Date(Date.parse("2026-03-02T09:00:00Z") + (i * 60 + minutes) * 60_000).toISOString()
    const kostas = { kind: "human", email: "kostas@teamops.example" } as const
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
    const created = answered("bad", 1)[0] as SupportEvent
    // @ts-expect-error: a misspelt type is a compile error; sent anyway, the server refuses it.
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

// The types refuse what the server would: this compiles only because each error is expected.
export const misspelt = (at: string): ReadonlyArray<SupportEvent> => [
  {
    id: "x1",
    type: "message.human",
    at,
    actor: { kind: "human" },
    // @ts-expect-error: conversationID is not a field of message.human
    conversationID: "c1",
  },
  {
    id: "x2",
    type: "message.bot",
    at,
    // @ts-expect-error: "robot" is not an actor kind
    actor: { kind: "robot" },
    conversationId: "c1",
  },
  {
    id: "x3",
    type: "csat.rated",
    at,
    actor: { kind: "customer" },
    conversationId: "c1",
    // @ts-expect-error: a rating is a number
    rating: "5",
  },
]

describe("the SDK's operations by hash, on a server that runs nothing else", () => {
  let host: TestHost
  let client: Client
  beforeAll(async () => {
    const manifest = fileURLToPath(new URL("../src/generated/persisted-documents.json", import.meta.url))
    host = await openTestHost("sqlite", defaultPlugins, { persistedOperations: { file: manifest, only: true } })
    await seedDemo(host.raw.host, { whenEmpty: true })
    const url = `http://127.0.0.1:${await host.raw.listen(0)}/graphql`
    client = createClient({ url, token: host.adminToken, persisted: true })
  })
  afterAll(() => host.close())

  it("runs every ready operation", async () => {
    const { person } = await client.request(PersonCareerDocument, { email: "kostas@teamops.example" })
    expect(person?.currentLevel?.key).toBeTypeOf("string")
    expect(await ingestEvents(client, answered("hash", 2))).toEqual({ accepted: 6, duplicates: 0, batches: 1 })
    const emails: Array<string> = []
    for await (const someone of client.paginate(PeopleDocument, { first: 2 })) emails.push(someone.email)
    expect(emails.length).toBeGreaterThan(2)
    const weekOf = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
    const { team } = await client.request(TeamPageDocument, {
      team: "support-emea",
      since: "2026-01-01",
      until: "2026-12-31",
      weekOf,
    })
    expect(team?.key).toBe("support-emea")
  })

  it("refuses a document sent as text, with the request's id", async () => {
    const error = await client.request("query { people(first: 1) { totalCount } }").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TeamopsError)
    expect((error as TeamopsError).errors[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY")
    expect((error as TeamopsError).requestId).toMatch(/^[0-9a-f-]{36}$/)
  })
})
