// The example of the README: examples/teamops.config.js, read as the command line reads it,
// boots org and the plain JavaScript plugin examples/acme-sales, whose field and mutation answer.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { graphql, testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { readHostFile } from "../src/HostFile.js"
import { authorized, expectShowsToken, mintToken } from "./credentials.js"

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url))
const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8")

it("the README's request carries the token, and the README says where it comes from", () => {
  expect(expectShowsToken("README.md", readme)).toBe(1)
})

it("the README shows examples/teamops.config.js verbatim", () => {
  const config = readFileSync(`${examples}teamops.config.js`, "utf8")
  expect(readme).toContain(`\`\`\`js\n${config}\`\`\``)
})

describe.each(testDialects())("the example configuration on %s", (dialect) => {
  const withServer = async (test: (server: TeamopsServer) => Promise<void>) => {
    const choice = await Effect.runPromise(readHostFile(examples))
    expect(choice.plugins.map((p) => p.id)).toEqual(["org", "acme-sales"])
    const database = await testDatabase(dialect)
    try {
      const server = await createServer({ databaseUrl: database.url, graphiql: false, ...choice })
      try {
        // A token of the demo's head of support, an admin, as `teamops serve --demo` prints it.
        expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
        await test(authorized(server, await mintToken(server, { email: "eleni@teamops.example" }, ["admin"])))
      } finally {
        await server.close()
      }
    } finally {
      await database.drop()
    }
  }

  it("boots acme-sales with its configuration, and its field and mutation answer", async () => {
    await withServer(async (server) => {
      expect(server.host.plugins).toEqual([
        { id: "org", version: "0.1.0", status: "booted" },
        { id: "acme-sales", version: "0.1.0", status: "booted" },
      ])
      const team = await graphql(
        server,
        `{ people(teamKey: "support-americas") { edges { node { id email salesQuota { amount currency } } } } }`,
      )
      expect(team.errors).toBeUndefined()
      const people = (team.data as any).people.edges.map((e: any) => e.node)
      // The demo quotas, in the currency of pluginConfig.
      expect(people.find((p: any) => p.email === "james@teamops.example").salesQuota).toEqual({
        amount: 80000,
        currency: "USD",
      })
      const lucas = people.find((p: any) => p.email === "lucas@teamops.example")
      expect(lucas.salesQuota).toBeNull()

      const set = (amount: number) =>
        graphql(
          server,
          `mutation ($input: SetSalesQuotaInput!) { setSalesQuota(input: $input) {
            __typename
            ... on SetSalesQuotaSuccess { person { email salesQuota { amount currency } } }
            ... on InputError { message path }
          } }`,
          { input: { personId: lucas.id, amount } },
        )
      expect((await set(-1)).data).toEqual({
        setSalesQuota: {
          __typename: "InputError",
          message: "input.amount: expected an amount of 0 or more",
          path: ["input", "amount"],
        },
      })
      expect((await set(50000)).data).toEqual({
        setSalesQuota: {
          __typename: "SetSalesQuotaSuccess",
          person: { email: "lucas@teamops.example", salesQuota: { amount: 50000, currency: "USD" } },
        },
      })
    })
  })
})
