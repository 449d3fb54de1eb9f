// Benchmark of a manager's team page: the request in bench/dashboard.graphql, against a team
// of 50 people on the Customer Support ladder with assessments and a year of conversations
// (about a million events), and of each metric over 30 days of that year. Each server runs in
// a process of its own; this process fills the databases and sends the requests over HTTP.
// docs/performance.md says what is measured and against what:
//
//   1. the member part (DashboardMembers) against a baseline written by hand (node:http,
//      better-sqlite3, plain SQL) that answers the same bytes from the same database file;
//   2. the fixed cost of a request: `{ __typename }` against a bare graphql-yoga server;
//   3. the whole page (Dashboard) against one read of its window's cycle facts, and the
//      statements it sends;
//   4. each metric over the last 30 days on the year's log against a log of those 30 days;
//   5. the member part with ten requests in flight;
//   6. the resident memory of the teamops process under the whole page and a year's reports.
//
// Pairs are measured in alternating rounds (A, B, A, B, …) after a warm-up. Run with
// `npm run bench -- --only dashboard`; TEAMOPS_BENCH_DATABASE_URL=postgres://… runs the teamops
// servers on fresh PostgreSQL databases beside the one named (the baseline of the member part
// reads SQLite only, so it is left out then).
import { fork } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer as createHttpServer } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { alternate, figure, percentile, timed } from "./figures.js"
import { generator } from "./generator.js"

const self = fileURLToPath(import.meta.url)
const document = readFileSync(new URL("./dashboard.graphql", import.meta.url), "utf8")
const teamPageDocument = readFileSync(
  new URL("../packages/sdk/src/operations/teamPage.graphql", import.meta.url),
  "utf8",
)
const teamKey = "support-emea"
const day = 86_400_000

/** The plugins a host loads when told none. */
const defaultPlugins = async () => (await import("@teamops/cli")).defaultPlugins

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
  // Four smaller teams in other zones, for the page of five teams at once.
  const regional = regions.flatMap(({ key, timeZone }) =>
    Array.from({ length: 5 }, (_, i) => {
      const name = `${first[(i * 3 + key.length) % first.length]} ${key.slice(8)}${i}`
      return {
        name,
        email: `${name.toLowerCase().replace(" ", ".")}@bench.example`,
        teamKey: key,
        timeZone,
        hireDate: "2023-05-01",
        // The last of each team is paid the team's default.
        ...(i < 4 ? { annualSalary: 40_000 + 2_000 * i } : {}),
      }
    }),
  )
  const file = {
    teams: [
      { key: "support", name: "Support" },
      {
        key: teamKey,
        name: "Support EMEA",
        parent: "support",
        description: "Support for Europe, the Middle East and Africa.",
      },
      ...regions.map(({ key, name }) => ({ key, name, parent: "support", defaultAnnualSalary: 45_000 })),
    ],
    people: [
      head,
      ...people.map(({ path, ...p }, i) => ({ ...p, managerEmail: i === 0 ? head.email : lead.email })),
      ...regional.map((p) => ({ ...p, managerEmail: head.email })),
    ],
  }
  // Who answers conversations: the team's people but its lead, and the regional teams' people, fewer each.
  const agents = [
    ...people.filter((p) => p !== lead).map((p) => ({ email: p.email, teamKey, perDay: 8, reviewer: lead.email })),
    ...regional.map((p) => ({ email: p.email, teamKey: p.teamKey, perDay: 1, reviewer: head.email })),
  ]
  return { file, head, lead, people, agents }
}

const regions = [
  { key: "support-americas", name: "Support Americas", timeZone: "America/New_York" },
  { key: "support-apac", name: "Support APAC", timeZone: "Australia/Sydney" },
  { key: "support-latam", name: "Support LATAM", timeZone: "America/Sao_Paulo" },
  { key: "support-india", name: "Support India", timeZone: "Asia/Kolkata" },
]

// A year of conversations answered by the team, shaped as those of the demo organisation:
// a bot first, then a handoff to a teammate, replies, a resolution, ratings, quality reviews
// by the lead, reopens, proactive messages and article views. Only conversations of the last
// week may still be open, as in a team that closes what it answers (a reopened one is
// answered and resolved again). Events come a day at a
// time (`onDay`), so that a year of them is never held at once.
async function conversations(agents, now, days, onDay) {
  const r = generator(2026)
  const start = Math.floor((now - days * day) / day) * day
  let c = 0
  let total = 0
  for (let d = 0; d < days; d++) {
    const events = []
    const midnight = start + d * day
    const weekday = new Date(midnight).getUTCDay()
    const mayStayOpen = now - midnight < 7 * day
    for (const { email: agent, teamKey, perDay, reviewer } of weekday === 0 || weekday === 6 ? [] : agents) {
      for (let k = 0; k < perDay; k++, c++) {
        const conversationId = `bench-${c}`
        let at = midnight + 6 * 3_600_000 + Math.floor(r.next() * 9 * 60) * 60_000
        const push = (type, actor, fields = {}, after = 1 + Math.floor(r.next() * 90)) => {
          at += after * 60_000
          if (at <= now) {
            events.push({
              id: `${conversationId}-${total + events.length}`,
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
        if (r.next() < 0.05 && mayStayOpen) continue
        push("conversation.resolved", teammate)
        if (r.next() < 0.5) push("csat.rated", { kind: "customer" }, { rating: r.pick([3, 4, 5, 5, 5, 2]) }, 30)
        if (r.next() < 0.1) {
          const review = {
            reviewer,
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
          push("qa.reviewed", { kind: "human", email: reviewer }, { reviewee: agent, review })
        }
        if (r.next() < 0.05) {
          // Reopened by the customer, answered and resolved again unless it is recent.
          push("message.customer", { kind: "customer" }, {}, 600)
          if (mayStayOpen && r.next() < 0.5) continue
          push("message.human", teammate)
          push("conversation.resolved", teammate)
        }
      }
    }
    for (let i = 0; i < 15; i++) {
      const at = new Date(midnight + Math.floor(r.next() * day)).toISOString()
      if (at > new Date(now).toISOString()) continue
      const n = d * 15 + i
      events.push(
        i % 3 === 0
          ? { id: `bench-send-${n}`, type: "proactive.sent", at, actor: { kind: "automation" }, teamKey }
          : {
              id: `bench-view-${n}`,
              type: "article.viewed",
              at,
              actor: { kind: "customer" },
              customerId: `reader-${n % 120}`,
            },
      )
    }
    total += events.length
    await onDay(events, midnight)
  }
  return { conversations: c, events: total }
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

/** A host on `databaseUrl` with the default plugins, an admin token and a GraphQL client. */
async function openHost(databaseUrl, onStatement) {
  const { createServer, createToken } = await import("@teamops/server")
  const server = await createServer({
    databaseUrl,
    plugins: await defaultPlugins(),
    graphiql: false,
    ...(onStatement ? { onStatement } : {}),
  })
  const tokenOf = async (owner, scopes = []) =>
    (
      await server.host.runtime.runPromise(
        createToken({ owner, name: "bench", scopes, createdAt: new Date(), expiresAt: null }),
      )
    ).secret
  const admin = await tokenOf({ service: "bench" }, ["admin"])
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
  return { server, admin, tokenOf, graphql }
}

/** The organisation file and the teams' calendars, through the API. */
async function fillOrganisation({ server, graphql }, file) {
  const { decodeOrgFile, importOrg } = await import("@teamops/org")
  const { Effect } = await import("effect")
  await server.host.runtime.runPromise(Effect.flatMap(decodeOrgFile(file), importOrg))
  const weekdays = (hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] })
  for (const [key, timeZone] of [[teamKey, "Europe/Athens"], ...regions.map((r) => [r.key, r.timeZone])]) {
    await graphql(
      `mutation($team: String!, $calendar: JSON!) { setTeamCalendar(input: { teamKey: $team, calendar: $calendar }) { __typename } }`,
      { team: key, calendar: { timeZone, weekly: weekdays([["08:00", "18:00"]]), holidays: [] } },
    )
  }
}

/** Every person promoted along their path, and their assessments, each sent by its rater. */
async function fillCareers({ tokenOf, graphql }, { head, lead, people }) {
  const counts = { promotions: 0, assessments: 0 }
  const listed = await graphql(`{ people(first: 100) { edges { node { id email } } } }`)
  const idOf = new Map(listed.people.edges.map((e) => [e.node.email, e.node.id]))
  const tokens = new Map()
  const personToken = async (globalId) => {
    if (!tokens.has(globalId)) {
      const personId = Buffer.from(globalId, "base64").toString().split(":").slice(1).join(":")
      tokens.set(globalId, await tokenOf({ personId }))
    }
    return tokens.get(globalId)
  }
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
          ? { evidence: [{ kind: "NOTE", text: "Seen in this quarter's reviewed conversations.", date: "2026-01-15" }] }
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
  return counts
}

/** Stores events through the event log, in batches of 5,000. */
async function ingest({ server }, events) {
  const { EventLog } = await import("@teamops/kpi")
  const { Effect } = await import("effect")
  for (let i = 0; i < events.length; i += 5000) {
    const batch = events.slice(i, i + 5000).map((value, j) => ({ where: `events[${i + j}]`, value }))
    await server.host.runtime.runPromise(Effect.flatMap(EventLog, (log) => log.ingest(batch)))
  }
}

/**
 * Fills `databaseUrl` with the organisation, careers and a year of conversations, and
 * `recentUrl` with the organisation and only the conversations of the last 30 days.
 */
async function fill(databaseUrl, recentUrl) {
  const org = organisation()
  const host = await openHost(databaseUrl)
  const recent = await openHost(recentUrl)
  try {
    await fillOrganisation(host, org.file)
    await fillOrganisation(recent, org.file)
    const counts = await fillCareers(host, org)
    const now = Date.now()
    const recentFrom = Math.floor((now - 30 * day) / day) * day
    let recentEvents = 0
    const log = await conversations(org.agents, now, 365, async (events, midnight) => {
      await ingest(host, events)
      if (midnight >= recentFrom) {
        await ingest(recent, events)
        recentEvents += events.length
      }
    })
    return {
      ...counts,
      people: org.people.length,
      conversations: log.conversations,
      events: log.events,
      recentEvents,
      from: new Date(Math.floor((now - 28 * day) / day) * day).toISOString(),
      recentFrom: new Date(recentFrom).toISOString(),
      to: new Date(now).toISOString(),
      dialect: host.server.host.db.dialect,
      token: host.admin,
      recentToken: recent.admin,
    }
  } finally {
    await host.server.close()
    await recent.server.close()
  }
}

// ---------------------------------------------------------------------------------------
// Measuring.

const children = []

const start = (kind, database, token = "") =>
  new Promise((resolve, reject) => {
    const child = fork(self, ["--serve", kind, ...(database ? [database] : [])], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    })
    let errors = ""
    child.stderr.on("data", (chunk) => {
      errors += chunk
    })
    child.once("message", ({ port }) => resolve({ kind, port, token, pid: child.pid }))
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

const post = async ({ port, token }, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
    body,
  })
  const text = await response.text()
  if (response.status !== 200) throw new Error(`HTTP ${response.status} from port ${port}: ${text.slice(0, 2000)}`)
  return text
}

/**
 * `send` with `width` requests in flight for `seconds`, after two seconds of the same load
 * that are not counted (the first burst meets code not yet compiled for it): latency
 * percentiles and requests per second.
 */
const underLoad = async (send, { width, seconds }) => {
  const warm = performance.now() + 2000
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (performance.now() < warm) await send()
    }),
  )
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

/** The resident memory of a process, in MB (Linux). */
const rssOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** The largest resident memory of `pid` while `work` runs, sampled every 200 ms. */
const peakRss = async (pid, work) => {
  let peak = rssOf(pid)
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid))
  }, 200)
  try {
    await work()
  } finally {
    clearInterval(sampler)
  }
  return Math.max(peak, rssOf(pid))
}

/** The baseline of the whole page: the window's cycle facts read in one statement and sorted in JS. */
async function windowCycles(databaseUrl, from, to) {
  const { Kysely, PostgresDialect, SqliteDialect } = await import("kysely")
  const dialect = databaseUrl.startsWith("postgres")
    ? new PostgresDialect({ pool: new (await import("pg")).default.Pool({ connectionString: databaseUrl, max: 1 }) })
    : new SqliteDialect({ database: new (await import("better-sqlite3")).default(databaseUrl, { readonly: true }) })
  const db = new Kysely({ dialect })
  const [start, end] = [Date.parse(from), Date.parse(to)]
  const read = async () => {
    const rows = await db
      .selectFrom("kpi_cycles")
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb("start_at", ">=", start), eb("start_at", "<", end)]),
          eb.and([eb("resolved_at", ">=", start), eb("resolved_at", "<", end)]),
        ]),
      )
      .execute()
    return rows.sort((a, b) => Number(a.start_at) - Number(b.start_at) || Number(a.cycle) - Number(b.cycle)).length
  }
  return { read, close: () => db.destroy() }
}

/** The statements one request of the whole page sends, counted on a host of its own. */
async function statementsOf(databaseUrl, body) {
  let sent = []
  const { server, admin } = await openHost(databaseUrl, (sql) => sent.push(sql))
  try {
    const send = () =>
      server.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body,
      })
    await (await send()).text()
    sent = []
    await (await send()).text()
    // The host's own bookkeeping of a request (the caller's token, the audit log) is not the page's.
    return sent.filter((sql) => !/"teamops_(tokens|audit)"/.test(sql)).length
  } finally {
    await server.close()
  }
}

/**
 * A leader's page (packages/sdk/src/operations/teamPage.graphql: KPIs with their status, targets and facts, the
 * year's workforce and last week's coverage gaps) of one team and of five at once, against the
 * window's cycles in one statement, and the statements each sends.
 */
async function measureTeamPages(teamops, cycles, databaseUrl, data) {
  const dateOf = (at) => new Date(at).toISOString().slice(0, 10)
  const window = {
    from: data.from,
    to: data.to,
    asOf: data.to,
    // The workforce of the year up to today, and the coverage of last week.
    since: dateOf(Date.parse(data.to) - 365 * day),
    until: dateOf(Date.parse(data.to)),
    weekOf: dateOf(Date.parse(data.to) - 7 * day),
  }
  const keys = [teamKey, ...regions.map((r) => r.key)]
  const pages = [
    [
      "1 team",
      JSON.stringify({ query: teamPageDocument, operationName: "TeamPage", variables: { ...window, team: teamKey } }),
    ],
    [
      "5 teams",
      JSON.stringify({
        query: teamPageDocument,
        operationName: "TeamPages",
        variables: { ...window, ...Object.fromEntries(["a", "b", "c", "d", "e"].map((v, i) => [v, keys[i]])) },
      }),
    ],
  ]
  const statements = []
  for (const [label, body] of pages) {
    const answer = JSON.parse(await post(teamops, body))
    const judged = Object.values(answer.data ?? {})
      .flatMap((team) => team?.kpis ?? [])
      .filter((row) => row.status !== null)
    if (answer.errors || judged.length === 0)
      throw new Error(`the team page of ${label} did not answer judged KPIs: ${JSON.stringify(answer).slice(0, 2000)}`)
    const times = await alternate(() => post(teamops, body), cycles.read, { seconds: 6, perRound: 3, warmup: 3 })
    const key = label.replace(" ", "")
    figure({ key: `teamPage.${key}`, label: `team page of ${label}, a year's log`, value: times.a, unit: "ms" })
    figure({
      key: `teamPage.${key}.ratio`,
      label: `team page of ${label} / the window's cycles in one statement`,
      value: times.a / times.b,
      unit: "×",
    })
    statements.push(await statementsOf(databaseUrl, body))
    figure({
      key: `teamPage.${key}.statements`,
      label: `statements of the team page of ${label}`,
      value: statements.at(-1),
      unit: "count",
    })
  }
  figure({
    key: "teamPage.statements.ratio",
    label: "statements of the page of 5 teams / of 1 team",
    value: statements[1] / statements[0],
    unit: "×",
    goal: { atMost: 1 },
  })
}

const reportQuery = `query($query: MetricQueryInput!) { metric(query: $query) { metric } }`

async function main() {
  const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL
  // `--keep DIR` fills DIR and leaves its SQLite databases there, to look into afterwards or
  // to measure again without filling.
  const keep = process.argv.includes("--keep") ? process.argv[process.argv.indexOf("--keep") + 1] : undefined
  const folder = keep ?? mkdtempSync(join(tmpdir(), "teamops-bench-"))
  const drops = []
  try {
    let databaseUrl = join(folder, "dashboard.db")
    let recentUrl = join(folder, "recent.db")
    if (postgres) {
      const { scratchPostgres } = await import("@teamops/core/testing")
      for (const [name, assign] of [
        ["teamops_bench", (url) => (databaseUrl = url)],
        ["teamops_bench_recent", (url) => (recentUrl = url)],
      ]) {
        const fresh = await scratchPostgres(postgres, name)
        assign(fresh.url)
        drops.push(fresh.drop)
      }
    }
    const filling = performance.now()
    // A folder kept from an earlier run is measured again as it is.
    const kept = keep !== undefined && !postgres && existsSync(join(folder, "data.json"))
    const data = kept ? JSON.parse(readFileSync(join(folder, "data.json"), "utf8")) : await fill(databaseUrl, recentUrl)
    if (keep !== undefined && !kept) writeFileSync(join(folder, "data.json"), JSON.stringify(data))
    console.log(
      `team page of ${data.people} members: ${data.promotions} promotions, ${data.assessments} assessments, ` +
        `${data.conversations} conversations (${data.events} events) over a year, ${data.recentEvents} events ` +
        `in the last 30 days (${data.dialect}); filled in ${((performance.now() - filling) / 1000).toFixed(0)} s`,
    )

    const [teamops, recent, yoga, baseline] = await Promise.all([
      start("teamops", databaseUrl, data.token),
      start("teamops", recentUrl, data.recentToken),
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
        `${dashboard.data.team.kpis.length} KPI rows on the page`,
    )
    console.log()

    const sendMembers = () => post(teamops, membersBody)
    if (baseline) {
      const members = await alternate(sendMembers, () => post(baseline, membersBody), {
        seconds: 8,
        perRound: 5,
        warmup: 30,
      })
      figure({ key: "dashboard.members.teamops", label: "member part, teamops", value: members.a, unit: "ms" })
      figure({
        key: "dashboard.members.baseline",
        label: "member part, baseline: node:http, better-sqlite3, plain SQL",
        value: members.b,
        unit: "ms",
      })
      figure({
        key: "dashboard.members.ratio",
        label: `member part, throughput teamops / baseline (${members.n} each)`,
        value: members.b / members.a,
        unit: "×",
        goal: { atLeast: 0.5 },
      })
    }

    const overhead = await alternate(
      () => post(teamops, typenameBody),
      () => post(yoga, typenameBody),
      { seconds: 4, perRound: 20, warmup: 200 },
    )
    figure({ key: "typename.teamops", label: "{ __typename }, teamops", value: overhead.a, unit: "ms" })
    figure({ key: "typename.yoga", label: "{ __typename }, bare graphql-yoga", value: overhead.b, unit: "ms" })
    figure({
      key: "typename.ratio",
      label: "{ __typename }, throughput teamops / bare yoga",
      value: overhead.b / overhead.a,
      unit: "×",
    })

    const cycles = await windowCycles(databaseUrl, data.from, data.to)
    try {
      await measureTeamPages(teamops, cycles, databaseUrl, data)
      const whole = await alternate(() => post(teamops, dashboardBody), cycles.read, {
        seconds: 8,
        perRound: 3,
        warmup: 5,
      })
      figure({ key: "dashboard.whole", label: "whole page with KPIs, a year's log", value: whole.a, unit: "ms" })
      figure({
        key: "dashboard.windowCycles",
        label: `baseline: the window's ${await cycles.read()} cycles in one statement, sorted`,
        value: whole.b,
        unit: "ms",
      })
      figure({
        key: "dashboard.whole.ratio",
        label: "whole page time / baseline time",
        value: whole.a / whole.b,
        unit: "×",
        goal: { atMost: 1.5 },
      })
    } finally {
      await cycles.close()
    }
    figure({
      key: "dashboard.statements",
      label: "statements per request of the whole page",
      value: await statementsOf(databaseUrl, dashboardBody),
      unit: "count",
      goal: { atMost: 20 },
    })

    // Each metric over the last 30 days: on the year's log, and on a log of those 30 days only.
    console.log()
    const { kpiKeys } = await import("@teamops/kpi")
    for (const metric of [...kpiKeys, "funnel"]) {
      const body = JSON.stringify({
        query: reportQuery,
        variables: {
          query: {
            metric,
            groupBy: ["team", "period"],
            period: "week",
            from: data.recentFrom,
            to: data.to,
            asOf: data.to,
          },
        },
      })
      const times = await alternate(
        () => post(teamops, body),
        () => post(recent, body),
        { seconds: 1.5, perRound: 3, warmup: 2 },
      )
      figure({
        key: `report.${metric}.ratio`,
        label: `${metric}, 30 days: year's log / 30 days' log (${times.a.toFixed(1)} / ${times.b.toFixed(1)} ms)`,
        value: times.a / times.b,
        unit: "×",
        goal: { atMost: 1.2 },
      })
    }

    console.log()
    console.log("member part, 10 requests in flight:")
    const loads = [["teamops", sendMembers], ...(baseline ? [["baseline", () => post(baseline, membersBody)]] : [])]
    for (const [label, send] of loads) {
      const load = await underLoad(send, { width: 10, seconds: 4 })
      console.log(
        `  ${label}: p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.perSecond.toFixed(1)} requests/s (${load.n})`,
      )
      if (label === "teamops")
        figure({
          key: "dashboard.members.p99OverP50",
          label: "member part, 10 in flight: p99 / p50",
          value: load.p99 / load.p50,
          unit: "×",
          goal: { atMost: 3 },
        })
    }

    const idle = rssOf(teamops.pid)
    const underPage = await peakRss(teamops.pid, () =>
      underLoad(() => post(teamops, dashboardBody), { width: 10, seconds: 60 }),
    )
    const yearBody = (metric) =>
      JSON.stringify({
        query: reportQuery,
        variables: { query: { metric, groupBy: ["team", "person", "period"], period: "week", asOf: data.to } },
      })
    const underYear = await peakRss(teamops.pid, async () => {
      for (const metric of kpiKeys) await post(teamops, yearBody(metric))
    })
    figure({ key: "rss.before", label: "teamops resident memory before the load", value: idle, unit: "MB" })
    figure({
      key: "rss.dashboard",
      label: "teamops resident memory, peak over 60 s of the whole page, 10 in flight",
      value: underPage,
      unit: "MB",
      goal: { atMost: 200 },
    })
    figure({
      key: "rss.yearReports",
      label: "teamops resident memory, peak over a year's report of each metric",
      value: underYear,
      unit: "MB",
      goal: { atMost: 200 },
    })
  } finally {
    await stopAll()
    for (const drop of drops) await drop()
    if (keep === undefined) rmSync(folder, { recursive: true, force: true })
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
