// Benchmark of storing events, as ratios against a baseline measured in the same run: a
// JSON Lines file imported through the function `teamops events import` runs, and the same
// file imported again (every event already stored), against plain batched inserts of the
// rows the import writes (the events and the facts derived from them), with nothing decoded
// or derived. Each is measured on a fresh database of the same store. Run with
// `node bench/all.js --only ingest` (after `npm run build`, which the runner does).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { defaultPlugins, importEventsFile } from "@teamops/cli"
import { createServer } from "@teamops/server"
import { Effect } from "effect"
import { figure, timed } from "./figures.js"
import { generator } from "./generator.js"

const conversations = 23_000
const batchSize = 5_000
const teams = ["athens", "boston", "sydney", "dublin"]
const people = Array.from({ length: 30 }, (_, i) => `person.${i}@bench.example`)
const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL

// Every run measures the same log.
const { next, pick } = generator(42)

/** One conversation's events: created, a bot, a handoff, assignments, replies, resolutions. */
const conversationEvents = (c, start) => {
  const conversationId = `conversation-${c}`
  const events = []
  let at = start
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
  const human = () => ({ kind: "human", email: pick(people) })
  const owner = human()
  push(
    "conversation.created",
    { kind: "customer" },
    {
      channel: pick(["chat", "email"]),
      customerId: `customer-${c % 3000}`,
      complexity: pick(["simple", "standard", "complex"]),
    },
  )
  push("message.bot", { kind: "bot" })
  push("conversation.handoff", { kind: "bot" })
  push("conversation.assigned", { kind: "automation" }, { assignee: { email: owner.email }, teamKey: pick(teams) })
  push("message.human", owner)
  push("message.customer", { kind: "customer" })
  if (next() < 0.3) {
    const other = human()
    push("conversation.assigned", owner, { assignee: { email: other.email } })
    push("message.human", other)
  } else push("message.human", owner)
  if (next() < 0.2) push("conversation.tagged", owner, { complexity: pick(["simple", "standard", "complex"]) })
  push("conversation.resolved", owner)
  if (next() < 0.1) {
    push("message.customer", { kind: "customer" })
    push("message.human", owner)
    push("conversation.resolved", owner)
  }
  if (next() < 0.5) push("csat.rated", { kind: "customer" }, { rating: 1 + Math.floor(next() * 5) })
  return events
}

/** The log as a helpdesk exports it: every conversation's events, in time order across the log. */
const makeLog = () => {
  const start = Date.parse("2025-01-01T00:00:00Z")
  const year = 365 * 86_400_000
  const events = []
  for (let c = 0; c < conversations; c++) events.push(...conversationEvents(c, start + Math.floor(next() * year)))
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

// The tables an import writes, in the order it writes them.
const tables = [
  "kpi_events",
  "kpi_conversations",
  "kpi_cycles",
  "kpi_assignments",
  "kpi_spans",
  "kpi_complexity",
  "kpi_replies",
  "kpi_ratings",
  "kpi_reviews",
  "kpi_proactive",
  "kpi_article_views",
]

const folder = mkdtempSync(join(tmpdir(), "teamops-ingest-"))
const scratch = []

/** A server of the default plugins on a fresh database, with the teams the log names. */
const freshServer = async (name) => {
  let databaseUrl = join(folder, `${name}.db`)
  if (postgres) {
    const { scratchPostgres } = await import("@teamops/core/testing")
    const fresh = await scratchPostgres(postgres, "teamops_bench")
    scratch.push(fresh)
    databaseUrl = fresh.url
  }
  const server = await createServer({ databaseUrl, plugins: defaultPlugins })
  await server.host.db.kysely
    .insertInto("org_teams")
    .values(teams.map((key) => ({ id: key, key, name: key, description: null, parent_id: null })))
    .execute()
  return server
}

const importFile = (server, file) =>
  Effect.runPromise(importEventsFile(server, file, { batchSize, skipIncomplete: false }))

/** Every row of the tables an import writes, in arrival order of the events. */
const storedRows = async (server) => {
  const out = {}
  for (const table of tables) out[table] = await server.host.db.kysely.selectFrom(table).selectAll().execute()
  out.kpi_events.sort((a, b) => a.seq - b.seq)
  return out
}

/**
 * The baseline: the rows an import wrote, inserted with plain multi-row INSERTs of 500 rows,
 * in as many transactions as the import has batches, each taking its share of every table.
 */
const plainInserts = async (server, rows, batches) => {
  const kysely = server.host.db.kysely
  for (let b = 0; b < batches; b++) {
    await kysely.transaction().execute(async (trx) => {
      for (const table of tables) {
        const all = rows[table]
        const share = all.slice(Math.floor((all.length * b) / batches), Math.floor((all.length * (b + 1)) / batches))
        for (let i = 0; i < share.length; i += 500)
          await trx
            .insertInto(table)
            .values(share.slice(i, i + 500))
            .execute()
      }
    })
  }
}

const servers = []
const open = async (name) => {
  const server = await freshServer(name)
  servers.push(server)
  return server
}

try {
  // Only the file is kept: the import reads nothing else, and the heap stays its own.
  const file = join(folder, "events.jsonl")
  const count = (() => {
    const events = makeLog()
    writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join("\n")}\n`)
    return events.length
  })()
  const batches = Math.ceil(count / batchSize)
  console.log(
    `event log: ${conversations} conversations, ${count} events, batches of ${batchSize} (${postgres ? "postgres" : "sqlite"})`,
  )

  // A first import warms the code up and gives the rows the baseline writes.
  const warm = await open("warm-up")
  const first = await Effect.runPromise(importEventsFile(warm, file, { batchSize, skipIncomplete: false }))
  if (first.accepted !== count) throw new Error(`the log was not stored whole: ${JSON.stringify(first)}`)
  const rows = await storedRows(warm)
  const written = tables.reduce((n, table) => n + rows[table].length, 0)
  console.log(`rows written by an import: ${written}`)

  // Baseline and import alternate, each on a fresh database, so that a slower moment of the
  // machine falls on both; each figure is the fastest of its rounds.
  const times = { plain: [], stored: [], resent: [] }
  for (let round = 0; round < 2; round++) {
    const base = await open(`plain-${round}`)
    times.plain.push(await timed(() => plainInserts(base, rows, batches)))
    const target = await open(`import-${round}`)
    times.stored.push(await timed(() => importFile(target, file)))
    let again
    times.resent.push(
      await timed(async () => {
        again = await importFile(target, file)
      }),
    )
    if (again.duplicates !== count) throw new Error(`the resend was not recognised: ${JSON.stringify(again)}`)
    for (const server of servers.splice(0)) await server.close()
  }
  const best = (list) => list.reduce((a, b) => Math.min(a, b))
  const plain = best(times.plain)
  const stored = best(times.stored)
  const resent = best(times.resent)
  const perSecond = (ms) => count / (ms / 1000)
  figure({
    key: "ingest.plainMs",
    label: "baseline: plain inserts of the rows an import writes",
    value: plain,
    unit: "ms",
  })
  figure({
    key: "ingest.importMs",
    label: "import: parse, decode, check, derive facts, store",
    value: stored,
    unit: "ms",
  })
  figure({ key: "ingest.resendMs", label: "import again: every event already stored", value: resent, unit: "ms" })
  figure({ key: "ingest.plainRate", label: "baseline: events per second", value: perSecond(plain), unit: "count" })
  figure({ key: "ingest.importRate", label: "import: events per second", value: perSecond(stored), unit: "count" })
  figure({
    key: "ingest.resendRate",
    label: "import again: events per second",
    value: perSecond(resent),
    unit: "count",
  })
  figure({
    key: "ingest.ratio",
    label: "throughput import / baseline",
    value: plain / stored,
    unit: "×",
    goal: { atLeast: 0.6 },
  })
  figure({
    key: "ingest.resendRatio",
    label: "throughput import again / baseline",
    value: plain / resent,
    unit: "×",
    goal: { atLeast: 0.8 },
  })
} finally {
  for (const server of servers) await server.close()
  for (const database of scratch) await database.drop()
  rmSync(folder, { recursive: true, force: true })
}
