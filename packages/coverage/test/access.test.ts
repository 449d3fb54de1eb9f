// Coverage is a team figure: it is seen by whoever sees the team's KPIs (the `teamOf` rule).
import { testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CoverageHost, openCoverage } from "./support.js"

const question = `{ team(key: "mixed") { coverage(weekOf: "2026-03-09") { start } } }`
const seen = { team: { coverage: { start: "2026-03-09T00:00:00.000Z" } } }
const hidden = { team: { coverage: null } }

/** The id of a person, from the global id the API answers. */
const idOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1] as string

describe.each(testDialects())("who sees a team's coverage on %s", (dialect) => {
  let host: CoverageHost
  const tokens: Record<string, string> = {}
  let outsiderId = ""
  beforeAll(async () => {
    host = await openCoverage(dialect)
    for (const team of ["mixed", "leads", "other"]) await host.createTeam(team)
    const lead = await host.createPerson("lead@x.com", "leads")
    const member = await host.createPerson("member@x.com", "mixed", { managerId: lead })
    const outsider = await host.createPerson("outsider@x.com", "other")
    tokens.member = await host.token({ personId: idOf(member) })
    tokens.manager = await host.token({ personId: idOf(lead) })
    outsiderId = idOf(outsider)
    tokens.outsider = await host.token({ personId: outsiderId })
    tokens.metrics = await host.token({ service: "dashboards" }, ["metrics:read"])
    tokens.admin = await host.token({ service: "operations" }, ["admin"])
  })
  afterAll(async () => {
    await host?.close()
  })

  const ask = async (who: string) => {
    const result = await host.as(tokens[who]).fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: question }),
    })
    return { status: result.status, body: await result.json() }
  }

  it("refuses a caller without a credential", async () => {
    const { status, body } = await ask("nobody")
    expect(status).toBe(401)
    expect(body.data ?? null).toBeNull()
  })

  it("shows it to a member of the team", async () => {
    expect((await ask("member")).body).toEqual({ data: seen })
  })

  it("shows it to the manager of a member, in another team", async () => {
    expect((await ask("manager")).body).toEqual({ data: seen })
  })

  it("hides it from a member of another team, and the denial is in the audit log", async () => {
    expect((await ask("outsider")).body).toEqual({ data: hidden })
    const log = await host.data(
      `query($principal: String!) { auditLog(principal: $principal, denied: true, first: 10) { edges { node { operation outcome } } } }`,
      { principal: `person:${outsiderId}` },
    )
    expect(log.auditLog.edges.map((e: any) => e.node)).toContainEqual({ operation: "Team.coverage", outcome: "denied" })
  })

  it("shows it to a service that reads metrics", async () => {
    expect((await ask("metrics")).body).toEqual({ data: seen })
  })

  it("shows it to an admin", async () => {
    expect((await ask("admin")).body).toEqual({ data: seen })
  })
})
