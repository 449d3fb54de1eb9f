// The demo week of docs/coverage.md: in the week before the demo was seeded, every regional
// team has customers writing when fewer than two of its people are on.
import { testDatabase, testDialects } from "@teamops/core/testing"
import { createServer, seedDemo } from "@teamops/server"
import { describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { authorized, mintToken } from "./credentials.js"

const regions = [
  ["support-emea", "Europe/Athens"],
  ["support-americas", "America/New_York"],
  ["support-apac", "Australia/Sydney"],
] as const

describe.each(testDialects())("the coverage of the demo on %s", (dialect) => {
  it("shows gaps for each regional team in the week before the seeding", async () => {
    const db = await testDatabase(dialect)
    const booted = await createServer({ databaseUrl: db.url, plugins: defaultPlugins, graphiql: false })
    try {
      expect(await seedDemo(booted.host, { whenEmpty: true })).toBe(true)
      const server = authorized(booted, await mintToken(booted, { email: "eleni@teamops.example" }, ["admin"]))
      const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)
      for (const [team, timeZone] of regions) {
        const response = await server.fetch("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: `{ team(key: "${team}") { coverage(weekOf: "${lastWeek}") { timeZone intervals { demand } gaps { staffed demand } } } }`,
          }),
        })
        const { coverage } = ((await response.json()) as any).data.team
        expect(coverage.timeZone, team).toBe(timeZone)
        expect(
          coverage.intervals.some((i: any) => i.demand > 0),
          team,
        ).toBe(true)
        expect(coverage.gaps.length, team).toBeGreaterThan(0)
        for (const gap of coverage.gaps) expect(gap.staffed, team).toBeLessThan(2)
      }
    } finally {
      await booted.close()
      await db.drop()
    }
  })
})
