// The plugin guide's examples, proven: docs/plugins.md shows the fixtures verbatim, and the
// fixtures boot, migrate, seed and answer as the guide says.
import { readFileSync } from "node:fs"
import { aorPlugin } from "@teamops/aor"
import { competenciesPlugin } from "@teamops/competencies"
import { Db, definePlugin, encodeGlobalID, GlobalId } from "@teamops/core"
import { kpiPlugin, metricReport } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { supportPlugin } from "@teamops/support"
import { targetsPlugin } from "@teamops/targets"
import { openTestHost, testDatabase, testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { authorized, expectShowsToken, mintToken } from "./credentials.js"
import { acmeSales } from "./fixtures/acmeSales.js"
import { demosGiven } from "./fixtures/demosGiven.js"
import { glossaryPlugin, supportWords, term } from "./fixtures/glossary.js"
import { acmeTalks } from "./fixtures/talkEvidence.js"
import { weekendLoad } from "./fixtures/weekendLoad.js"

const guide = readFileSync(new URL("../../../docs/plugins.md", import.meta.url), "utf8")
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")

const graphql = async (server: TeamopsServer, query: string, variables: Record<string, unknown> = {}) => {
  const response = await server.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  })
  const result = (await response.json()) as { data?: any; errors?: unknown }
  expect(result.errors).toBeUndefined()
  return result.data
}

/** The server, sending an admin token of a service account, as the guide's request does. */
const asAdmin = async (server: TeamopsServer) =>
  authorized(server, await mintToken(server, { service: "sales-check" }, ["admin"]))

/** Boots a server, or answers the message it refused to boot with. */
const bootFailure = (config: Parameters<typeof createServer>[0]) =>
  createServer(config).then(
    async (server) => {
      await server.close()
      throw new Error("expected the boot to fail")
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  )

/** A boot failure message, which the guide quotes word for word. */
const quoted = (message: string) => {
  expect(guide).toContain(message)
  return message
}

it("docs/plugins.md says which token its request carries, and where it comes from", () => {
  expectShowsToken("docs/plugins.md", guide)
})

it.each(["acmeSales.ts", "glossary.ts", "weekendLoad.ts", "talkEvidence.ts", "demosGiven.ts"])(
  "docs/plugins.md shows fixtures/%s verbatim",
  (name) => {
    expect(guide).toContain(`\`\`\`ts\n${fixture(name)}\`\`\``)
  },
)

describe.each(testDialects())("acme-sales on %s", (dialect) => {
  const withServer = async (
    config: { pluginConfig?: Record<string, unknown>; onStatement?: (sql: string) => void },
    test: (server: TeamopsServer) => Promise<void>,
  ) => {
    const database = await testDatabase(dialect)
    try {
      const server = await createServer({
        databaseUrl: database.url,
        plugins: [orgPlugin, acmeSales],
        graphiql: false,
        ...config,
      })
      try {
        await test(await asAdmin(server))
      } finally {
        await server.close()
      }
    } finally {
      await database.drop()
    }
  }

  it("adds Person.salesQuota from its own table, loaded for a whole page in one statement", async () => {
    const statements: Array<string> = []
    await withServer({ onStatement: (sql) => statements.push(sql) }, async (server) => {
      expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
      // The query the guide shows.
      const query = /^```graphql\n([\s\S]*?)^```$/m.exec(guide)?.[1] as string
      expect(query).toContain("salesQuota")
      statements.length = 0
      const data = await graphql(server, query)
      expect(data.people.edges.map((e: any) => [e.node.email, e.node.salesQuota])).toEqual([
        ["hannah@teamops.example", null],
        ["james@teamops.example", { amount: 80000, currency: "EUR" }],
        ["lucas@teamops.example", null],
        ["maria@teamops.example", { amount: 120000, currency: "EUR" }],
        ["priya@teamops.example", { amount: 80000, currency: "EUR" }],
      ])
      const quotaStatements = statements.filter((sql) => sql.includes("acme_sales_quotas"))
      expect(quotaStatements).toHaveLength(1)
      expect(quotaStatements[0]).toMatch(/^select \* from "acme_sales_quotas" where "person_id" in \(/)
      statements.length = 0
      const everyone = await graphql(server, "{ people(first: 100) { edges { node { salesQuota { amount } } } } }")
      expect(everyone.people.edges).toHaveLength(21)
      expect(statements.filter((sql) => sql.includes("acme_sales_quotas"))).toHaveLength(1)
    })
  })

  it("records its migrations in acme_sales_migrations and its version in teamops_plugins", async () => {
    await withServer({}, async (server) => {
      const history = await server.host.db.kysely.selectFrom("acme_sales_migrations").select("name").execute()
      expect(history.map((row) => row.name)).toEqual(["0001_quotas"])
      const plugins = await server.host.db.kysely
        .selectFrom("teamops_plugins")
        .select(["id", "version"])
        .orderBy("id")
        .execute()
      expect(plugins).toEqual([
        { id: "acme-sales", version: "0.1.0" },
        { id: "org", version: "0.1.0" },
      ])
    })
  })

  it("sets a quota, and answers typed errors for a bad amount and an unknown person", async () => {
    await withServer({}, async (server) => {
      await seedDemo(server.host, { whenEmpty: true })
      const lookup = await graphql(
        server,
        '{ people(teamKey: "support-ops", first: 1) { edges { node { id email } } } }',
      )
      const ana = lookup.people.edges[0].node
      expect(ana.email).toBe("ana@teamops.example")
      const mutation = `mutation ($personId: ID!, $amount: Int!) {
        setSalesQuota(input: { personId: $personId, amount: $amount }) {
          __typename
          ... on SetSalesQuotaSuccess { person { email salesQuota { amount currency } } }
          ... on Error { message }
          ... on InputError { path }
        }
      }`
      expect((await graphql(server, mutation, { personId: ana.id, amount: 50000 })).setSalesQuota).toEqual({
        __typename: "SetSalesQuotaSuccess",
        person: { email: "ana@teamops.example", salesQuota: { amount: 50000, currency: "EUR" } },
      })
      const negative = (await graphql(server, mutation, { personId: ana.id, amount: -1 })).setSalesQuota
      expect(negative).toEqual({
        __typename: "InputError",
        message: "input.amount: expected an amount of 0 or more",
        path: ["input", "amount"],
      })
      expect(guide).toContain(
        '{ "__typename": "InputError", "message": "input.amount: expected an amount of 0 or more", "path": ["input", "amount"] }',
      )
      const nobody = encodeGlobalID("Person", "nobody")
      expect((await graphql(server, mutation, { personId: nobody, amount: 1 })).setSalesQuota).toEqual({
        __typename: "NotFoundError",
        message: 'no person with id "nobody"',
      })
      // Seeding again adds only what is missing: the quota set above stays, and so do the demo ones.
      await seedDemo(server.host, { whenEmpty: false })
      const again = await graphql(
        server,
        '{ people(teamKey: "support-ops", first: 1) { edges { node { salesQuota { amount } } } } }',
      )
      expect(again.people.edges[0].node.salesQuota).toEqual({ amount: 50000 })
    })
  })

  it("reads its settings from pluginConfig", async () => {
    await withServer({ pluginConfig: { "acme-sales": { currency: "USD" } } }, async (server) => {
      await seedDemo(server.host, { whenEmpty: true })
      const data = await graphql(server, "{ people(first: 100) { edges { node { salesQuota { currency } } } } }")
      const currencies = data.people.edges.flatMap((e: any) => (e.node.salesQuota ? [e.node.salesQuota.currency] : []))
      expect(currencies).toEqual(["USD", "USD", "USD"])
    })
  })
})

describe("boot failures name the plugin", () => {
  it("refuses acme-sales without org", async () => {
    expect(await bootFailure({ databaseUrl: ":memory:", plugins: [acmeSales] })).toBe(
      quoted('plugin "acme-sales" depends on "org", which is not loaded'),
    )
  })

  it("refuses acme-sales when the org loaded is outside the range it asks for", async () => {
    const wantsOrg2 = definePlugin({ ...acmeSales, dependsOn: [{ id: "org", version: "^2.0.0" }] })
    expect(await bootFailure({ databaseUrl: ":memory:", plugins: [orgPlugin, wantsOrg2] })).toBe(
      quoted(`plugin "acme-sales" needs "org" ^2.0.0, and ${orgPlugin.version} is loaded`),
    )
  })

  it("refuses a configuration that does not decode, naming the path", async () => {
    const message = await bootFailure({
      databaseUrl: ":memory:",
      plugins: [orgPlugin, acmeSales],
      pluginConfig: { "acme-sales": { currency: "euro" } },
    })
    expect(message).toBe(
      quoted(
        'plugin "acme-sales": invalid configuration at plugins.acme-sales.currency: expected a currency code such as "EUR"',
      ),
    )
  })

  it("refuses a section for a plugin that is not loaded", async () => {
    const message = await bootFailure({
      databaseUrl: ":memory:",
      plugins: [orgPlugin, acmeSales],
      pluginConfig: { "acme-slaes": { currency: "EUR" } },
    })
    expect(message).toBe(
      quoted('the configuration has a section for "acme-slaes", which is not loaded; loaded: "org", "acme-sales"'),
    )
  })

  it("leaves an optional plugin out and says why in /readyz", async () => {
    const server = await createServer({
      databaseUrl: ":memory:",
      plugins: [orgPlugin, acmeSales],
      optional: ["acme-sales"],
      pluginConfig: { "acme-sales": { currency: "euro" } },
    })
    try {
      const ready = await server.fetch("http://localhost/readyz")
      expect(ready.status).toBe(503)
      // The answer the guide shows.
      const shown = [...guide.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] as string))
      expect(await ready.json()).toEqual(shown.find((body) => body.status === "degraded"))
      // The rest of the API still serves.
      expect((await graphql(await asAdmin(server), "{ teams { totalCount } }")).teams.totalCount).toBe(0)
    } finally {
      await server.close()
    }
  })
})

describe("extension points", () => {
  it("hands the decoded contributions to the owner, with the contributing plugin", async () => {
    const server = await createServer({
      databaseUrl: ":memory:",
      plugins: [orgPlugin, supportWords, glossaryPlugin],
      graphiql: false,
    })
    try {
      expect((await graphql(await asAdmin(server), "{ glossary { word meaning plugin } }")).glossary).toEqual([
        { word: "sla", meaning: "How soon a customer must get an answer.", plugin: "support-words" },
        { word: "csat", meaning: "How satisfied customers say they are.", plugin: "support-words" },
      ])
    } finally {
      await server.close()
    }
  })

  it("refuses a contribution whose owner is not in dependsOn", async () => {
    const stray = definePlugin({ id: "stray", version: "0.1.0", contributes: [term({ word: "sla", meaning: "x" })] })
    expect(await bootFailure({ databaseUrl: ":memory:", plugins: [glossaryPlugin, stray] })).toBe(
      quoted('plugin "stray": contribution term[0] goes to plugin "glossary", which is not in dependsOn'),
    )
  })

  it("refuses a contribution that does not decode, naming the plugin and the path", async () => {
    const sloppy = definePlugin({
      id: "sloppy",
      version: "0.1.0",
      dependsOn: ["glossary"],
      contributes: [term({ word: "sla", meaning: "ok" }), term({ word: "First Response", meaning: "x" })],
    })
    expect(await bootFailure({ databaseUrl: ":memory:", plugins: [glossaryPlugin, sloppy] })).toBe(
      quoted(
        'plugin "sloppy": contribution term[1] is invalid: word: expected a lower-kebab key such as "support-emea", got "First Response"',
      ),
    )
  })
})

describe.each(testDialects())("a contributed metric on %s", (dialect) => {
  it("answers metric queries with the report's groups, as MetricValuesRow", async () => {
    const database = await testDatabase(dialect)
    const booted = await createServer({ databaseUrl: database.url, plugins: [orgPlugin, kpiPlugin, weekendLoad] })
    const server = await asAdmin(booted)
    try {
      const created = (id: string, at: string) => ({
        id,
        type: "conversation.created",
        at,
        actor: { kind: "customer" },
        conversationId: id,
      })
      await graphql(server, "mutation($events: [JSON!]!) { ingestEvents(input: { events: $events }) { __typename } }", {
        // A Saturday, a Sunday and a Monday.
        events: [
          created("a", "2026-03-07T10:00:00Z"),
          created("b", "2026-03-08T10:00:00Z"),
          created("c", "2026-03-09T10:00:00Z"),
        ],
      })
      const data = await graphql(
        server,
        `{ metric(query: { metric: "weekend_share", asOf: "2026-03-10T00:00:00Z" }) {
            __typename metric basis ... on MetricValuesRow { values } } }`,
      )
      expect(data.metric).toEqual([
        {
          __typename: "MetricValuesRow",
          metric: "weekend_share",
          basis: "cycle start",
          values: { weekend: 2, total: 3, share: 2 / 3 },
        },
      ])
    } finally {
      await server.close()
      await database.drop()
    }
  })

  it("stops the boot when a contributed metric is invalid, naming the plugin and the field", async () => {
    const sloppy = definePlugin({
      id: "sloppy-metrics",
      version: "0.1.0",
      dependsOn: ["kpi"],
      contributes: [metricReport({ key: "Weekend Share", basis: "cycle start", evaluate: () => Effect.succeed([]) })],
    })
    const message = await bootFailure({ databaseUrl: ":memory:", plugins: [orgPlugin, kpiPlugin, sloppy] })
    expect(message).toBe(quoted(message))
    expect(message).toContain('plugin "sloppy-metrics"')
  })
})

describe.each(testDialects())("an observed metric on %s", (dialect) => {
  /** The event the guide shows. */
  const shown = JSON.parse(/```json\n(\{ "id": "demo-1".*)\n```/.exec(guide)?.[1] ?? "null")

  it("ingests the guide's event and reports it as an ObservedMetricRow", async () => {
    const database = await testDatabase(dialect)
    const server = await asAdmin(
      await createServer({ databaseUrl: database.url, plugins: [orgPlugin, kpiPlugin, demosGiven] }),
    )
    try {
      const ingested = await graphql(
        server,
        `mutation($events: [JSON!]!) { ingestEvents(input: { events: $events }) {
          ... on IngestEventsSuccess { summary { accepted } } } }`,
        { events: [shown, { ...shown, id: "demo-2", value: 1 }] },
      )
      expect(ingested.ingestEvents.summary.accepted).toBe(2)
      const data = await graphql(
        server,
        `{ metric(query: { metric: "sales.demos_given", groupBy: [person], asOf: "2026-03-03T00:00:00Z" }) {
            __typename person ... on ObservedMetricRow { count value aggregation unit } } }`,
      )
      expect(data.metric).toEqual([
        {
          __typename: "ObservedMetricRow",
          person: "ana@acme.example",
          count: 2,
          value: 3,
          aggregation: "sum",
          unit: "demos",
        },
      ])
    } finally {
      await server.close()
      await database.drop()
    }
  })
})

describe.each(testDialects())("an observed metric, targeted and drilled into, on %s", (dialect) => {
  it("is judged by a target set for it and lists the observations behind its rows", async () => {
    const app = await openTestHost(dialect, [
      orgPlugin,
      rolesPlugin,
      competenciesPlugin,
      kpiPlugin,
      targetsPlugin,
      demosGiven,
    ])
    try {
      const demo = (id: string, at: string, value: number) => ({
        id,
        type: "metric.observed",
        at,
        actor: { kind: "automation" },
        metric: "sales.demos_given",
        subject: { person: "ana@acme.example" },
        value,
      })
      await app.data("mutation($events: [JSON!]!) { ingestEvents(input: { events: $events }) { __typename } }", {
        events: [demo("d1", "2026-03-02T15:00:00Z", 2), demo("d2", "2026-03-04T15:00:00Z", 1)],
      })
      const set = await app.data(`mutation { setTargets(input: { targets: [
        { metric: "sales.demos_given", statistic: "sum", good: { min: 5 }, acceptable: { min: 3 }, effectiveFrom: "2026-01-01T00:00:00Z" }
      ] }) { __typename } }`)
      expect(set.setTargets.__typename).toBe("SetTargetsSuccess")
      const data =
        await app.data(`{ metric(query: { metric: "sales.demos_given", groupBy: [person], asOf: "2026-03-10T00:00:00Z" }) {
        person status target { statistic good { min } }
        facts { totalCount edges { node { person at value } } }
        ... on ObservedMetricRow { value }
      } }`)
      // 2 + 1 = 3: within acceptable (≥ 3), short of good (≥ 5).
      expect(data.metric).toEqual([
        {
          person: "ana@acme.example",
          status: "watch",
          target: { statistic: "sum", good: { min: 5 } },
          value: 3,
          facts: {
            totalCount: 2,
            edges: [
              { node: { person: "ana@acme.example", at: "2026-03-02T15:00:00.000Z", value: 2 } },
              { node: { person: "ana@acme.example", at: "2026-03-04T15:00:00.000Z", value: 1 } },
            ],
          },
        },
      ])
    } finally {
      await app.close()
    }
  })
})

describe.each(testDialects())("contributed evidence on %s", (dialect) => {
  it("counts a talk in readiness for the competency it shows, with its series", async () => {
    const app = await openTestHost(dialect, [
      orgPlugin,
      rolesPlugin,
      competenciesPlugin,
      aorPlugin,
      kpiPlugin,
      targetsPlugin,
      supportPlugin,
      acmeTalks,
    ])
    try {
      await app.data(`mutation { createTeam(input: { key: "support", name: "Support" }) { __typename } }`)
      const hired = await app.data(
        "mutation($input: CreatePersonInput!) { createPerson(input: $input) { ... on CreatePersonSuccess { person { id } } } }",
        { input: { name: "Ana", email: "ana@x.com", timeZone: "UTC", teamKey: "support", hireDate: "2025-01-06" } },
      )
      const id = hired.createPerson.person.id as string
      await app.run(
        Effect.flatMap(Db, (db) =>
          db.query((k) =>
            k
              .insertInto("acme_talks_talks" as never)
              .values({
                person_id: Schema.decodeSync(GlobalId("Person"))(id),
                competency: "customer-communication",
                series: "brown-bag",
                date: "2026-02-03",
                title: "Saying no kindly",
                url: null,
              } as never)
              .execute(),
          ),
        ),
      )
      const data = await app.data(
        `query($id: ID!) { node(id: $id) { ... on Person { readiness(ladder: "support", targetLevel: "css1") {
          competencies { competency { key } evidenceCount evidence { date text url source { kind key name } } }
        } } } }`,
        { id },
      )
      const byKey = new Map(data.node.readiness.competencies.map((c: any) => [c.competency.key, c]))
      expect(byKey.get("customer-communication")).toEqual({
        competency: { key: "customer-communication" },
        evidenceCount: 1,
        evidence: [
          {
            date: "2026-02-03",
            text: "Saying no kindly",
            url: null,
            source: { kind: "talk", key: "brown-bag", name: "Talk series brown-bag" },
          },
        ],
      })
      expect(byKey.get("product-knowledge")).toMatchObject({ evidenceCount: 0, evidence: [] })
    } finally {
      await app.close()
    }
  })
})
