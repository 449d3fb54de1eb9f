// Benchmark of the metric reports, as ratios against a baseline measured in the same run:
// answering a report against reading the stored cycle facts in one statement. Storing the
// events is measured by bench/ingest.js. Run with `npm run bench`.
import { funnelPlugin } from "@teamops/funnel"
import { EventLog, kpiPlugin, MetricQuery, Metrics } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { createServer, createToken } from "@teamops/server"
import { Effect, Schema } from "effect"
import { benchStore, figure } from "./figures.js"
import { generator } from "./generator.js"

const conversations = 10_000
const batchSize = 5_000
const teams = ["athens", "boston", "sydney", "dublin"]
const people = Array.from({ length: 40 }, (_, i) => `p${i}@bench.example`)

// Every run measures the same log.
const { next, pick } = generator(42)

const makeLog = () => {
  const events = []
  const start = Date.parse("2025-01-01T00:00:00Z")
  const year = 365 * 86_400_000
  for (let c = 0; c < conversations; c++) {
    const conversationId = `c${c}`
    let at = start + Math.floor(next() * year)
    const push = (type, actor, fields = {}) => {
      at += 1000 + Math.floor(next() * 3_600_000)
      events.push({
        id: `${conversationId}-${events.length}`,
        type,
        at: new Date(at).toISOString(),
        actor,
        conversationId,
        ...fields,
      })
    }
    const human = { kind: "human", email: pick(people) }
    push(
      "conversation.created",
      { kind: "customer" },
      { customerId: `u${c % 3000}`, complexity: pick(["simple", "standard", "complex"]) },
    )
    push("message.bot", { kind: "bot" })
    push("conversation.handoff", { kind: "bot" })
    push("conversation.assigned", { kind: "automation" }, { assignee: { email: human.email }, teamKey: pick(teams) })
    push("message.human", human)
    push("message.customer", { kind: "customer" })
    push("message.human", human)
    push("conversation.resolved", human)
    if (next() < 0.5) push("csat.rated", { kind: "customer" }, { rating: 1 + Math.floor(next() * 5) })
  }
  return events
}

const time = async (label, rounds, work) => {
  await work() // warm up
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) await work()
  const perRound = Number(process.hrtime.bigint() - start) / 1e6 / rounds
  console.log(`${label.padEnd(60)} ${perRound.toFixed(1).padStart(9)} ms/round`)
  return perRound
}

const weekdays = (hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours })

const database = await benchStore()
const server = await createServer({
  databaseUrl: database.url,
  plugins: [orgPlugin, kpiPlugin, funnelPlugin],
})
// Requests carry an admin token, as a client's would.
const { secret } = await server.host.runtime.runPromise(
  createToken({
    owner: { service: "bench" },
    name: "bench",
    scopes: ["admin"],
    createdAt: new Date(),
    expiresAt: null,
  }),
)
try {
  const run = (effect) => server.host.runtime.runPromise(effect)
  const kysely = server.host.db.kysely
  await kysely
    .insertInto("org_teams")
    .values(teams.map((key) => ({ id: key, key, name: key, description: null, parent_id: null })))
    .execute()
  for (const [team, zone] of [
    ["athens", "Europe/Athens"],
    ["boston", "America/New_York"],
    ["sydney", "Australia/Sydney"],
  ]) {
    const body = JSON.stringify({
      query:
        "mutation($team: String!, $calendar: JSON!) { setTeamCalendar(input: { teamKey: $team, calendar: $calendar }) { __typename } }",
      variables: {
        team,
        calendar: { timeZone: zone, weekly: weekdays([["09:00", "17:00"]]), holidays: ["2025-12-25"] },
      },
    })
    await server.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body,
    })
  }

  const events = makeLog()
  console.log(`event log: ${conversations} conversations, ${events.length} events (${server.host.db.dialect})`)
  // Storing the log is measured by bench/ingest.js; here it only fills the store the reports read.
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize).map((value, j) => ({ where: `events[${i + j}]`, value }))
    await run(Effect.flatMap(EventLog, (log) => log.ingest(batch)))
  }

  const asOf = "2026-01-15T00:00:00Z"
  const report = (query) => () =>
    run(Effect.flatMap(Metrics, (m) => m.report(Schema.decodeUnknownSync(MetricQuery)({ ...query, asOf }))))
  const baseline = await time("baseline: every cycle fact in one statement", 10, () =>
    kysely.selectFrom("kpi_cycles").selectAll().execute(),
  )
  const heapBefore = process.memoryUsage().heapUsed
  const reports = [
    [
      "first_response_time by team and week",
      { metric: "first_response_time", groupBy: ["team", "period"], period: "week" },
    ],
    [
      "resolution_time by person and month",
      { metric: "resolution_time", groupBy: ["person", "period"], period: "month" },
    ],
    ["reply_time by team", { metric: "reply_time", groupBy: ["team"] }],
    ["csat_score by team and month", { metric: "csat_score", groupBy: ["team", "period"], period: "month" }],
    ["concurrency by person and month", { metric: "concurrency", groupBy: ["person", "period"], period: "month" }],
    ["funnel by month", { metric: "funnel", groupBy: ["period"], period: "month" }],
  ]
  for (const [label, query] of reports) {
    const ms = await time(`report: ${label}`, 5, report(query))
    figure({
      key: `kpi.${label.replaceAll(" ", "_")}.ratio`,
      label: `time ${label} / baseline`,
      value: ms / baseline,
      unit: "×",
    })
  }
  const heapAfter = process.memoryUsage().heapUsed
  figure({
    key: "kpi.heapGrowth",
    label: "heap growth over the reports",
    value: (heapAfter - heapBefore) / 1_048_576,
    unit: "MB",
  })
} finally {
  await server.close()
  await database.drop()
}
