// Targets and status (docs/targets.md): every expectation worked out by hand in a comment.
import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { answered, openTargets, rated, type TargetsHost } from "./support.js"

const asOf = "2026-04-01T00:00:00Z"
const ana = "ana@example.com"
const bo = "bo@example.com"
const cy = "cy@example.com"
const dee = "dee@example.com"

const rows = (host: TargetsHost, query: string) =>
  host.data(`{ metric(query: ${query}) {
    team person period status attainment
    target { id statistic scope { kind key } complexity good { min max } acceptable { min max } effectiveFrom contributedBy }
  } }`)

describe.each(testDialects())("targets on %s", (dialect) => {
  let host: TargetsHost
  beforeEach(async () => {
    host = await openTargets(dialect)
    await host.createTeam("alpha")
    await host.createTeam("beta")
  })
  afterEach(() => host.close())

  it("judges each row by the most specific target: person, then level, then team, then the default", async () => {
    await host.createPerson(ana, "alpha")
    const boId = await host.createPerson(bo, "alpha")
    await host.createPerson(cy, "alpha")
    await host.createPerson(dee, "beta")
    await host.promote(boId, "css1", "2026-02-02")
    // Each answers one conversation after 200 s: every median is 200.
    await host.ingest([ana, bo, cy].flatMap((p) => answered("alpha", p, "2026-03-02T10:00:00Z", 200)))
    await host.ingest(answered("beta", dee, "2026-03-02T10:00:00Z", 200))
    const from = "2026-01-01T00:00:00Z"
    await host.setTargets([
      {
        metric: "first_response_time",
        statistic: "median",
        scope: { kind: "team", key: "alpha" },
        good: { max: 150 },
        acceptable: { max: 250 },
        effectiveFrom: from,
      },
      {
        metric: "first_response_time",
        statistic: "median",
        scope: { kind: "level", key: "support/css1" },
        good: { max: 300 },
        effectiveFrom: from,
      },
      {
        metric: "first_response_time",
        statistic: "median",
        scope: { kind: "person", key: ana },
        good: { max: 100 },
        effectiveFrom: from,
      },
    ])
    const data = await rows(
      host,
      `{ metric: "first_response_time", groupBy: [person], from: "2026-03-01T00:00:00Z", asOf: "${asOf}" }`,
    )
    const judged = data.metric.map((r: any) => [r.person, r.status, r.target.scope.kind, r.target.scope.key])
    expect(judged).toEqual([
      // 200 > 100 and no acceptable band: off track.
      [ana, "off_track", "person", ana],
      // Bo held css1 from 2 February: 200 ≤ 300.
      [bo, "on_track", "level", "support/css1"],
      // Cy: alpha's 150 < 200 ≤ 250.
      [cy, "watch", "team", "alpha"],
      // Dee, in beta: the support plugin's default, 200 ≤ 1080.
      [dee, "on_track", "organisation", null],
    ])
    expect(data.metric[3].target).toMatchObject({
      id: null,
      contributedBy: "support",
      effectiveFrom: null,
      good: { max: 1080 },
      acceptable: { max: 1800 },
    })
  })

  it("judges a period by the target in force at its start, so a new target does not rewrite the past", async () => {
    await host.createPerson(ana, "alpha")
    await host.ingest([
      ...answered("alpha", ana, "2026-03-04T10:00:00Z", 500),
      ...answered("alpha", ana, "2026-03-11T10:00:00Z", 500),
      ...answered("alpha", ana, "2026-03-18T10:00:00Z", 500),
    ])
    const team = { kind: "team", key: "alpha" }
    await host.setTargets([
      {
        metric: "first_response_time",
        statistic: "median",
        scope: team,
        good: { max: 600 },
        effectiveFrom: "2026-03-01T00:00:00Z",
      },
      // Exactly at the start of the week of 9 March (UTC): in force for that week.
      {
        metric: "first_response_time",
        statistic: "median",
        scope: team,
        good: { max: 300 },
        effectiveFrom: "2026-03-09T00:00:00Z",
      },
      // A millisecond after the week of 16 March starts: not yet in force for it.
      {
        metric: "first_response_time",
        statistic: "median",
        scope: team,
        good: { max: 900 },
        effectiveFrom: "2026-03-16T00:00:00.001Z",
      },
    ])
    const data = await rows(
      host,
      `{ metric: "first_response_time", groupBy: [team, period], period: week, timeZone: "UTC", asOf: "${asOf}" }`,
    )
    expect(data.metric.map((r: any) => [r.period, r.status, r.target.good.max])).toEqual([
      ["2026-03-02", "on_track", 600],
      ["2026-03-09", "off_track", 300],
      ["2026-03-16", "off_track", 300],
    ])
  })

  it("ends a target with good: null, leaving the next scope to judge", async () => {
    await host.createPerson(ana, "alpha")
    await host.ingest(answered("alpha", ana, "2026-03-11T10:00:00Z", 1500))
    const team = { kind: "team", key: "alpha" }
    await host.setTargets([
      {
        metric: "first_response_time",
        statistic: "median",
        scope: team,
        good: { max: 2000 },
        effectiveFrom: "2026-03-01T00:00:00Z",
      },
      {
        metric: "first_response_time",
        statistic: "median",
        scope: team,
        good: null,
        effectiveFrom: "2026-03-09T00:00:00Z",
      },
    ])
    const data = await rows(
      host,
      `{ metric: "first_response_time", groupBy: [team, period], period: week, asOf: "${asOf}" }`,
    )
    // The default: 1080 < 1500 ≤ 1800.
    expect(data.metric.map((r: any) => [r.status, r.target.scope.kind])).toEqual([["watch", "organisation"]])
  })

  it("counts attainment within the good band, both ends included", async () => {
    await host.createPerson(ana, "alpha")
    await host.ingest([
      ...answered("alpha", ana, "2026-03-02T10:00:00Z", 60),
      ...answered("alpha", ana, "2026-03-02T11:00:00Z", 1080),
      ...answered("alpha", ana, "2026-03-02T12:00:00Z", 1081),
    ])
    const data = await rows(host, `{ metric: "first_response_time", groupBy: [team], asOf: "${asOf}" }`)
    // 60 and 1080 are within ≤ 1080, 1081 is not: 2 of 3. The median 1080 is on track.
    expect(data.metric).toMatchObject([{ team: "alpha", status: "on_track", attainment: expect.closeTo(2 / 3, 9) }])
  })

  it("does not judge CSAT on fewer ratings than the minimum, and shows the count", async () => {
    await host.createPerson(ana, "alpha")
    await host.setTargets([
      {
        metric: "csat_score",
        statistic: "rate",
        good: { min: 0.8 },
        acceptable: { min: 0.6 },
        effectiveFrom: "2026-01-01T00:00:00Z",
      },
    ])
    const nine = Array.from({ length: 9 }, (_, i) => rated("alpha", ana, `2026-03-02T1${i}:00:00Z`, 5)).flat()
    await host.ingest(nine)
    const query = `{ metric(query: { metric: "csat_score", groupBy: [team], asOf: "${asOf}" }) {
      status ... on RateMetricRow { denominator rate } } }`
    // 9 ratings < 10: no data, with the 9 shown beside it.
    expect((await host.data(query)).metric).toEqual([{ status: "no_data", denominator: 9, rate: 1 }])
    await host.ingest(rated("alpha", ana, "2026-03-03T10:00:00Z", 1))
    // 10 ratings, 9 of them 4 or 5: 0.9 ≥ 0.8.
    expect((await host.data(query)).metric).toEqual([{ status: "on_track", denominator: 10, rate: 0.9 }])
  })

  it("prefers a target of the query's complexity tier, and weighs a person's concurrency", async () => {
    await host.createPerson(ana, "alpha")
    // Three complex conversations held at once from 10:00 to 10:10.
    const complex = [1, 2, 3].flatMap((i) =>
      answered("alpha", ana, "2026-03-02T10:00:00Z", 600).map((e: any) =>
        e.type === "conversation.created" ? { ...e, id: `${e.id}.${i}`, complexity: "complex" } : e,
      ),
    )
    await host.ingest(complex)
    await host.setTargets([
      {
        metric: "concurrency",
        statistic: "max",
        scope: { kind: "team", key: "alpha" },
        good: { max: 4 },
        effectiveFrom: "2026-01-01T00:00:00Z",
      },
    ])
    const window = `from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z", asOf: "2026-03-03T00:00:00Z"`
    const judge = async (extra: string) =>
      (await rows(host, `{ metric: "concurrency", groupBy: [person], ${window} ${extra} }`)).metric.map((r: any) => [
        r.status,
        r.target.scope.kind,
        r.target.complexity,
      ])
    // Complex only: the default for complex conversations (3 ≤ 15) beats alpha's target for every tier.
    expect(await judge("complexity: complex")).toEqual([["on_track", "organisation", "complex"]])
    // Every tier: alpha's target judges Ana's weighted maximum, 3 × 2 = 6 > 4.
    expect(await judge("")).toEqual([["off_track", "team", null]])
  })
})
