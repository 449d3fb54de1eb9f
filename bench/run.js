// Benchmarks: each prints its speed as a ratio against a baseline measured in the same run,
// so the numbers compare across machines. Run with `npm run bench`.
import { orgPlugin } from "@teamops/org"
import { createServer, createToken } from "@teamops/server"
import { benchStore, figure } from "./figures.js"

const teams = 50
const membersPerTeam = 20

const time = async (label, rounds, work) => {
  for (let i = 0; i < 3; i++) await work() // warm up
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) await work()
  const perRound = Number(process.hrtime.bigint() - start) / 1e6 / rounds
  console.log(`${label.padEnd(52)} ${perRound.toFixed(3).padStart(9)} ms/round`)
  return perRound
}

const fill = async (kysely) => {
  const teamRows = Array.from({ length: teams }, (_, t) => ({
    id: `team-${t}`,
    key: `team-${String(t).padStart(3, "0")}`,
    name: `Team ${t}`,
    description: null,
    parent_id: null,
  }))
  await kysely.insertInto("org_teams").values(teamRows).execute()
  const people = teamRows.flatMap((team, t) =>
    Array.from({ length: membersPerTeam }, (_, m) => ({
      id: `person-${t}-${m}`,
      name: `Person ${t}.${m}`,
      email: `p${t}-${m}@bench.example`,
      time_zone: "Europe/Athens",
      working_hours: JSON.stringify({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
      hire_date: "2024-01-01",
      team_id: team.id,
      manager_id: null,
      status: "active",
      left_on: null,
    })),
  )
  for (let i = 0; i < people.length; i += 200)
    await kysely
      .insertInto("org_people")
      .values(people.slice(i, i + 200))
      .execute()
}

const database = await benchStore()
const server = await createServer({
  databaseUrl: database.url,
  plugins: [orgPlugin],
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
  const kysely = server.host.db.kysely
  await fill(kysely)
  const query = `{ teams(first: ${teams}) { edges { node { key members(first: ${membersPerTeam}) { totalCount edges { node { email } } } } } } }`
  const graphql = async () => {
    const response = await server.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query }),
    })
    const body = await response.json()
    if (body.errors) throw new Error(JSON.stringify(body.errors))
  }
  // Baseline: the same rows straight from the store in one statement, no GraphQL.
  const baseline = () =>
    kysely.selectFrom("org_people").select(["team_id", "email"]).orderBy("team_id").orderBy("email").execute()
  // What batching avoids: one statement per team.
  const perTeam = async () => {
    const rows = await kysely.selectFrom("org_teams").select("id").orderBy("key").execute()
    for (const row of rows)
      await kysely.selectFrom("org_people").select("email").where("team_id", "=", row.id).execute()
  }

  console.log(`teams { members } with ${teams} teams x ${membersPerTeam} members (${server.host.db.dialect})`)
  const base = await time("baseline: one SQL statement for every member", 200, baseline)
  const naive = await time("one SQL statement per team (N+1)", 100, perTeam)
  const api = await time("GraphQL teams { members } through yoga", 100, graphql)
  figure({ key: "teams.nPlusOne.ratio", label: "time N+1 / baseline", value: naive / base, unit: "×" })
  figure({ key: "teams.graphql.ratio", label: "time GraphQL / baseline", value: api / base, unit: "×" })
} finally {
  await server.close()
  await database.drop()
}
