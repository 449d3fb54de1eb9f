// Who may see and change what: every kind of caller against every sensitive field and
// mutation, on the default plugins, through real tokens.
import { GlobalId, type TokenScope } from "@teamops/core"
import { type GraphQLResult, graphql, openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"

type Caller =
  | "anonymous"
  | "self"
  | "manager"
  | "otherManager"
  | "teammate"
  | "peoplePartner"
  | "admin"
  | "events:write"
  | "metrics:read"
  | "org:write"
  | "ladders:write"

/** What a caller got: data seen, data that reads as absent, a refusal, or (for a rating) its rater kind. */
type Outcome = "seen" | "absent" | "allowed" | "forbidden" | "unauthenticated" | "SELF" | "MANAGER" | "PEER"

const refusal = (result: GraphQLResult): Outcome | undefined => {
  const code = (result.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code
  if (code === "UNAUTHENTICATED") return "unauthenticated"
  if (code === "FORBIDDEN") return "forbidden"
  if (result.errors !== undefined) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`)
  return undefined
}

interface World {
  readonly ana: string
  readonly bo: string
  readonly mia: string
  /** Left; reports to max. */
  readonly cy: string
  readonly assessmentId: string
}

type Check = (
  ask: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult>,
  world: World,
) => Promise<Outcome>

const seenOr =
  (query: string, seen: (data: any) => boolean): Check =>
  async (ask, world) => {
    const result = await ask(query, { id: world.ana, assessment: world.assessmentId })
    return refusal(result) ?? (seen(result.data) ? "seen" : "absent")
  }

const allowedOr =
  (query: string, variables: (world: World) => Record<string, unknown> = () => ({})): Check =>
  async (ask, world) => {
    const result = await ask(query, variables(world))
    return refusal(result) ?? "allowed"
  }

const checks: Record<string, Check> = {
  readiness: seenOr(
    `query($id: ID!) { person(id: $id) { readiness(targetLevel: "css2") { ready } } }`,
    (d) => d.person.readiness !== null,
  ),
  assessments: seenOr(
    "query($id: ID!) { person(id: $id) { assessments { totalCount edges { node { rating } } } } }",
    (d) => d.person.assessments.totalCount > 0,
  ),
  levelHistory: seenOr(
    "query($id: ID!) { person(id: $id) { levelHistory { rationale } timeInLevel } }",
    (d) => d.person.levelHistory.length > 0 && d.person.timeInLevel !== null,
  ),
  assessmentNode: seenOr(
    "query($assessment: ID!) { node(id: $assessment) { id ... on Assessment { rating note } } }",
    (d) => d.node !== null,
  ),
  personalKpis: seenOr(
    `query($id: ID!) { person(id: $id) { kpis(metrics: ["volume"], asOf: "2026-03-09T00:00:00Z") { metric } } }`,
    (d) => d.person.kpis.length > 0,
  ),
  teamKpis: seenOr(
    `{ team(key: "support") { kpis(metrics: ["volume"], asOf: "2026-03-09T00:00:00Z") { metric } } }`,
    (d) => d.team.kpis.length > 0,
  ),
  departure: async (ask, world) => {
    const result = await ask("query($id: ID!) { person(id: $id) { leftOn status } }", { id: world.cy })
    return refusal(result) ?? (result.data.person.leftOn !== null ? "seen" : "absent")
  },
  directory: seenOr(
    "{ people(first: 5) { edges { node { name email team { key } currentLevel { key } } } } }",
    (d) => d.people.edges.length > 0,
  ),
  rate: async (ask, world) => {
    const result = await ask(
      `mutation($id: ID!) { recordAssessment(input: { personId: $id, ladderKey: "support", competency: "troubleshooting", rating: "practising" }) {
        __typename ... on RecordAssessmentSuccess { assessment { raterKind } } } }`,
      { id: world.ana },
    )
    return refusal(result) ?? result.data.recordAssessment.assessment.raterKind
  },
  promote: allowedOr(
    `mutation($id: ID!) { promotePerson(input: { personId: $id, ladderKey: "support", level: "css2", rationale: "Ready." }) { __typename } }`,
    (w) => ({ id: w.ana }),
  ),
  setManager: allowedOr(
    "mutation($id: ID!, $manager: ID!) { setManager(input: { personId: $id, managerId: $manager }) { __typename } }",
    (w) => ({ id: w.bo, manager: w.mia }),
  ),
  importLadder: allowedOr(`mutation { importLadder(input: { format: YAML, content: "key: x" }) { __typename } }`),
  ingest: allowedOr("mutation { ingestEvents(input: { events: [] }) { __typename } }"),
  metric: allowedOr(`{ metric(query: { metric: "volume", asOf: "2026-03-09T00:00:00Z" }) { metric } }`),
  auditLog: allowedOr("{ auditLog(first: 1) { totalCount } }"),
}

// The person's career data, their team's figures and the org chart.
const careerSeen = {
  readiness: "seen",
  assessments: "seen",
  levelHistory: "seen",
  assessmentNode: "seen",
  personalKpis: "seen",
  teamKpis: "seen",
  directory: "seen",
} as const

// Each caller's outcome, in the order of `checks`.
const expected: Record<Caller, Record<keyof typeof checks, Outcome>> = {
  anonymous: row("unauthenticated"),
  self: { ...row("forbidden"), ...careerSeen, departure: "absent", rate: "SELF" },
  manager: { ...row("forbidden"), ...careerSeen, departure: "absent", rate: "MANAGER", promote: "allowed" },
  otherManager: { ...hiddenCareer(), teamKpis: "absent", departure: "seen", rate: "PEER" },
  teammate: { ...hiddenCareer(), teamKpis: "seen", rate: "PEER" },
  peoplePartner: { ...hiddenCareer(), teamKpis: "absent", departure: "seen", rate: "PEER", setManager: "allowed" },
  admin: { ...row("allowed"), ...careerSeen, departure: "seen", rate: "PEER" },
  "events:write": { ...row("forbidden"), ingest: "allowed" },
  "metrics:read": { ...hiddenCareer(), teamKpis: "seen", rate: "forbidden", metric: "allowed" },
  "org:write": { ...hiddenCareer(), teamKpis: "absent", rate: "forbidden", setManager: "allowed" },
  "ladders:write": { ...hiddenCareer(), teamKpis: "absent", rate: "forbidden", importLadder: "allowed" },
}

function row(outcome: Outcome): Record<keyof typeof checks, Outcome> {
  return Object.fromEntries(Object.keys(checks).map((name) => [name, outcome])) as Record<keyof typeof checks, Outcome>
}

// Reads the org chart, not the person's career data.
function hiddenCareer(): Record<keyof typeof checks, Outcome> {
  return {
    ...row("forbidden"),
    readiness: "absent",
    assessments: "absent",
    levelHistory: "absent",
    assessmentNode: "absent",
    personalKpis: "absent",
    departure: "absent",
    directory: "seen",
  }
}

const personId = (id: string) => Schema.decodeSync(GlobalId("Person"))(id)

describe.each(testDialects())("who may see and change what, on %s", (dialect) => {
  let app: TestHost
  let world: World
  const tokens = new Map<Caller, string | undefined>()

  beforeAll(async () => {
    app = await openTestHost(dialect, defaultPlugins)
    const mutate = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await app.data(query, variables)
      return Object.values(result)[0] as any
    }
    const hire = async (name: string, team: string, managerId?: string) =>
      (
        await mutate(
          `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ... on CreatePersonSuccess { person { id } } } }`,
          {
            input: { name, email: `${name}@x.com`, timeZone: "UTC", teamKey: team, hireDate: "2025-01-06", managerId },
          },
        )
      ).person.id as string
    await mutate(`mutation { createTeam(input: { key: "support", name: "Support" }) { __typename } }`)
    await mutate(`mutation { createTeam(input: { key: "sales", name: "Sales" }) { __typename } }`)
    const mia = await hire("mia", "support")
    const ana = await hire("ana", "support", mia)
    const bo = await hire("bo", "support", mia)
    const max = await hire("max", "sales")
    const hana = await hire("hana", "sales")
    const adam = await hire("adam", "sales")
    const person = (id: string, scopes: ReadonlyArray<TokenScope> = []) => app.token({ personId: personId(id) }, scopes)
    const service = (scope: TokenScope) => app.token({ service: scope.replace(":", "-") }, [scope])
    tokens.set("anonymous", undefined)
    tokens.set("self", await person(ana))
    tokens.set("manager", await person(mia))
    tokens.set("otherManager", await person(max))
    tokens.set("teammate", await person(bo))
    tokens.set("peoplePartner", await person(hana, ["people"]))
    tokens.set("admin", await person(adam, ["admin"]))
    for (const scope of ["events:write", "metrics:read", "org:write", "ladders:write"] as const) {
      tokens.set(scope, await service(scope))
    }

    const asManager = app.as(tokens.get("manager"))
    const rated = await graphql(
      asManager,
      `mutation($id: ID!) { recordAssessment(input: { personId: $id, ladderKey: "support", competency: "troubleshooting", rating: "proficient", note: "Calm under pressure." }) {
        ... on RecordAssessmentSuccess { assessment { id } } } }`,
      { id: ana },
    )
    await graphql(
      asManager,
      `mutation($id: ID!) { promotePerson(input: { personId: $id, ladderKey: "support", level: "css1", rationale: "Hired.", effectiveOn: "2025-01-06" }) { __typename } }`,
      { id: ana },
    )
    const cy = await hire("cy", "sales", max)
    await mutate(
      `mutation($id: ID!) { recordDeparture(input: { personId: $id, leftOn: "2026-01-30" }) { __typename } }`,
      {
        id: cy,
      },
    )
    const human = { kind: "human", email: "ana@x.com" }
    const at = (minute: number) => `2026-03-02T10:0${minute}:00Z`
    const events = [
      { id: "e1", type: "conversation.created", at: at(0), conversationId: "c1", actor: { kind: "customer" } },
      {
        id: "e2",
        type: "conversation.assigned",
        at: at(0),
        conversationId: "c1",
        actor: human,
        assignee: { email: "ana@x.com" },
        teamKey: "support",
      },
      { id: "e3", type: "message.human", at: at(5), conversationId: "c1", actor: human },
    ]
    await mutate("mutation($events: [JSON!]!) { ingestEvents(input: { events: $events }) { __typename } }", {
      events,
    })
    world = { ana, bo, mia, cy, assessmentId: rated.data.recordAssessment.assessment.id }
  })
  afterAll(async () => {
    await app?.close()
  })

  for (const caller of Object.keys(expected) as Array<Caller>) {
    it(`${caller}`, async () => {
      const server = app.as(tokens.get(caller) ?? undefined)
      const ask = (query: string, variables?: Record<string, unknown>) => graphql(server, query, variables)
      const got: Record<string, Outcome> = {}
      for (const [name, check] of Object.entries(checks)) got[name] = await check(ask, world)
      expect(got).toEqual(expected[caller])
    })
  }

  it("writes each denial in the audit log, naming the caller and what was asked", async () => {
    const teammate = app.as(tokens.get("teammate"))
    await graphql(teammate, "query($id: ID!) { person(id: $id) { readiness { ready } } }", { id: world.ana })
    await graphql(teammate, "{ auditLog { totalCount } }")
    const log = await app.data(
      `query($principal: String!) { auditLog(principal: $principal, denied: true, first: 50) { edges { node { operation targets outcome } } } }`,
      { principal: `person:${personId(world.bo)}` },
    )
    const lines = log.auditLog.edges.map((e: any) => e.node)
    expect(lines).toContainEqual({ operation: "Person.readiness", targets: [personId(world.ana)], outcome: "denied" })
    expect(lines).toContainEqual({ operation: "auditLog", targets: [], outcome: "denied" })
    const anonymous = await app.data(
      `{ auditLog(principal: "anonymous", first: 1) { edges { node { operation outcome } } } }`,
    )
    expect(anonymous.auditLog.edges[0].node).toEqual({ operation: "authenticate", outcome: "denied" })
  })
})
