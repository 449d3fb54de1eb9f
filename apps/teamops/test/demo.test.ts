import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AssessmentRepo, PromotionRepo } from "@teamops/competencies"
import { PersonRepo } from "@teamops/org"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { authorized, mintToken } from "./credentials.js"

const dir = mkdtempSync(join(tmpdir(), "teamops-support-demo-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const counts = (server: TeamopsServer) =>
  server.host.runtime.runPromise(
    Effect.gen(function* () {
      const people = yield* PersonRepo
      const ids = (yield* people.list({ limit: 100, after: undefined }, {})).map((p) => p.id)
      const promotions = yield* Effect.flatMap(PromotionRepo, (repo) => repo.ofPeople(ids))
      const assessments = yield* Effect.flatMap(AssessmentRepo, (repo) => repo.countsFor(ids, {}))
      return {
        people: ids.length,
        promotions: promotions.length,
        assessments: [...assessments.values()].reduce((sum, n) => sum + n, 0),
      }
    }),
  )

const peopleQuery = `{
  people(first: 100) { edges { node { id email } } }
}`

const demoHealth = `{
  areaHealth {
    orphaned { area { key } reason }
    overloaded { person { email } hours allowance }
    tooManyCooks { area { key } }
    stale { area { key } }
    tooEarly { person { email } areas { key } }
  }
  person(email: "kostas@teamops.example") {
    readiness { competencies { competency { key } evidence { text source { kind key name } } } }
  }
}`

const graphql = async (server: TeamopsServer, query: string, variables: Record<string, unknown> = {}) => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  })
  return (await response.json()) as { data?: any; errors?: unknown }
}

const readinessOf = async (server: TeamopsServer, email: string) => {
  const people = await graphql(server, peopleQuery)
  const person = people.data.people.edges.find((e: any) => e.node.email === email)
  const answer = await graphql(
    server,
    `query ($id: ID!) {
      person(id: $id) {
        readiness(targetLevel: "css2") { ready met total explanation gaps { competency { key name } expected assessed } }
      }
    }`,
    { id: person.node.id },
  )
  expect(answer.errors).toBeUndefined()
  return answer.data.person.readiness
}

describe.each(testDialects())("the support demo on %s", (dialect) => {
  it("places the demo people on the ladder once, with readiness for css2", async () => {
    const db = dialect === "sqlite" ? { url: join(dir, "demo.db"), drop: async () => {} } : await testDatabase(dialect)
    try {
      const booted = await createServer({ databaseUrl: db.url, plugins: defaultPlugins, graphiql: false })
      try {
        expect(await seedDemo(booted.host, { whenEmpty: true })).toBe(true)
        // The demo's admin, the head of support, as `teamops serve --demo` prints her token.
        const server = authorized(booted, await mintToken(booted, { email: "eleni@teamops.example" }, ["admin"]))
        const first = await counts(server)
        expect(first.people).toBe(22)
        expect(first.promotions).toBe(22)
        expect(first.assessments).toBeGreaterThan(20)
        expect(await seedDemo(server.host, { whenEmpty: false })).toBe(true)
        expect(await counts(server)).toEqual(first)
        expect(await seedDemo(server.host, { whenEmpty: true })).toBe(false)

        // Lena left Support Operations on 30 April 2026, costed at its default salary: 50000 × 0.21.
        const workforce = await graphql(
          server,
          `{ workforce(from: "2026-01-01", to: "2026-12-31") {
            organisation { turnoverCost uncostedDepartures departures { person { email } leftOn } }
            teams { team { key } workforce { turnoverCost } }
          } }`,
        )
        expect(workforce.errors).toBeUndefined()
        expect(workforce.data.workforce.organisation).toEqual({
          turnoverCost: 10500,
          uncostedDepartures: 0,
          departures: [{ person: { email: "lena@teamops.example" }, leftOn: "2026-04-30" }],
        })
        expect(workforce.data.workforce.teams).toContainEqual({
          team: { key: "support-ops" },
          workforce: { turnoverCost: 10500 },
        })

        const lucas = await readinessOf(server, "lucas@teamops.example")
        expect(lucas).toMatchObject({ ready: false, met: 4, total: 7 })
        expect(lucas.explanation).toMatch(
          /^not ready for css2: 4 of 7 competencies met; missing: customer-communication/,
        )
        expect(lucas.gaps).toContainEqual({
          competency: { key: "customer-communication", name: "Customer communication" },
          expected: "proficient",
          assessed: "practising",
        })
        expect(lucas.gaps).toContainEqual({
          competency: { key: "collaboration-with-product", name: "Collaboration with product" },
          expected: "practising",
          assessed: null,
        })
        const arjun = await readinessOf(server, "arjun@teamops.example")
        expect(arjun).toMatchObject({ ready: false, met: 3, total: 7 })
        const kostas = await readinessOf(server, "kostas@teamops.example")
        expect(kostas).toEqual({
          ready: true,
          met: 7,
          total: 7,
          explanation: "ready for css2: all 7 competencies met",
          gaps: [],
        })

        // Every rule of the areas' health has an answer, and area work is evidence.
        const health = await graphql(server, demoHealth)
        expect(health.errors).toBeUndefined()
        expect(health.data.areaHealth).toEqual({
          orphaned: [{ area: { key: "status-page" }, reason: "nobody owns it" }],
          overloaded: [{ person: { email: "tom@teamops.example" }, hours: 10, allowance: 8 }],
          tooManyCooks: [{ area: { key: "release-notes" } }],
          stale: [{ area: { key: "quality-reviews" } }],
          tooEarly: [{ person: { email: "noah@teamops.example" }, areas: [{ key: "support-dashboards" }] }],
        })
        const evidence = health.data.person.readiness.competencies.find(
          (c: any) => c.competency.key === "customer-communication",
        ).evidence
        expect(evidence).toContainEqual({
          text: "Wrote the help-centre article on call forwarding, now the most read of the month.",
          source: { kind: "area", key: "help-center", name: "Help-centre articles" },
        })
      } finally {
        await booted.close()
      }
    } finally {
      await db.drop()
    }
  })
})
