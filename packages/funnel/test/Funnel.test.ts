// The support funnel (docs/metrics.md, section 8), each expectation worked out by hand in a comment.
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { DAY, graphqlData, HOUR, iso, MIN, openFunnel, type TestFunnel } from "./support.js"

const customer = { kind: "customer" }
const bot = { kind: "bot" }
const automation = { kind: "automation" }
const ana = { kind: "human", email: "ana@example.com" }

let n = 0
const id = (prefix: string) => `${prefix}-${++n}`

/** A proactive message, with a team or without. */
const sent = (t: number, teamKey?: string) => ({
  id: id("send"),
  type: "proactive.sent",
  at: iso(t),
  actor: automation,
  ...(teamKey === undefined ? {} : { teamKey }),
})

const viewed = (t: number, customerId: string) => ({
  id: id("view"),
  type: "article.viewed",
  at: iso(t),
  actor: customer,
  customerId,
})

/** The events of conversation `conversationId`, at offsets from T0. */
const chat = (conversationId: string) => {
  const ev = (type: string, t: number, actor: object, extra: Record<string, unknown> = {}) => ({
    id: id(conversationId),
    type,
    at: iso(t),
    actor,
    conversationId,
    ...extra,
  })
  return {
    created: (t: number, customerId?: string) =>
      ev("conversation.created", t, customer, customerId === undefined ? {} : { customerId }),
    customer: (t: number) => ev("message.customer", t, customer),
    human: (t: number) => ev("message.human", t, ana),
    bot: (t: number) => ev("message.bot", t, bot),
    handoff: (t: number) => ev("conversation.handoff", t, bot),
    assigned: (t: number, email: string | null, teamKey: string) =>
      ev("conversation.assigned", t, automation, { assignee: email === null ? null : { email }, teamKey }),
    resolved: (t: number, by: object = ana) => ev("conversation.resolved", t, by),
  }
}

const close = (x: number) => expect.closeTo(x, 9)
const row = (fields: object) => ({ metric: "funnel", basis: expect.any(String), ...fields })
/** A funnel row's counts and shares: self_serve = assumed + bot_resolved, shares of self_serve + human. */
const counts = (proactive: number, assumed: number, botResolved: number, human: number) => {
  const selfServe = assumed + botResolved
  const demand = selfServe + human
  return {
    proactive,
    assumed,
    bot_resolved: botResolved,
    self_serve: selfServe,
    human,
    self_serve_share: demand === 0 ? null : close(selfServe / demand),
    human_share: demand === 0 ? null : close(human / demand),
  }
}

describe.each(testDialects())("the funnel on %s", (dialect) => {
  let kpi: TestFunnel
  beforeEach(async () => {
    kpi = await openFunnel(dialect)
    for (const team of ["alpha", "beta", "gamma"]) await kpi.createTeam(team)
  })
  afterEach(() => kpi.close())

  const report = (query: Record<string, unknown>) => kpi.report({ metric: "funnel", ...query })

  it("counts every layer, and by team puts sends by teamKey, cycles by owner, views with no team", async () => {
    const a = chat("a")
    const b = chat("b")
    const d = chat("d")
    const e = chat("e")
    const f = chat("f")
    await kpi.ingest([
      // Proactive: alpha ×2, beta, gamma, no team.
      sent(0, "alpha"),
      sent(HOUR, "alpha"),
      sent(0, "beta"),
      sent(0, "gamma"),
      sent(0),
      // Views on Mon 09:00 (C also at 10:00).
      viewed(0, "A"), // a started exactly 24 h later → followed (inclusive)
      viewed(0, "B"), // b started 24 h + 1 ms later → not followed → assumed
      viewed(0, "C"), // C never starts a conversation → assumed, once for two views
      viewed(HOUR, "C"),
      viewed(0, "D"), // d started 1 h later → followed
      // a: a bot resolves it, no teammate, no owner → bot_resolved, team null.
      a.created(DAY, "A"),
      a.bot(DAY + MIN),
      a.resolved(DAY + 5 * MIN, bot),
      // b: a teammate writes, owner alpha → human.
      b.created(DAY + 1, "B"),
      b.customer(DAY + MIN),
      b.assigned(DAY + 2 * MIN, "ana@example.com", "alpha"),
      b.human(DAY + 3 * MIN),
      b.resolved(DAY + 4 * MIN),
      // d: bot, handoff, a teammate, owner beta → human.
      d.created(HOUR, "D"),
      d.bot(HOUR + MIN),
      d.handoff(HOUR + 2 * MIN),
      d.assigned(HOUR + 3 * MIN, "bo@example.com", "beta"),
      d.human(HOUR + 4 * MIN),
      d.resolved(HOUR + 5 * MIN),
      // e (alpha): bot-resolved, reopened 10 min later (withdrawn: not bot_resolved);
      // cycle 2 has a teammate's message → human.
      e.created(2 * DAY),
      e.assigned(2 * DAY + MIN, null, "alpha"),
      e.bot(2 * DAY + 2 * MIN),
      e.resolved(2 * DAY + 10 * MIN, bot),
      e.customer(2 * DAY + 20 * MIN),
      e.human(2 * DAY + 30 * MIN),
      e.resolved(2 * DAY + 40 * MIN),
      // f: a teammate wrote, then a bot resolved → human (team null), not bot_resolved.
      f.created(2 * DAY),
      f.bot(2 * DAY + MIN),
      f.human(2 * DAY + 2 * MIN),
      f.resolved(2 * DAY + 3 * MIN, bot),
    ])
    const asOf = iso(5 * DAY)
    // proactive 5; assumed B, C = 2; bot_resolved a = 1; human b, d, e#2, f = 4 → shares 3/7, 4/7.
    expect(await report({ asOf })).toEqual([row(counts(5, 2, 1, 4))])
    // null: 1 send, the 2 assumed customers, a, f. alpha: 2 sends, b, e#2. beta: 1 send, d. gamma: 1 send only.
    expect(await report({ groupBy: ["team"], asOf })).toEqual([
      row({ team: null, ...counts(1, 2, 1, 1) }),
      row({ team: "alpha", ...counts(2, 0, 0, 2) }),
      row({ team: "beta", ...counts(1, 0, 0, 1) }),
      row({ team: "gamma", ...counts(1, 0, 0, 0) }),
    ])
  })

  it("puts views in the row of no person when grouped by person, cycles by their owner", async () => {
    const a = chat("a")
    const b = chat("b")
    await kpi.ingest([
      sent(0), // by automation: no person
      viewed(0, "V"), // never followed → assumed, person null
      a.created(0), // bot-resolved, never assigned → bot_resolved, person null
      a.bot(MIN),
      a.resolved(2 * MIN, bot),
      b.created(0), // a teammate writes, assigned to bo → human, person bo
      b.assigned(MIN, "bo@example.com", "beta"),
      b.human(2 * MIN),
    ])
    // null: 1 send, 1 assumed, 1 bot-resolved → self-serve 2, human 0. bo: human 1.
    expect(await report({ groupBy: ["person"], asOf: iso(2 * DAY) })).toEqual([
      row({ person: null, ...counts(1, 1, 1, 0) }),
      row({ person: "bo@example.com", ...counts(0, 0, 0, 1) }),
    ])
  })

  it("counts a view as assumed until a conversation of its customer follows, as of asOf", async () => {
    const x = chat("x")
    await kpi.ingest([
      sent(-HOUR), // Mon 08:00, so that the funnel has a row either way
      viewed(0, "X"), // Mon 09:00
      x.created(2 * HOUR, "X"), // Mon 11:00, 2 h after the view
    ])
    // As of Mon 10:00 the conversation has not started: X is assumed.
    expect(await report({ asOf: iso(HOUR) })).toEqual([row(counts(1, 1, 0, 0))])
    // As of Mon 12:00 it followed within 24 h: not assumed.
    expect(await report({ asOf: iso(3 * HOUR) })).toEqual([row(counts(1, 0, 0, 0))])
    // Also when the conversation falls outside [from, to): the view is in, and it was followed.
    expect(await report({ to: iso(HOUR), asOf: iso(3 * HOUR) })).toEqual([row(counts(1, 0, 0, 0))])
  })

  it("does not take a conversation started before the view as following it", async () => {
    const w = chat("w")
    await kpi.ingest([
      w.created(-HOUR, "W"), // Mon 08:00
      viewed(0, "W"), // Mon 09:00, no conversation after it → assumed
    ])
    expect(await report({ asOf: iso(3 * DAY) })).toEqual([row(counts(0, 1, 0, 0))])
  })

  it("counts each layer at its own basis: view, send, resolution, cycle start", async () => {
    const h = chat("h")
    const r = chat("r")
    await kpi.ingest([
      sent(-HOUR), // Mon 08:00
      viewed(HOUR, "Y"), // Mon 10:00
      viewed(DAY + HOUR, "Y"), // Tue 10:00: Y again, another day
      viewed(HOUR, "Z"), // Mon 10:00
      viewed(2 * HOUR, "Z"), // Mon 11:00: Z counted once on Monday
      // h: starts Mon 23:00, a teammate writes Tue 00:30 and resolves Tue 00:40 → human on Monday.
      h.created(14 * HOUR),
      h.human(15 * HOUR + 30 * MIN),
      h.resolved(15 * HOUR + 40 * MIN),
      // r: starts Mon 23:00, a bot resolves it Tue 01:00 → bot_resolved on Tuesday.
      r.created(14 * HOUR),
      r.bot(14 * HOUR + 10 * MIN),
      r.resolved(16 * HOUR, bot),
    ])
    // Mon: 1 send, Y and Z assumed, h → self-serve 2, human 1. Tue: Y assumed, r bot-resolved → self-serve 2.
    expect(await report({ groupBy: ["period"], period: "day", asOf: iso(3 * DAY) })).toEqual([
      row({ period: "2026-03-02", ...counts(1, 2, 0, 1) }),
      row({ period: "2026-03-03", ...counts(0, 1, 1, 0) }),
    ])
    // [Tue 00:00, Wed 00:00): Y's Tuesday view and r only.
    expect(await report({ from: "2026-03-03T00:00:00Z", to: "2026-03-04T00:00:00Z", asOf: iso(3 * DAY) })).toEqual([
      row(counts(0, 1, 1, 0)),
    ])
  })

  it("serves the funnel through GraphQL", async () => {
    const a = chat("a")
    const b = chat("b")
    await kpi.ingest([
      sent(0, "alpha"),
      viewed(0, "V"), // never followed → assumed
      a.created(0), // bot-resolved → bot_resolved
      a.bot(MIN),
      a.resolved(2 * MIN, bot),
      b.created(0), // a teammate writes, owner alpha → human
      b.assigned(MIN, "ana@example.com", "alpha"),
      b.human(2 * MIN),
    ])
    const asOf = iso(2 * DAY)
    const fields = "proactive assumed botResolved selfServe human selfServeShare humanShare"
    // proactive 1, assumed 1, botResolved 1, selfServe 2, human 1 → shares 2/3, 1/3.
    expect(await graphqlData(kpi.server, `query { funnel(asOf: "${asOf}") { ${fields} } }`)).toEqual({
      funnel: [
        {
          proactive: 1,
          assumed: 1,
          botResolved: 1,
          selfServe: 2,
          human: 1,
          selfServeShare: close(2 / 3),
          humanShare: close(1 / 3),
        },
      ],
    })
    expect(
      await graphqlData(
        kpi.server,
        `query { metric(query: {metric: "funnel", asOf: "${asOf}"}) { metric ... on FunnelMetricRow { human } } }`,
      ),
    ).toEqual({ metric: [{ metric: "funnel", human: 1 }] })
    // By team: null holds the view and the bot resolution (2 self-serve, shares 1 and 0);
    // alpha the send and b (human 1, shares 0 and 1).
    expect(
      await graphqlData(kpi.server, `query { funnel(groupBy: [team], asOf: "${asOf}") { team ${fields} } }`),
    ).toEqual({
      funnel: [
        {
          team: null,
          proactive: 0,
          assumed: 1,
          botResolved: 1,
          selfServe: 2,
          human: 0,
          selfServeShare: 1,
          humanShare: 0,
        },
        {
          team: "alpha",
          proactive: 1,
          assumed: 0,
          botResolved: 0,
          selfServe: 0,
          human: 1,
          selfServeShare: 0,
          humanShare: 1,
        },
      ],
    })
  })
})
