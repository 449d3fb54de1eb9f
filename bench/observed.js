// Benchmark of a plugin metric: 100,000 `metric.observed` values of a metric another team's
// plugin declares, reported through GraphQL by person and week and by team and month with
// their targets' status, against reading those values in one statement. Pairs are measured in
// alternating rounds after a warm-up. Run with `npm run bench -- --only observed`.

import { competenciesPlugin } from "@teamops/competencies"
import { definePlugin } from "@teamops/core"
import { EventLog, kpiPlugin, observedMetric } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { createServer, createToken } from "@teamops/server"
import { targetsPlugin } from "@teamops/targets"
import { Effect } from "effect"
import { alternate, benchStore, figure } from "./figures.js"
import { generator } from "./generator.js"

const observations = 100_000
const batchSize = 5_000
const teams = ["athens", "boston", "sydney", "dublin"]
const people = Array.from({ length: 40 }, (_, i) => ({ email: `p${i}@bench.example`, team: teams[i % teams.length] }))
const asOf = "2026-01-01T00:00:00Z"

/** A plugin of another team, knowing kpi only through what kpi exports. */
const callsPlugin = definePlugin({
  id: "calls",
  version: "1.0.0",
  dependsOn: ["kpi"],
  contributes: [
    observedMetric({
      key: "calls.handled",
      description: "Phone calls handled.",
      unit: "calls",
      direction: "up",
      aggregation: "sum",
    }),
    observedMetric({
      key: "calls.wrap_up_time",
      description: "Seconds spent after a call writing it up.",
      unit: "seconds",
      direction: "down",
      aggregation: "median",
    }),
  ],
})

// Every run measures the same log: a year of values, half of each metric.
const { next, pick } = generator(7)
const makeLog = () => {
  const start = Date.parse("2025-01-01T00:00:00Z")
  const year = 365 * 86_400_000
  return Array.from({ length: observations }, (_, i) => {
    const person = pick(people)
    const handled = i % 2 === 0
    return {
      id: `o${i}`,
      type: "metric.observed",
      at: new Date(start + Math.floor(next() * year)).toISOString(),
      actor: { kind: "automation" },
      metric: handled ? "calls.handled" : "calls.wrap_up_time",
      subject: next() < 0.8 ? { person: person.email } : { team: person.team },
      value: handled ? 1 + Math.floor(next() * 5) : 30 + Math.floor(next() * 600),
    }
  })
}

const database = await benchStore()
const server = await createServer({
  databaseUrl: database.url,
  plugins: [orgPlugin, rolesPlugin, competenciesPlugin, kpiPlugin, targetsPlugin, callsPlugin],
  rateLimit: { requestsPerMinute: 1_000_000 },
})
const { secret } = await server.host.runtime.runPromise(
  createToken({
    owner: { service: "bench" },
    name: "bench",
    scopes: ["admin"],
    createdAt: new Date(),
    expiresAt: null,
  }),
)
const graphql = async (query, variables = {}) => {
  const response = await server.fetch("http://bench/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = await response.json()
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

try {
  const kysely = server.host.db.kysely
  await kysely
    .insertInto("org_teams")
    .values(teams.map((key) => ({ id: key, key, name: key, description: null, parent_id: null })))
    .execute()
  for (const [i, person] of people.entries()) {
    await graphql("mutation($input: CreatePersonInput!) { createPerson(input: $input) { __typename } }", {
      input: {
        name: `Person ${i}`,
        email: person.email,
        timeZone: "UTC",
        teamKey: person.team,
        hireDate: "2024-01-01",
      },
    })
  }
  await graphql("mutation($input: SetTargetsInput!) { setTargets(input: $input) { __typename } }", {
    input: {
      targets: [
        {
          metric: "calls.handled",
          statistic: "sum",
          effectiveFrom: "2024-01-01T00:00:00Z",
          good: { min: 40 },
          acceptable: { min: 25 },
        },
        {
          metric: "calls.wrap_up_time",
          statistic: "median",
          effectiveFrom: "2024-01-01T00:00:00Z",
          good: { max: 300 },
        },
      ],
    },
  })
  const events = makeLog()
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize).map((value, j) => ({ where: `events[${i + j}]`, value }))
    await server.host.runtime.runPromise(Effect.flatMap(EventLog, (log) => log.ingest(batch)))
  }
  console.log(`metric log: ${observations} metric.observed values (${server.host.db.dialect})`)

  const report = (metric, groupBy, period) => () =>
    graphql(
      `query($q: MetricQueryInput!) { metric(query: $q) { person team period status attainment ... on ObservedMetricRow { count value } } }`,
      {
        q: { metric, groupBy, period, asOf },
      },
    )
  // The baseline reads the values a report reads, and nothing more.
  const baseline = (metric) => () =>
    kysely
      .selectFrom("kpi_observations")
      .selectAll()
      .where("metric", "=", metric)
      .where("at", "<", Date.parse(asOf))
      .execute()
  const reports = [
    ["calls.handled", "by person and week", ["person", "period"], "week"],
    ["calls.wrap_up_time", "by team and month", ["team", "period"], "month"],
  ]
  for (const [metric, grouping, groupBy, period] of reports) {
    const label = `${metric} ${grouping}`
    const work = report(metric, groupBy, period)
    const rows = (await work()).metric
    if (!rows.some((row) => row.status !== null)) throw new Error(`${label}: no row was judged`)
    const { a, b } = await alternate(work, baseline(metric), { seconds: 4, perRound: 3, warmup: 2 })
    figure({
      key: `observed.${label.replaceAll(" ", "_")}`,
      label: `${label}, ${rows.length} rows`,
      value: a,
      unit: "ms",
    })
    figure({
      key: `observed.${label.replaceAll(" ", "_")}.ratio`,
      label: `${label} / its values in one statement`,
      value: a / b,
      unit: "×",
    })
  }
} finally {
  await server.close()
  await database.drop()
}
