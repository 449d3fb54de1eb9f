import { measured, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { graphql, graphqlData, openKpi, type TestKpi } from "./support.js"

const ingest = `mutation($events: [JSON!]!) {
  ingestEvents(input: { events: $events }) {
    __typename
    ... on IngestEventsSuccess { summary { accepted duplicates } }
    ... on EventBatchRefused { message problems }
    ... on InputError { message path }
  }
}`

const customer = { kind: "customer" }
const ana = { kind: "human", email: "ana@example.com" }
const event = (id: string, type: string, at: string, conversationId: string, actor: object, extra: object = {}) => ({
  id,
  type,
  at,
  actor,
  conversationId,
  ...extra,
})

/** Three conversations of team `team`, each answered after `minutes` minutes, on Monday 2 March 2026. */
const answered = (team: string, person: string, minutes: ReadonlyArray<number>) =>
  minutes.flatMap((m, i) => {
    const c = `${team}-${i}`
    const start = Date.parse("2026-03-02T10:00:00Z")
    return [
      event(`${c}-1`, "conversation.created", new Date(start).toISOString(), c, customer),
      event(`${c}-2`, "conversation.assigned", new Date(start).toISOString(), c, ana, {
        assignee: { email: person },
        teamKey: team,
      }),
      event(`${c}-3`, "message.human", new Date(start + m * 60_000).toISOString(), c, ana),
    ]
  })

describe.each(testDialects())("kpi GraphQL on %s", (dialect) => {
  let kpi: TestKpi
  beforeEach(async () => {
    kpi = await openKpi(dialect)
    await kpi.createTeam("support")
  })
  afterEach(() => kpi.close())

  it("ingests a batch, skips it when resent, and refuses a broken one with every problem", async () => {
    const events = answered("support", "ana@example.com", [5])
    expect((await graphqlData(kpi.server, ingest, { events })).ingestEvents).toEqual({
      __typename: "IngestEventsSuccess",
      summary: { accepted: 3, duplicates: 0 },
    })
    expect((await graphqlData(kpi.server, ingest, { events })).ingestEvents.summary).toEqual({
      accepted: 0,
      duplicates: 3,
    })
    const broken = [
      event("x1", "conversation.created", "2026-03-02T10:00:00Z", "x", customer),
      event("x2", "conversation.assigned", "2026-03-02T10:01:00Z", "x", ana, { assignee: null, teamKey: "sales" }),
      { id: "x3", type: "message.human", at: "yesterday", actor: ana, conversationId: "x" },
    ]
    const refused = (await graphqlData(kpi.server, ingest, { events: broken })).ingestEvents
    expect(refused.__typename).toBe("EventBatchRefused")
    expect(refused.problems).toEqual([
      'events[2] (event "x3"): at: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "yesterday"',
    ])
    const unknownTeam = (await graphqlData(kpi.server, ingest, { events: broken.slice(0, 2) })).ingestEvents
    expect(unknownTeam.problems).toEqual(['events[1] (event "x2"): teamKey: no team with key "sales"'])
    const rows = await graphqlData(
      kpi.server,
      `{ metric(query: { metric: "volume", asOf: "2026-03-03T00:00:00Z" }) { ... on CountMetricRow { count } } }`,
    )
    expect(rows.metric).toEqual([{ count: 1 }])
  })

  it("lists the stored events in arrival order, a page at a time", async () => {
    const events = [
      ...answered("support", "ana@example.com", [5]),
      event("v1", "article.viewed", "2026-03-02T12:00:00+02:00", null as never, customer, { customerId: "u1" }),
    ]
    await graphqlData(kpi.server, ingest, { events })
    const page = `query($after: String, $conversation: String) {
      events(first: 2, after: $after, conversationId: $conversation) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id type at conversationId content } }
      }
    }`
    const first = (await graphqlData(kpi.server, page)).events
    expect(first.totalCount).toBe(4)
    expect(first.edges.map((e: any) => e.node.id)).toEqual(["support-0-1", "support-0-2"])
    const second = (await graphqlData(kpi.server, page, { after: first.pageInfo.endCursor })).events
    expect(second.pageInfo.hasNextPage).toBe(false)
    expect(second.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ id: "support-0-3", type: "message.human", conversationId: "support-0" }),
      {
        id: "v1",
        type: "article.viewed",
        at: "2026-03-02T10:00:00.000Z",
        conversationId: null,
        content: {
          type: "article.viewed",
          id: "v1",
          at: "2026-03-02T10:00:00.000Z",
          actor: { kind: "customer" },
          customerId: "u1",
        },
      },
    ])
    const one = (await graphqlData(kpi.server, page, { conversation: "support-0" })).events
    expect(one.totalCount).toBe(3)
  })

  it("answers metric queries with camelCase rows of the metric's type", async () => {
    await graphqlData(kpi.server, ingest, { events: answered("support", "ana@example.com", [2, 4, 12]) })
    const data = await graphqlData(
      kpi.server,
      `{
        frt: metric(query: { metric: "first_response_time", groupBy: [team, period], period: week, asOf: "2026-03-03T00:00:00Z" }) {
          __typename team person period metric basis
          ... on DurationMetricRow { calendar { count median p90 mean min max } business { count } unanswered open }
        }
        concurrency: metric(query: { metric: "concurrency", groupBy: [person], from: "2026-03-02T10:00:00Z", to: "2026-03-02T11:00:00Z", asOf: "2026-03-03T00:00:00Z" }) {
          person ... on ConcurrencyMetricRow { max mean weightedMax weightedMean }
        }
      }`,
    )
    // Waits of 2, 4 and 12 minutes: median 240 s, p90 = 240 + 0.8 × (720 − 240) = 624 s.
    expect(data.frt).toEqual([
      {
        __typename: "DurationMetricRow",
        team: "support",
        person: null,
        period: "2026-03-02",
        metric: "first_response_time",
        basis: "cycle start",
        calendar: { count: 3, median: 240, p90: 624, mean: 360, min: 120, max: 720 },
        business: null,
        unanswered: 0,
        open: null,
      },
    ])
    // Three open conversations held by ana for the whole hour.
    expect(data.concurrency).toEqual([{ person: "ana@example.com", max: 3, mean: 3, weightedMax: 3, weightedMean: 3 }])
    const bad = await graphql(kpi.server, `{ metric(query: { metric: "volume", from: "monday" }) { metric } }`)
    expect(bad.errors?.[0]?.message).toBe(
      'query.from: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "monday"',
    )
  })

  it("sets a team calendar, shows it, and refuses an unknown team or a broken file", async () => {
    const set = `mutation($team: String!, $calendar: JSON!) {
      setTeamCalendar(input: { teamKey: $team, calendar: $calendar }) {
        __typename
        ... on SetTeamCalendarSuccess { calendar { timeZone effectiveFrom holidays } }
        ... on Error { message }
      }
    }`
    const calendar = [
      { timeZone: "Europe/Athens", weekly: { mon: [["09:00", "17:00"]] } },
      {
        timeZone: "Europe/Lisbon",
        weekly: { mon: [["09:00", "17:00"]] },
        holidays: ["2026-12-25"],
        effectiveFrom: "2026-06-01T00:00:00+01:00",
      },
    ]
    const done = await graphqlData(kpi.server, set, { team: "support", calendar })
    expect(done.setTeamCalendar.calendar).toEqual([
      { timeZone: "Europe/Athens", effectiveFrom: null, holidays: [] },
      { timeZone: "Europe/Lisbon", effectiveFrom: "2026-05-31T23:00:00.000Z", holidays: ["2026-12-25"] },
    ])
    const shown = await graphqlData(kpi.server, `{ team(key: "support") { calendar { timeZone file } } }`)
    expect(shown.team.calendar[1]).toEqual({
      timeZone: "Europe/Lisbon",
      file: {
        timeZone: "Europe/Lisbon",
        weekly: { mon: [["09:00", "17:00"]] },
        holidays: ["2026-12-25"],
        effectiveFrom: "2026-05-31T23:00:00.000Z",
      },
    })
    expect((await graphqlData(kpi.server, set, { team: "nobody", calendar })).setTeamCalendar).toEqual({
      __typename: "NotFoundError",
      message: 'no team with key "nobody"',
    })
    const broken = await graphqlData(kpi.server, set, {
      team: "support",
      calendar: { timeZone: "Europe/Athens", weekly: { mon: [["17:00", "09:00"]] } },
    })
    expect(broken.setTeamCalendar).toEqual({
      __typename: "InputError",
      message: "input.calendar.weekly.mon.0: expected start 17:00 before end 09:00",
    })
  })

  it("answers team and person kpis with as many statements for many teams as for one", async () => {
    const teams = ["t0", "t1", "t2", "t3", "t4", "t5"]
    for (const team of teams) await kpi.createTeam(team)
    const events = teams.flatMap((team, i) => answered(team, `p${i}@example.com`, [i + 1]))
    await graphqlData(kpi.server, ingest, { events })
    const ask = (first: number) =>
      `{ teams(first: ${first}) { edges { node { key kpis(metrics: ["volume", "first_response_time"], asOf: "2026-03-03T00:00:00Z") {
          metric ... on CountMetricRow { count } ... on DurationMetricRow { calendar { median } } } } } } }`
    const { answer: one, sent: forOne } = await measured(kpi, () => graphqlData(kpi.server, ask(1)))
    const { answer: all, sent: forAll } = await measured(kpi, () => graphqlData(kpi.server, ask(7)))
    expect(forAll.length).toBe(forOne.length)
    expect(one.teams.edges[0].node.kpis).toEqual([])
    const t3 = all.teams.edges.find((e: any) => e.node.key === "t3").node.kpis
    expect(t3).toEqual([
      { metric: "volume", count: 1 },
      { metric: "first_response_time", calendar: { median: 240 } },
    ])
  })

  it("reads the calendars of many teams in as many statements as of one", async () => {
    const teams = Array.from({ length: 20 }, (_, i) => `team-${String(i).padStart(2, "0")}`)
    for (const team of teams) {
      await kpi.createTeam(team)
      await kpi.setCalendar(team, { timeZone: "Europe/Athens", weekly: { mon: [["09:00", "17:00"]] } })
    }
    const ask = (first: number) => `{ teams(first: ${first}) { edges { node { key calendar { timeZone } } } } }`
    const { sent: forOne } = await measured(kpi, () => graphqlData(kpi.server, ask(1)))
    const { answer, sent: forAll } = await measured(kpi, () => graphqlData(kpi.server, ask(21)))
    expect(forAll.length).toBe(forOne.length)
    expect(answer.teams.edges).toHaveLength(21)
    expect(answer.teams.edges.filter((e: any) => e.node.calendar[0]?.timeZone === "Europe/Athens")).toHaveLength(20)
  })
})
