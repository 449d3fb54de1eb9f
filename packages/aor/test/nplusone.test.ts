import { measured, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { addTeam, gid, hire, makeArea, mutate, openAor } from "./support.js"

// The statements of area fields over many teams and people: one batch, whatever their number.

const teamsHealth = `{
  teams(first: 100) { edges { node {
    key
    areaHealth { orphaned { area { key owner { email } } } overloaded { person { email } } stale { area { key } } people { person { email } areaHours } }
  } } }
}`

const peopleAreas = `{
  people(first: 100) { edges { node {
    email
    areas { role weeklyHours area { key owner { email } contributors { person { email } } team { key } } }
  } } }
}`

describe.each(testDialects())("statements of area fields on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  beforeEach(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
  })
  afterEach(async () => {
    await app.close()
  })

  /** Teams `t<from>` … `t<to - 1>`, each with an owner of one area and a contributor to it. */
  const grow = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const team = `t${String(i).padStart(2, "0")}`
      await addTeam(app, team)
      const owner = await hire(app, `${team}-owner`, { team })
      const helper = await hire(app, `${team}-helper`, { team })
      await makeArea(app, `${team}-area`, { teamKey: team, weeklyHours: 10 }, owner)
      const added = await mutate(app.server, "addAreaContributor", {
        areaKey: `${team}-area`,
        personId: gid(helper),
        weeklyHours: 2,
      })
      expect(added.__typename).toBe("AddAreaContributorSuccess")
    }
  }

  it("reads area health of 20 teams with as many statements as of 2", async () => {
    await grow(0, 2)
    const small = await measured(app, () => app.data(teamsHealth))
    await grow(2, 20)
    const large = await measured(app, () => app.data(teamsHealth))
    const edges = large.answer.teams.edges
    expect(edges).toHaveLength(21)
    expect(edges[1].node.areaHealth.overloaded).toEqual([{ person: { email: "t00-owner@x.com" } }])
    expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
    expect(small.sent.length, small.sent.join("\n")).toBeLessThanOrEqual(9)
  })

  it("reads the areas of 40 people with as many statements as of 4", async () => {
    await grow(0, 2)
    const small = await measured(app, () => app.data(peopleAreas))
    await grow(2, 20)
    const large = await measured(app, () => app.data(peopleAreas))
    const edges = large.answer.people.edges
    expect(edges).toHaveLength(40)
    expect(edges[0].node.areas).toEqual([
      {
        role: "CONTRIBUTOR",
        weeklyHours: 2,
        area: {
          key: "t00-area",
          owner: { email: "t00-owner@x.com" },
          contributors: [{ person: { email: "t00-helper@x.com" } }],
          team: { key: "t00" },
        },
      },
    ])
    expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
    expect(small.sent.length, small.sent.join("\n")).toBeLessThanOrEqual(7)
  })
})
