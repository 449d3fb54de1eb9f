// The size of one ingestEvents batch: refused whole above the limit, which `limits` publishes
// and which fits in the server's request body limit.
import { defaultLimits } from "@teamops/server"
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ingestBatchSize } from "../src/graphql/events.js"
import { graphqlData, openKpi, type TestKpi } from "./support.js"

const ingest = `mutation($events: [JSON!]!) {
  ingestEvents(input: { events: $events }) {
    __typename
    ... on EventBatchRefused { message }
    ... on InputError { message path }
  }
}`

describe.each(testDialects())("the ingest batch limit on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
  })
  afterEach(() => kpi.close())

  it("refuses a batch over the limit whole, naming input.events, and stores nothing", async () => {
    expect(ingestBatchSize).toBe(10_000)
    const over = Array.from({ length: ingestBatchSize + 1 }, (_, i) => ({ id: `e${i}` }))
    expect((await graphqlData(kpi.server, ingest, { events: over })).ingestEvents).toEqual({
      __typename: "InputError",
      message: "input.events: expected at most 10,000 events per batch",
      path: ["input", "events"],
    })
    // A batch of the limit is decoded, event by event.
    const full = (await graphqlData(kpi.server, ingest, { events: over.slice(1) })).ingestEvents
    expect(full.__typename).toBe("EventBatchRefused")
    expect((await graphqlData(kpi.server, "{ events { totalCount } }")).events.totalCount).toBe(0)
  })

  it("publishes the limit in limits { ingestBatchSize }, and a full batch fits in a request body", async () => {
    const { limits } = await graphqlData(kpi.server, "{ limits { ingestBatchSize maxBodyBytes } }")
    expect(limits).toEqual({ ingestBatchSize, maxBodyBytes: defaultLimits.maxBodyBytes })
    // Events as a helpdesk sends them: a message of a teammate on an assigned conversation.
    const event = (i: number) => ({
      id: `conversation-${i}-message-1`,
      type: "message.human",
      at: "2026-03-02T10:05:00.000Z",
      actor: { kind: "human", email: "teammate.with.a.long.name@support.example.com" },
      conversationId: `conversation-${i}`,
      teamKey: "support-emea",
    })
    const body = JSON.stringify({
      query: ingest,
      variables: { events: Array.from({ length: ingestBatchSize }, (_, i) => event(i)) },
    })
    expect(Buffer.byteLength(body)).toBeLessThan(defaultLimits.maxBodyBytes)
  })
})
