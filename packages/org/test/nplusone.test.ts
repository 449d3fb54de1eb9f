import { measured, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { Person } from "../src/Person.js"
import { PersonRepo } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { graphqlData, openOrg, personInput, type TestOrg, teamInput } from "./support.js"

const teamsWithMembers = `{
  teams(first: 10) {
    edges { node { key members(first: 5) { totalCount edges { node { email manager { email } team { key } } } } } }
  }
}`

const teamKeys = ["red", "green", "blue"]

describe.each(testDialects())("statements per query on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  const hire = (email: string, teamKey: string, manager?: Person) =>
    org.run(
      Effect.flatMap(PersonRepo, (r) =>
        r.create({
          ...personInput({ name: email, email, timeZone: "UTC", teamKey }),
          ...(manager ? { managerId: manager.id } : {}),
        }),
      ),
    )

  /** Runs the query and returns its answer with the SQL statements it sent. */
  const measure = async () => {
    const { answer, sent } = await measured(org, () => graphqlData(org.server, teamsWithMembers))
    return { data: answer, sent }
  }

  it("sends as many statements for 50 members per team as for 1", async () => {
    for (const key of teamKeys) await org.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key }))))
    // Everyone but the boss has a manager, so that managers are loaded in both rounds.
    const boss = await hire("a-boss@x.com", "red")
    await hire("green-00@x.com", "green", boss)
    await hire("blue-00@x.com", "blue", boss)

    const small = await measure()
    expect(small.data.teams.edges.map((e: any) => [e.node.key, e.node.members.totalCount])).toEqual([
      ["blue", 1],
      ["green", 1],
      ["red", 1],
    ])
    expect(small.data.teams.edges[0].node.members.edges).toEqual([
      { node: { email: "blue-00@x.com", manager: { email: "a-boss@x.com" }, team: { key: "blue" } } },
    ])

    for (const key of teamKeys) {
      for (let i = 1; i < 50; i++) await hire(`${key}-${String(i).padStart(2, "0")}@x.com`, key, boss)
    }

    const large = await measure()
    for (const edge of large.data.teams.edges) {
      const { key, members } = edge.node
      expect(members.totalCount, key).toBe(50)
      expect(members.edges, key).toHaveLength(5)
      for (const member of members.edges.slice(1)) {
        expect(member.node.manager, key).toEqual({ email: "a-boss@x.com" })
        expect(member.node.team, key).toEqual({ key })
      }
    }
    expect(large.data.teams.edges[2].node.members.edges[0].node).toEqual({
      email: "a-boss@x.com",
      manager: null,
      team: { key: "red" },
    })

    expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
    // One statement each: the teams, their members, the member counts, the managers, the members' teams.
    expect(small.sent.length, small.sent.join("\n")).toBeLessThanOrEqual(5)
  })

  it("loads people asked for by email in one statement, however many", async () => {
    await org.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key: "red", name: "Red" }))))
    const boss = await hire("boss@x.com", "red")
    for (let i = 0; i < 10; i++) await hire(`p${i}@x.com`, "red", boss)
    const ask = (n: number) =>
      measured(org, () =>
        graphqlData(
          org.server,
          `{ ${Array.from({ length: n }, (_, i) => `p${i}: person(email: "P${i}@x.com") { email manager { email } }`).join(" ")} }`,
        ),
      )
    const one = await ask(1)
    const ten = await ask(10)
    expect(one.answer).toEqual({ p0: { email: "p0@x.com", manager: { email: "boss@x.com" } } })
    expect(ten.answer.p9).toEqual({ email: "p9@x.com", manager: { email: "boss@x.com" } })
    expect(ten.sent.length, ten.sent.join("\n")).toBe(one.sent.length)
    // The people by email, then their managers by id.
    expect(one.sent).toHaveLength(2)
  })
})
