// Benchmark of a manager's team page: the request in bench/dashboard.graphql, against a team
// of 50 people on the Customer Support ladder with assessments and four weeks of
// conversations. Each server runs in a process of its own; this process fills the database
// and sends the requests over HTTP, one at a time, then ten at a time. Run with
// `npm run bench` (after a build); TEAMOPS_BENCH_DATABASE_URL=postgres://… runs the teamops
// server on a fresh PostgreSQL database beside the one named (the hand-written baseline
// reads SQLite only, so it is left out then).
//
//   1. the member part of the page (operation DashboardMembers): teamops against a baseline
//      written by hand (node:http, better-sqlite3, plain SQL) that answers the same bytes
//      from the same database file;
//   2. the fixed cost of a request: `{ __typename }` through teamops and through a bare
//      graphql-yoga server with a schema of one field;
//   3. the whole page (operation Dashboard, with the team's weekly KPIs) through teamops.
//
// Pairs are measured in alternating rounds (A, B, A, B, …) after a warm-up, and reported as
// medians and as a ratio of throughputs: teamops / baseline, so 0.05× means 20 times slower.
import { fork } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer as createHttpServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const self = fileURLToPath(import.meta.url)
const document = readFileSync(new URL("./dashboard.graphql", import.meta.url), "utf8")
const teamKey = "support-emea"
const day = 86_400_000

/** The plugins a host loads when told none. */
const defaultPlugins = async () => (await import("@teamops/cli")).defaultPlugins

// A deterministic generator, so that every run measures the same data.
const generator = (seed) => {
  let state = seed
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
  return { next, pick: (items) => items[Math.floor(next() * items.length)] }
}

// ---------------------------------------------------------------------------------------
// The servers, each in its own process: `node bench/dashboard.js --serve KIND [DATABASE]`.

const listening = (server) =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)))

const serveTeamops = async (databaseUrl) => {
  const { createServer } = await import("@teamops/server")
  // The load generator is one client sending as fast as it can: no rate limit would let it.
  const server = await createServer({
    databaseUrl,
    plugins: await defaultPlugins(),
    graphiql: false,
    rateLimit: { requestsPerMinute: 1_000_000 },
  })
  const port = await server.listen(0, "127.0.0.1")
  return { port, close: () => server.close() }
}

const serveYoga = async () => {
  const { createSchema, createYoga } = await import("graphql-yoga")
  const yoga = createYoga({
    schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hello" } } }),
    graphiql: false,
    landingPage: false,
  })
  const server = createHttpServer(yoga)
  return { port: await listening(server), close: () => new Promise((resolve) => server.close(resolve)) }
}

// The baseline: the member part of the page read from the stored tables with plain SQL and
// JSON.parse, and the same pure rules as teamops for the next level and readiness.
const serveBaseline = async (file) => {
  const { default: Database } = await import("better-sqlite3")
  const { assessReadiness, nextLevel } = await import("@teamops/competencies")
  const db = new Database(file, { fileMustExist: true })
  db.pragma("busy_timeout = 5000")
  const among = "(select value from json_each(?))"
  const sql = {
    team: db.prepare("select id, key, name from org_teams where key = ?"),
    members: db.prepare("select id, name, email, manager_id from org_people where team_id = ? order by email limit ?"),
    count: db.prepare("select count(*) as n from org_people where team_id = ?"),
    people: db.prepare(`select id, name, email from org_people where id in ${among}`),
    promotions: db.prepare(
      `select id, person_id, ladder_key, version, to_level, at from competencies_promotions
       where person_id in ${among} order by person_id, at, id`,
    ),
    versions: db.prepare(
      "select version, document, effective from roles_ladder_versions where ladder_key = ? and version is not null order by version",
    ),
    ratings: db.prepare(
      `select id, person_id, ladder_key, version, competency, rater_kind, rating, recorded_at, group_evidence
       from (
         select a.id, a.person_id, a.ladder_key, a.version, a.competency, a.rater_kind, a.rating, a.recorded_at,
           row_number() over (
             partition by a.person_id, a.ladder_key, a.version, a.competency, a.rater_kind
             order by a.recorded_at desc, a.id desc
           ) as latest,
           sum(coalesce(e.n, 0)) over (partition by a.person_id, a.ladder_key, a.version, a.competency) as group_evidence
         from competencies_assessments a
         left join (
           select assessment_id, count(*) as n from competencies_evidence
           where assessment_id in (select id from competencies_assessments where person_id in ${among})
           group by assessment_id
         ) e on e.assessment_id = a.id
         where a.person_id in ${among}
       ) ranked
       where latest = 1
       order by person_id, id`,
    ),
    assessments: db.prepare(
      `select person_id, competency, rater_kind, rating, recorded_at from (
         select *, row_number() over (partition by person_id order by id desc) as rank
         from competencies_assessments where person_id in ${among}
       ) where rank <= ? order by person_id, id desc`,
    ),
  }
  const byKey = (rows, key) => {
    const map = new Map()
    for (const row of rows) {
      const list = map.get(row[key]) ?? []
      list.push(row)
      map.set(row[key], list)
    }
    return map
  }

  const members = (teamKeyAsked) => {
    const team = sql.team.get(teamKeyAsked)
    if (team === undefined) return { data: { team: null } }
    const people = sql.members.all(team.id, 50)
    const ids = JSON.stringify(people.map((p) => p.id))
    const managerIds = [...new Set(people.flatMap((p) => (p.manager_id === null ? [] : [p.manager_id])))]
    const managers = new Map(sql.people.all(JSON.stringify(managerIds)).map((m) => [m.id, m]))
    const promotions = byKey(sql.promotions.all(ids), "person_id")
    const ratings = byKey(sql.ratings.all(ids, ids), "person_id")
    const assessments = byKey(sql.assessments.all(ids, 3), "person_id")
    // Each ladder's published versions, read and parsed once per request, as they are needed.
    const ladders = new Map()
    const versionsOf = (ladderKey) => {
      let versions = ladders.get(ladderKey)
      if (versions === undefined) {
        versions = sql.versions.all(ladderKey).map((row) => ({
          version: row.version,
          document: JSON.parse(row.document),
          effective: JSON.parse(row.effective),
        }))
        ladders.set(ladderKey, versions)
      }
      return versions
    }
    const now = Date.now()
    const edges = people.map((person) => {
      const latest = (promotions.get(person.id) ?? []).at(-1)
      const manager = person.manager_id === null ? undefined : managers.get(person.manager_id)
      let currentLevel = null
      let nextOne = null
      let readiness = null
      if (latest !== undefined) {
        const versions = versionsOf(latest.ladder_key)
        const held = versions.find((v) => v.version === latest.version)
        const level = held.effective.levels.find((l) => l.key === latest.to_level)
        currentLevel = { key: level.key, title: level.title }
        const newest = versions.at(-1)
        const found = nextLevel(newest.effective, latest.to_level)
        if (found._tag === "next") {
          nextOne = { key: found.level.key, title: found.level.title }
          const own = (ratings.get(person.id) ?? []).filter((r) => r.ladder_key === latest.ladder_key)
          const evidence = new Map()
          for (const r of own) {
            evidence.set(`${r.version}\u0000${r.competency}`, {
              version: r.version,
              competency: r.competency,
              count: r.group_evidence,
            })
          }
          const answer = assessReadiness(
            { ladderKey: latest.ladder_key, version: newest.version, ladder: newest.effective, level: found.level },
            versions.map((v) => ({ version: v.version, changes: v.document.changes ?? [] })),
            own.map((r) => ({
              version: r.version,
              competency: r.competency,
              raterKind: r.rater_kind,
              rating: r.rating,
              recordedAt: r.recorded_at,
              order: r.id,
            })),
            [...evidence.values()],
          )
          readiness = {
            ready: answer.ready,
            met: answer.met,
            total: answer.total,
            gaps: answer.gaps.map((g) => ({
              competency: { key: g.competency.key },
              expected: g.expected,
              assessed: g.assessed,
            })),
          }
        }
      }
      return {
        node: {
          name: person.name,
          email: person.email,
          manager: manager === undefined ? null : { name: manager.name, email: manager.email },
          currentLevel,
          timeInLevel: latest === undefined ? null : Math.max(0, Math.floor((now - Date.parse(latest.at)) / day)),
          nextLevel: nextOne,
          readiness,
          assessments: {
            edges: (assessments.get(person.id) ?? []).map((a) => ({
              node: {
                competency: a.competency,
                raterKind: a.rater_kind.toUpperCase(),
                rating: a.rating,
                recordedAt: a.recorded_at,
              },
            })),
          },
        },
      }
    })
    const totalCount = sql.count.get(team.id).n
    return { data: { team: { key: team.key, name: team.name, members: { totalCount, edges } } } }
  }

  const server = createHttpServer((request, response) => {
    const chunks = []
    request.on("data", (chunk) => chunks.push(chunk))
    request.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"))
        if (body.operationName !== "DashboardMembers") throw new Error(`baseline: no operation ${body.operationName}`)
        const text = JSON.stringify(members(body.variables.team))
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" })
        response.end(text)
      } catch (error) {
        response.writeHead(500, { "content-type": "text/plain" })
        response.end(String(error?.stack ?? error))
      }
    })
  })
  return {
    port: await listening(server),
    close: () =>
      new Promise((resolve) => {
        server.close(resolve)
        db.close()
      }),
  }
}

// ---------------------------------------------------------------------------------------
// The team: a lead, 49 people on the Customer Support ladder, and the head of support
// (the lead's manager) in the parent team.

function organisation() {
  const first = [
    "Aoife",
    "Bram",
    "Chiara",
    "Dimitra",
    "Elias",
    "Fatima",
    "Georg",
    "Hanna",
    "Ioana",
    "Jonas",
    "Katarzyna",
    "Lars",
    "Maja",
    "Niamh",
    "Omar",
    "Paula",
    "Quentin",
    "Rosa",
    "Stefan",
    "Tuva",
    "Umberto",
    "Vera",
    "Wiktor",
    "Xenia",
    "Yusuf",
  ]
  const last = ["Berg", "Costa", "Dunne", "Horvat", "Keller", "Novak", "Ortiz", "Petrov", "Silva", "Weber"]
  const zones = ["Europe/Athens", "Europe/Dublin", "Europe/Berlin", "Europe/Lisbon", "Europe/Warsaw"]
  // The levels each person was promoted through, in order.
  const paths = [
    ["css1", "css2", "senior-support-specialist", "support-lead"],
    ...Array(3).fill(["css1", "css2", "senior-support-specialist"]),
    ...Array(2).fill(["css1", "css2", "customer-support-engineer"]),
    ["css1", "css2", "support-operations-specialist"],
    ...Array(18).fill(["css1", "css2"]),
    ...Array(25).fill(["css1"]),
  ]
  const head = {
    name: "Eleni Markou",
    email: "eleni.markou@bench.example",
    teamKey: "support",
    timeZone: "Europe/Athens",
    hireDate: "2018-03-01",
  }
  const people = paths.map((path, i) => {
    const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`
    return {
      name,
      email: `${name.toLowerCase().replace(" ", ".")}@bench.example`,
      teamKey,
      timeZone: zones[i % zones.length],
      hireDate: `20${String(19 + (i % 6)).padStart(2, "0")}-0${1 + (i % 9)}-15`,
      path,
    }
  })
  const lead = people[0]
  const file = {
    teams: [
      { key: "support", name: "Support" },
      {
        key: teamKey,
        name: "Support EMEA",
        parent: "support",
        description: "Support for Europe, the Middle East and Africa.",
      },
    ],
    people: [head, ...people.map(({ path, ...p }, i) => ({ ...p, managerEmail: i === 0 ? head.email : lead.email }))],
  }
  return { file, head, lead, people }
}

// Four weeks of conversations answered by the team, shaped as those of the demo
// organisation: a bot first, then a handoff to a teammate, replies, a resolution, ratings,
// quality reviews by the lead, reopens, proactive messages and article views.
function conversations(people, lead, now, perPersonPerDay) {
  const r = generator(2026)
  const events = []
  const start = Math.floor((now - 28 * day) / day) * day
  const agents = people.filter((p) => p !== lead).map((p) => p.email)
  let c = 0
  for (let d = 0; d < 28; d++) {
    const midnight = start + d * day
    const weekday = new Date(midnight).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    for (const agent of agents) {
      for (let k = 0; k < perPersonPerDay; k++, c++) {
        const conversationId = `bench-${c}`
        let at = midnight + 6 * 3_600_000 + Math.floor(r.next() * 9 * 60) * 60_000
        const push = (type, actor, fields = {}, after = 1 + Math.floor(r.next() * 90)) => {
          at += after * 60_000
          if (at <= now) {
            events.push({
              id: `${conversationId}-${events.length}`,
              type,
              at: new Date(at).toISOString(),
              actor,
              conversationId,
              ...fields,
            })
          }
        }
        const teammate = { kind: "human", email: agent }
        const complexity = r.pick(["simple", "standard", "standard", "complex"])
        push(
          "conversation.created",
          { kind: "customer" },
          { channel: r.pick(["chat", "email"]), complexity, customerId: `customer-${c % 900}` },
          0,
        )
        push("message.customer", { kind: "customer" }, {}, 0)
        push("message.bot", { kind: "bot" }, {}, 1)
        if (complexity === "simple" && r.next() < 0.4) {
          push("conversation.resolved", { kind: "bot" }, {}, 2)
          continue
        }
        push("conversation.handoff", { kind: "bot" }, {}, 1)
        push("conversation.assigned", { kind: "automation" }, { assignee: { email: agent }, teamKey }, 1)
        push("message.human", teammate, {}, 5 + Math.floor(r.next() * 40))
        push("message.customer", { kind: "customer" })
        push("message.human", teammate)
        if (r.next() < 0.05) continue // still open
        push("conversation.resolved", teammate)
        if (r.next() < 0.5) push("csat.rated", { kind: "customer" }, { rating: r.pick([3, 4, 5, 5, 5, 2]) }, 30)
        if (r.next() < 0.1) {
          const review = {
            reviewer: lead.email,
            scorecard: [
              {
                category: "accuracy",
                weight: 2,
                scale: { min: 1, max: 5 },
                value: 3 + Math.floor(r.next() * 3),
                critical: true,
              },
              { category: "tone", weight: 1, scale: { min: 1, max: 5 }, value: 2 + Math.floor(r.next() * 4) },
            ],
          }
          push("qa.reviewed", { kind: "human", email: lead.email }, { reviewee: agent, review })
        }
        if (r.next() < 0.05) push("message.customer", { kind: "customer" }, {}, 600)
      }
    }
  }
  for (let i = 0; i < 400; i++) {
    const at = new Date(start + Math.floor(r.next() * 28 * day)).toISOString()
    if (at > new Date(now).toISOString()) continue
    events.push(
      i % 3 === 0
        ? { id: `bench-send-${i}`, type: "proactive.sent", at, actor: { kind: "automation" }, teamKey }
        : {
            id: `bench-view-${i}`,
            type: "article.viewed",
            at,
            actor: { kind: "customer" },
            customerId: `reader-${i % 120}`,
          },
    )
  }
  return { events, conversations: c }
}

const competencies = [
  "product-knowledge",
  "customer-communication",
  "troubleshooting",
  "ownership",
  "mentoring-and-leadership",
  "process-and-tooling",
  "collaboration-with-product",
]

/** Fills the database through the API: the organisation file, promotions, assessments, a calendar, events. */
async function fill(databaseUrl) {
  const { createServer, createToken } = await import("@teamops/server")
  const { decodeOrgFile, importOrg } = await import("@teamops/org")
  const { Effect } = await import("effect")
  const server = await createServer({ databaseUrl, plugins: await defaultPlugins(), graphiql: false })
  const counts = { promotions: 0, assessments: 0 }
  // Ratings are the caller's: each is sent with its rater's token; the rest as an admin.
  const tokenOf = async (owner, scopes = []) =>
    (
      await server.host.runtime.runPromise(
        createToken({ owner, name: "bench", scopes, createdAt: new Date(), expiresAt: null }),
      )
    ).secret
  const admin = await tokenOf({ service: "bench" }, ["admin"])
  const tokens = new Map()
  const personToken = async (globalId) => {
    if (!tokens.has(globalId)) {
      const personId = Buffer.from(globalId, "base64").toString().split(":").slice(1).join(":")
      tokens.set(globalId, await tokenOf({ personId }))
    }
    return tokens.get(globalId)
  }
  try {
    const graphql = async (query, variables = {}, token = admin) => {
      const response = await server.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
      const body = await response.json()
      if (body.errors) throw new Error(JSON.stringify(body.errors))
      for (const [field, value] of Object.entries(body.data ?? {})) {
        if (typeof value?.__typename === "string" && !value.__typename.endsWith("Success"))
          throw new Error(`${field}: ${JSON.stringify(value)}`)
      }
      return body.data
    }
    const { file, head, lead, people } = organisation()
    await server.host.runtime.runPromise(Effect.flatMap(decodeOrgFile(file), importOrg))
    const listed = await graphql(`{ people(first: 100) { edges { node { id email } } } }`)
    const idOf = new Map(listed.people.edges.map((e) => [e.node.email, e.node.id]))

    const promote = (email, path) => {
      const steps = path.map(
        (level, i) =>
          `p${i}: promotePerson(input: { personId: $id, ladderKey: "support", level: "${level}", rationale: "${i === 0 ? "Joined the team." : "Shown over the last two quarters."}" }) { __typename }`,
      )
      counts.promotions += path.length
      return graphql(`mutation($id: ID!) { ${steps.join("\n")} }`, { id: idOf.get(email) })
    }
    await promote(head.email, ["css1", "css2", "senior-support-specialist", "support-lead", "support-manager"])
    for (const person of people) await promote(person.email, person.path)

    // Each person: an earlier round of manager ratings for half of them, then the latest
    // round for every competency, a few self ratings, and evidence on some.
    const r = generator(7)
    for (const person of people) {
      const byRater = new Map()
      const manager = person === lead ? head : lead
      const rate = (competency, raterKind, rating, withEvidence) => {
        const rater = idOf.get(raterKind === "MANAGER" ? manager.email : person.email)
        if (!byRater.has(rater)) byRater.set(rater, [])
        byRater.get(rater).push({
          personId: idOf.get(person.email),
          ladderKey: "support",
          competency,
          rating,
          ...(withEvidence
            ? {
                evidence: [
                  { kind: "NOTE", text: "Seen in this quarter's reviewed conversations.", date: "2026-01-15" },
                ],
              }
            : {}),
        })
      }
      if (r.next() < 0.5) for (const c of competencies) rate(c, "MANAGER", r.pick(["learning", "practising"]), false)
      const strong = r.next() < 0.3 // rated at or above every expectation of the next level
      for (const c of competencies)
        rate(c, "MANAGER", strong ? "leading" : r.pick(["practising", "proficient", "leading"]), r.next() < 0.3)
      for (const c of competencies.slice(0, 3)) rate(c, "SELF", r.pick(["practising", "proficient"]), false)
      for (const [rater, inputs] of byRater) {
        const names = inputs.map((_, i) => `$a${i}: RecordAssessmentInput!`)
        const fields = inputs.map((_, i) => `a${i}: recordAssessment(input: $a${i}) { __typename }`)
        await graphql(
          `mutation(${names.join(", ")}) { ${fields.join("\n")} }`,
          Object.fromEntries(inputs.map((input, i) => [`a${i}`, input])),
          await personToken(rater),
        )
        counts.assessments += inputs.length
      }
    }

    const weekdays = (hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] })
    await graphql(
      `mutation($calendar: JSON!) { setTeamCalendar(input: { teamKey: "${teamKey}", calendar: $calendar }) { __typename } }`,
      { calendar: { timeZone: "Europe/Athens", weekly: weekdays([["08:00", "18:00"]]), holidays: [] } },
    )

    const now = Date.now()
    const log = conversations(people, lead, now, 4)
    for (let i = 0; i < log.events.length; i += 1000) {
      await graphql(`mutation($events: [JSON!]!) { ingestEvents(input: { events: $events }) { __typename } }`, {
        events: log.events.slice(i, i + 1000),
      })
    }
    return {
      ...counts,
      people: people.length,
      conversations: log.conversations,
      events: log.events.length,
      from: new Date(Math.floor((now - 28 * day) / day) * day).toISOString(),
      to: new Date(now).toISOString(),
      dialect: server.host.db.dialect,
      token: admin,
    }
  } finally {
    await server.close()
  }
}

// ---------------------------------------------------------------------------------------
// Measuring.

const children = []

const start = (kind, database) =>
  new Promise((resolve, reject) => {
    const child = fork(self, ["--serve", kind, ...(database ? [database] : [])], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    })
    let errors = ""
    child.stderr.on("data", (chunk) => {
      errors += chunk
    })
    child.once("message", ({ port }) => resolve({ kind, port }))
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the ${kind} server stopped (${code}):\n${errors}`))
    })
    children.push(child)
  })

const stopAll = () =>
  Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.once("exit", resolve)
          child.kill("SIGTERM")
        }),
    ),
  )

// Every request carries the admin token made by `fill`, as a client would; the other servers ignore it.
let token = ""

const post = async ({ port }, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
    body,
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from port ${port}: ${text.slice(0, 2000)}`)
  return text
}

const timed = async (send) => {
  const started = process.hrtime.bigint()
  await send()
  return Number(process.hrtime.bigint() - started) / 1e6
}

const median = (values) => percentile(values, 0.5)
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/** A and B in alternating rounds of `perRound` requests for `seconds`, after `warmup` requests of each. */
const alternate = async (a, b, { seconds, perRound, warmup }) => {
  for (let i = 0; i < warmup; i++) {
    await a()
    await b()
  }
  const times = { a: [], b: [] }
  const deadline = performance.now() + seconds * 1000
  while (performance.now() < deadline || times.a.length < 10) {
    for (let i = 0; i < perRound; i++) times.a.push(await timed(a))
    for (let i = 0; i < perRound; i++) times.b.push(await timed(b))
  }
  return { a: median(times.a), b: median(times.b), n: times.a.length }
}

/** `send` with `width` requests in flight for `seconds`: latency percentiles and requests per second. */
const underLoad = async (send, { width, seconds }) => {
  const latencies = []
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (performance.now() < deadline) latencies.push(await timed(send))
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    n: latencies.length,
    perSecond: latencies.length / elapsed,
  }
}

const line = (label, value) => console.log(`${label.padEnd(60)} ${value}`)
const ms = (value) => `${value.toFixed(2).padStart(9)} ms`
const ratio = (teamops, baseline) => `${(baseline / teamops).toFixed(3)}×`

async function main() {
  const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL
  const folder = mkdtempSync(join(tmpdir(), "teamops-bench-"))
  let dropPostgres
  try {
    let databaseUrl = join(folder, "dashboard.db")
    if (postgres) {
      const { scratchPostgres } = await import("@teamops/core/testing")
      const fresh = await scratchPostgres(postgres, "teamops_bench")
      databaseUrl = fresh.url
      dropPostgres = fresh.drop
    }
    const filling = performance.now()
    const data = await fill(databaseUrl)
    token = data.token
    console.log(
      `team page of ${data.people} members: ${data.promotions} promotions, ${data.assessments} assessments, ` +
        `${data.conversations} conversations (${data.events} events) over four weeks (${data.dialect}); ` +
        `filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    )

    const [teamops, yoga, baseline] = await Promise.all([
      start("teamops", databaseUrl),
      start("yoga"),
      postgres ? undefined : start("baseline", databaseUrl),
    ])
    const request = (operationName, variables) => JSON.stringify({ query: document, operationName, variables })
    const membersBody = request("DashboardMembers", { team: teamKey })
    const dashboardBody = request("Dashboard", { team: teamKey, from: data.from, to: data.to, asOf: data.to })
    const typenameBody = JSON.stringify({ query: "{ __typename }" })

    // What is measured must be right first.
    const answer = await post(teamops, membersBody)
    const parsed = JSON.parse(answer)
    if (parsed.errors || parsed.data?.team?.members?.edges?.length !== 50)
      throw new Error(`the member part did not answer 50 members: ${answer.slice(0, 2000)}`)
    if (baseline) {
      const expected = await post(baseline, membersBody)
      if (expected !== answer) {
        const at = [...answer].findIndex((ch, i) => ch !== expected[i])
        throw new Error(
          `the baseline answers other bytes than teamops, from character ${at}:\n` +
            `teamops:  …${answer.slice(Math.max(0, at - 120), at + 200)}\n` +
            `baseline: …${expected.slice(Math.max(0, at - 120), at + 200)}`,
        )
      }
    }
    const dashboard = JSON.parse(await post(teamops, dashboardBody))
    if (dashboard.errors || !(dashboard.data?.team?.kpis?.length > 0))
      throw new Error(`the dashboard did not answer its KPIs: ${JSON.stringify(dashboard).slice(0, 2000)}`)
    console.log(
      `answers checked: ${answer.length} bytes for the member part${baseline ? " (the same from the baseline)" : ""}, ` +
        `${dashboard.data.team.kpis.length} KPI rows on the dashboard`,
    )
    console.log()

    const sendMembers = () => post(teamops, membersBody)
    if (baseline) {
      const members = await alternate(sendMembers, () => post(baseline, membersBody), {
        seconds: 8,
        perRound: 5,
        warmup: 30,
      })
      line("member part, teamops (median of sequential requests)", ms(members.a))
      line("member part, baseline: node:http, better-sqlite3, plain SQL", ms(members.b))
      line(`throughput teamops / baseline (${members.n} requests each)`, ratio(members.a, members.b))
    } else {
      for (let i = 0; i < 30; i++) await sendMembers()
      const times = []
      const deadline = performance.now() + 6000
      while (performance.now() < deadline) times.push(await timed(sendMembers))
      line("member part, teamops (median of sequential requests)", ms(median(times)))
      line("member part, baseline", "    (SQLite only)")
    }

    const overhead = await alternate(
      () => post(teamops, typenameBody),
      () => post(yoga, typenameBody),
      { seconds: 4, perRound: 20, warmup: 200 },
    )
    line("{ __typename }, teamops", ms(overhead.a))
    line("{ __typename }, bare graphql-yoga with a one-field schema", ms(overhead.b))
    line(`throughput teamops / bare yoga (${overhead.n} requests each)`, ratio(overhead.a, overhead.b))

    const sendDashboard = () => post(teamops, dashboardBody)
    for (let i = 0; i < 5; i++) await sendDashboard()
    const full = []
    const deadline = performance.now() + 6000
    while (performance.now() < deadline || full.length < 10) full.push(await timed(sendDashboard))
    line(`whole dashboard with KPIs, teamops (median of ${full.length})`, ms(median(full)))

    console.log()
    console.log("member part, 10 requests in flight:")
    const loads = [["teamops", sendMembers], ...(baseline ? [["baseline", () => post(baseline, membersBody)]] : [])]
    for (const [label, send] of loads) {
      const load = await underLoad(send, { width: 10, seconds: 4 })
      line(
        `${label}`,
        `p50 ${ms(load.p50)}  p99 ${ms(load.p99)}  ${load.perSecond.toFixed(1).padStart(7)} req/s (${load.n})`,
      )
    }
  } finally {
    await stopAll()
    await dropPostgres?.()
    rmSync(folder, { recursive: true, force: true })
  }
}

if (process.argv[2] === "--serve") {
  const [kind, database] = process.argv.slice(3)
  const serve = { teamops: serveTeamops, yoga: serveYoga, baseline: serveBaseline }[kind]
  const running = await serve(database)
  const stop = () => running.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("disconnect", stop) // the measuring process is gone
  process.send({ port: running.port })
} else {
  await main()
}
