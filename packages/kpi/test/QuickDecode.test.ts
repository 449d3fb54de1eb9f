// The hand-written decoding of common events must give exactly what the schemas give, or
// leave the event to them: never accept an event they refuse, never decode it otherwise.
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { canonical } from "../src/Event.js"
import { decodeEvent } from "../src/EventDecode.js"
import { quickDecode } from "../src/QuickDecode.js"
import { randomLog } from "../src/testing.js"

const agrees = (value: unknown) => {
  const schema = decodeEvent({ where: "line 1", value })
  const quick = quickDecode(value)
  if (Either.isLeft(schema)) {
    expect(quick, JSON.stringify(value)).toBeUndefined()
    return "refused"
  }
  if (quick === undefined) return "left to the schemas"
  expect(quick.event, JSON.stringify(value)).toStrictEqual(schema.right)
  expect(quick.content).toBe(canonical(schema.right))
  return "decoded"
}

const at = "2026-03-02T09:00:00Z"
const ana = { kind: "human", email: "ana@example.com" }
const inConversation = (id: string, type: string, fields: object = {}) => ({
  id,
  type,
  at,
  actor: ana,
  conversationId: "c1",
  ...fields,
})

// One event of every type, with every optional field present.
const samples: ReadonlyArray<Record<string, unknown>> = [
  inConversation("e1", "conversation.created", { channel: "chat", complexity: "simple", customerId: "u1" }),
  inConversation("e2", "message.customer"),
  inConversation("e3", "message.human"),
  inConversation("e4", "message.bot"),
  inConversation("e5", "conversation.handoff"),
  inConversation("e6", "conversation.resolved"),
  inConversation("e7", "conversation.reopened"),
  inConversation("e8", "conversation.assigned", { assignee: { email: "bo@example.com" }, teamKey: "support-emea" }),
  inConversation("e9", "conversation.tagged", { complexity: "complex" }),
  inConversation("e10", "csat.rated", { rating: 4 }),
  { id: "e11", type: "proactive.sent", at, actor: ana, teamKey: "support" },
  { id: "e12", type: "article.viewed", at, actor: { kind: "customer" }, customerId: "u1" },
  {
    id: "e13",
    type: "qa.reviewed",
    at,
    actor: ana,
    reviewee: "bo@example.com",
    review: { reviewer: "lead", scorecard: [{ category: "tone", weight: 1, scale: { min: 0, max: 4 }, value: 3 }] },
  },
]

const oddValues: ReadonlyArray<unknown> = [
  null,
  undefined,
  "",
  "x".repeat(255),
  "x".repeat(256),
  42,
  0,
  6,
  3,
  2.5,
  true,
  {},
  [],
  ["chat"],
  " Ana@Example.COM ",
  "not an email",
  "support-emea",
  "Support",
  "a".repeat(65),
  "simple",
  "robot",
  "customer",
  "2026-02-30T10:00:00Z",
  "2026-03-02T11:00:00+02:00",
  "2026-03-02t09:00:00.123456z",
  "2026-03-02T25:00:00Z",
  "2026-03-02T09:00:00.000Z",
  "2026-03-02T24:00:00.000Z",
  "2026-03-02T23:59:59.999Z",
  "2026-03-02T09:00:60.000Z",
  "0000-01-01T00:00:00.000Z",
  "2026-03-02T09:00:00.5Z",
  "2026-03-02 09:00",
  { email: "bo@example.com" },
  { email: "BO@example.com", extra: 1 },
  { kind: "bot", email: null },
  { kind: "human", email: "not an email" },
]

describe("decoding common events by hand", () => {
  it("gives what the schemas give for every event of random logs", () => {
    const counts: Record<string, number> = {}
    for (const seed of [1, 2, 3, 4])
      for (const event of randomLog(seed, 40).events) {
        const outcome = agrees(event)
        counts[outcome] = (counts[outcome] ?? 0) + 1
      }
    // Only the reviews are left to the schemas.
    expect(counts["left to the schemas"]).toBe(
      [1, 2, 3, 4].flatMap((seed) => randomLog(seed, 40).events).filter((e) => e.type === "qa.reviewed").length,
    )
    expect(counts.decoded).toBeGreaterThan(500)
  })

  it("gives what the schemas give, or leaves the event to them, whatever a field holds", () => {
    const outcomes = new Set<string>()
    for (const sample of samples) {
      outcomes.add(agrees(sample))
      const paths = [
        ...Object.keys(sample).map((k) => [k]),
        ["actor", "kind"],
        ["actor", "email"],
        ["assignee", "email"],
      ]
      for (const path of paths)
        for (const odd of [...oddValues, "missing"]) {
          const copy = structuredClone(sample)
          const [head, leaf] = path as [string, string | undefined]
          const parent = leaf === undefined ? copy : (copy[head] as Record<string, unknown> | null)
          const name = leaf ?? head
          if (parent === null || typeof parent !== "object") continue
          if (odd === "missing") delete parent[name]
          else parent[name] = odd
          outcomes.add(agrees(copy))
        }
    }
    expect([...outcomes].sort()).toEqual(["decoded", "left to the schemas", "refused"])
  })

  it("leaves what is not an event object to the schemas", () => {
    for (const value of [null, "text", 1, [], { type: "constructor" }, { type: "metric.observed" }])
      expect(quickDecode(value)).toBeUndefined()
  })
})
