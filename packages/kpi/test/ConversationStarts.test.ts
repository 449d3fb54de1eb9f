// When each team's conversations started: the reader other plugins (coverage) use instead of
// kpi's tables.
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ConversationStarts } from "../src/ConversationStarts.js"
import { openKpi, type TestKpi } from "./support.js"

const created = (id: string, at: string) => ({
  id: `${id}.created`,
  type: "conversation.created",
  at,
  actor: { kind: "customer" },
  conversationId: id,
})
const assigned = (id: string, at: string, teamKey: string | null, n = 1) => ({
  id: `${id}.assigned.${n}`,
  type: "conversation.assigned",
  at,
  actor: { kind: "automation" },
  conversationId: id,
  assignee: teamKey === null ? { email: "ana@x.com" } : null,
  ...(teamKey === null ? {} : { teamKey }),
})

const events = [
  created("a", "2026-03-09T10:00:00Z"),
  assigned("a", "2026-03-09T10:01:00Z", "red"),
  assigned("a", "2026-03-09T10:05:00Z", "blue", 2),
  created("b", "2026-03-09T11:00:00Z"),
  // Two assignments at one instant: the first to arrive is the first.
  assigned("b", "2026-03-09T11:00:00Z", "blue"),
  assigned("b", "2026-03-09T11:00:00Z", "red", 2),
  created("c", "2026-03-16T00:00:00Z"),
  assigned("c", "2026-03-16T00:00:00Z", "red"),
  // Never assigned to a team.
  created("d", "2026-03-10T09:00:00Z"),
  assigned("d", "2026-03-10T09:00:00Z", null),
  // Created, not yet assigned.
  created("e", "2026-03-10T09:30:00Z"),
]

describe.each(testDialects())("conversation starts on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    for (const team of ["red", "blue"]) await kpi.createTeam(team)
  })
  afterEach(async () => {
    await kpi.close()
  })

  const starts = (teams: ReadonlyArray<string>, from: string, to: string) =>
    kpi.run(Effect.flatMap(ConversationStarts, (r) => r.ofTeams(teams, Date.parse(from), Date.parse(to))))

  it("answers the conversations created in the window, each with the team of its first assignment", async () => {
    await kpi.ingest(events)
    const week = await starts(["red", "blue"], "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z")
    expect(week).toEqual([
      { conversationId: "a", createdAt: Date.parse("2026-03-09T10:00:00Z"), teamKey: "red" },
      { conversationId: "b", createdAt: Date.parse("2026-03-09T11:00:00Z"), teamKey: "blue" },
    ])
    expect(
      (await starts(["red"], "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z")).map((s) => s.conversationId),
    ).toEqual(["a"])
    // The end is not in the window; the start is.
    expect(
      (await starts(["red"], "2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z")).map((s) => s.conversationId),
    ).toEqual(["c"])
    expect(await starts([], "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z")).toEqual([])
  })

  it("answers the same after the same events are sent again", async () => {
    await kpi.ingest(events)
    const first = await starts(["red", "blue"], "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")
    const again = await kpi.ingest(events)
    expect(again.accepted).toBe(0)
    expect(await starts(["red", "blue"], "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")).toEqual(first)
    expect(first).toHaveLength(3)
  })
})
