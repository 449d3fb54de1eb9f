// Workforce figures cost as many statements for five teams as for one: no statement per team.
import { measured, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { PersonRepo } from "../src/PersonRepo.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { openOrg, personInput, type TestOrg, teamInput } from "./support.js"

const figures = `headcountAtStart averageHeadcount turnoverCost
  departures { person { email team { key } } tenureDays annualSalary }
  tenure { people { person { email } band } bands { band count } }`
const organisation = `{ workforce(from: "2026-01-01", to: "2026-12-31") {
  organisation { ${figures} }
  teams { team { key } workforce { ${figures} } }
} }`
const teamPage = `{ teams(first: 10) { edges { node { key workforce(from: "2026-01-01", to: "2026-12-31") { ${figures} } } } } }`

describe.each(testDialects())("statements of workforce figures on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  /** Adds a team with two people, one of whom left in 2026, one with a salary, the other on the team's default. */
  const addTeam = async (key: string) => {
    await org.run(Effect.flatMap(TeamRepo, (r) => r.create(teamInput({ key, name: key, defaultAnnualSalary: 40000 }))))
    const hire = (user: string, annualSalary?: number) =>
      org.run(
        Effect.flatMap(PersonRepo, (r) =>
          r.create(
            personInput({
              name: user,
              email: `${user}@x.com`,
              timeZone: "UTC",
              teamKey: key,
              hireDate: "2021-01-01",
              annualSalary,
            }),
          ),
        ),
      )
    await hire(`${key}-stays`, 50000)
    const leaver = await hire(`${key}-leaves`)
    await org.run(Effect.flatMap(PersonRepo, (r) => r.recordDeparture({ personId: leaver.id, leftOn: "2026-06-30" })))
  }

  const sentFor = async (query: string) => {
    const { answer, sent } = await measured(org, () => org.data(query))
    return { answer, sent }
  }

  it("answers the organisation's figures with every team's in as many statements for 5 teams as for 1", async () => {
    await addTeam("team-1")
    const one = await sentFor(organisation)
    expect(one.answer.workforce.teams).toHaveLength(1)
    // 40000 (the default) × 0.21
    expect(one.answer.workforce.organisation.turnoverCost).toBe(8400)
    for (const key of ["team-2", "team-3", "team-4", "team-5"]) await addTeam(key)
    const five = await sentFor(organisation)
    expect(five.answer.workforce.teams).toHaveLength(5)
    expect(five.answer.workforce.organisation.turnoverCost).toBe(42000)
    expect(five.answer.workforce.teams.map((t: any) => t.workforce.departures[0].person.team.key)).toEqual([
      "team-1",
      "team-2",
      "team-3",
      "team-4",
      "team-5",
    ])
    expect(five.sent.length, five.sent.join("\n")).toBe(one.sent.length)
    // Every team, everyone here during the period, and the teams of the people who left.
    expect(one.sent).toHaveLength(3)
  })

  it("answers a page of teams with their figures in as many statements for 5 teams as for 1", async () => {
    await addTeam("team-1")
    const one = await sentFor(teamPage)
    for (const key of ["team-2", "team-3", "team-4", "team-5"]) await addTeam(key)
    const five = await sentFor(teamPage)
    expect(five.answer.teams.edges.map((e: any) => e.node.workforce.turnoverCost)).toEqual([
      8400, 8400, 8400, 8400, 8400,
    ])
    expect(five.sent.length, five.sent.join("\n")).toBe(one.sent.length)
  })
})
