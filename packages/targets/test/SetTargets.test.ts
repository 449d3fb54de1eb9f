// Setting and listing targets: who may, what is refused, and the statements a judged page sends.
import { GlobalId } from "@teamops/core"
import { graphql, measured, testDialects } from "@teamops/testing"
import { Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { answered, openTargets, type TargetsHost } from "./support.js"

const setTargets = `mutation($input: SetTargetsInput!) { setTargets(input: $input) {
  __typename ... on SetTargetsSuccess { targets { id metric scope { kind key } } } ... on InputError { message path } } }`
const targets = `{ targets { metric statistic scope { kind key } complexity good { min max } contributedBy } }`
const team = { kind: "team", key: "alpha" }
const frt = {
  metric: "first_response_time",
  statistic: "median",
  good: { max: 600 },
  effectiveFrom: "2026-01-01T00:00:00Z",
}

describe.each(testDialects())("setTargets and targets on %s", (dialect) => {
  let host: TargetsHost
  beforeEach(async () => {
    host = await openTargets(dialect)
    await host.createTeam("alpha")
  })
  afterEach(() => host.close())

  it("refuses every problem at once, each at its path, and stores nothing", async () => {
    const data = await host.data(setTargets, {
      input: {
        targets: [
          { ...frt, metric: "first_reply_time" },
          { ...frt, statistic: "rate" },
          { ...frt, good: { max: 600 }, acceptable: { max: 300 } },
          { ...frt, scope: { kind: "team", key: "omega" } },
          { ...frt, scope: { kind: "level", key: "css1" } },
          { ...frt, good: { min: 5, max: 1 } },
        ],
      },
    })
    expect(data.setTargets.__typename).toBe("InputError")
    expect(data.setTargets.message.split("\n")).toEqual([
      "input.targets.2.acceptable: expected a band that contains good",
      'input.targets.4.scope.key: expected a ladder key and a level key such as "support/css2", got "css1"',
      "input.targets.5.good.max: expected max of at least min (5), got 1",
    ])
    // Once every target decodes, what the metrics and the organisation do not know.
    const known = await host.data(setTargets, {
      input: {
        targets: [
          { ...frt, metric: "first_reply_time" },
          { ...frt, statistic: "rate" },
          { ...frt, scope: { kind: "team", key: "omega" } },
        ],
      },
    })
    expect(known.setTargets.message).toMatch(/^input\.targets\.0\.metric: unknown metric "first_reply_time" \(known: /)
    expect(known.setTargets.message.split("\n").slice(1)).toEqual([
      'input.targets.1.statistic: expected one of median, p90, mean, max for first_response_time, got "rate"',
      'input.targets.2.scope.key: no team with key "omega"',
    ])
    expect(known.setTargets.path).toEqual(["input", "targets", "0", "metric"])
    const listed = await host.data(`{ targets(history: true) { contributedBy } }`)
    expect(listed.targets.every((t: any) => t.contributedBy === "support")).toBe(true)
  })

  it("lists the targets in force, the defaults included, and every version with history", async () => {
    await host.setTargets([
      { ...frt, scope: team },
      { ...frt, scope: team, good: { max: 300 }, effectiveFrom: "2026-06-01T00:00:00Z" },
    ])
    const inForce = async (asOf: string) =>
      (await host.data(`{ targets(metric: "first_response_time", asOf: "${asOf}") { scope { kind } good { max } } }`))
        .targets
    expect(await inForce("2026-03-01T00:00:00Z")).toEqual([
      { scope: { kind: "organisation" }, good: { max: 1080 } },
      { scope: { kind: "team" }, good: { max: 600 } },
    ])
    expect(await inForce("2026-07-01T00:00:00Z")).toEqual([
      { scope: { kind: "organisation" }, good: { max: 1080 } },
      { scope: { kind: "team" }, good: { max: 300 } },
    ])
    const all = await host.data(`{ targets(metric: "first_response_time", history: true) { good { max } } }`)
    expect(all.targets.map((t: any) => t.good.max)).toEqual([1080, 600, 300])
  })

  it("lets admins set targets, metrics:read and admins list them, and no one else", async () => {
    const anaId = await host.createPerson("ana@example.com", "alpha")
    const member = host.as(await host.token({ personId: Schema.decodeSync(GlobalId("Person"))(anaId) }))
    const reader = host.as(await host.token({ service: "dashboards" }, ["metrics:read"]))
    const writer = host.as(await host.token({ service: "hr-sync" }, ["org:write"]))
    const denied = (result: any) => result.errors?.[0]?.extensions?.code
    for (const caller of [member, reader, writer]) {
      expect(denied(await graphql(caller, setTargets, { input: { targets: [frt] } }))).toBe("FORBIDDEN")
    }
    expect(denied(await graphql(member, targets))).toBe("FORBIDDEN")
    expect(denied(await graphql(writer, targets))).toBe("FORBIDDEN")
    expect((await graphql(reader, targets)).data?.targets).toHaveLength(3)
    expect((await host.data(setTargets, { input: { targets: [frt] } })).setTargets.__typename).toBe("SetTargetsSuccess")
  })

  it("shows a row's status to whoever sees the row: a person's own, not a teammate's", async () => {
    const anaId = await host.createPerson("ana@example.com", "alpha")
    const boId = await host.createPerson("bo@example.com", "alpha")
    await host.ingest(answered("alpha", "ana@example.com", "2026-03-02T10:00:00Z", 100))
    const as = async (id: string) => host.as(await host.token({ personId: Schema.decodeSync(GlobalId("Person"))(id) }))
    const kpis = `{ person(email: "ana@example.com") {
      kpis(metrics: ["first_response_time"], asOf: "2026-04-01T00:00:00Z") { status target { scope { kind } } } } }`
    const expected = [{ status: "on_track", target: { scope: { kind: "organisation" } } }]
    expect((await graphql(await as(anaId), kpis)).data?.person.kpis).toEqual(expected)
    expect((await graphql(await as(boId), kpis)).data?.person.kpis).toEqual([])
    expect((await host.data(kpis)).person.kpis).toEqual(expected)
  })

  it("judges a page of people in as many statements as one person", async () => {
    const people = ["p1", "p2", "p3", "p4", "p5"].map((p) => `${p}@example.com`)
    for (const p of people) await host.createPerson(p, "alpha")
    await host.setTargets([{ ...frt, scope: { kind: "level", key: "support/css1" } }])
    await host.ingest(people.flatMap((p) => answered("alpha", p, "2026-03-02T10:00:00Z", 100)))
    const page = (emails: ReadonlyArray<string>) =>
      `{ ${emails.map((e, i) => `p${i}: person(email: "${e}") { kpis(metrics: ["first_response_time"], asOf: "2026-04-01T00:00:00Z") { status target { scope { kind } } } }`).join(" ")} }`
    const one = await measured(host, () => host.data(page(people.slice(0, 1))))
    const five = await measured(host, () => host.data(page(people)))
    expect(five.sent.length).toBe(one.sent.length)
    expect(Object.values(five.answer).map((p: any) => p.kpis[0].status)).toEqual(Array(5).fill("on_track"))
  })
})
