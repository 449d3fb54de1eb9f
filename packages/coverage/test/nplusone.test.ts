import { measured, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type CoverageHost, openCoverage } from "./support.js"

const everyCoverage = `{
  teams(first: 10) {
    edges { node { key coverage(weekOf: "2026-03-09", minStaffed: 1) { timeZone gaps { start } tracks { track gaps { start } } } } }
  }
}`

describe.each(testDialects())("statements of coverage on %s", (dialect) => {
  let host: CoverageHost
  beforeEach(async () => {
    host = await openCoverage(dialect)
  })
  afterEach(async () => {
    await host.close()
  })

  // A team in its own zone with two people, one of them on a track, and a conversation.
  const team = async (key: string, timeZone: string) => {
    await host.createTeam(key, timeZone)
    const levelled = await host.createPerson(`${key}-1@x.com`, key, { timeZone })
    await host.createPerson(`${key}-2@x.com`, key, { timeZone: "UTC" })
    await host.promote(levelled, "css1")
    await host.conversations(key, ["2026-03-09T03:00:00Z", "2026-03-03T12:00:00Z"])
  }

  it("sends as many statements for the coverage of 5 teams as for 1", async () => {
    await team("team-1", "Europe/Athens")
    const one = await measured(host, () => host.data(everyCoverage))
    expect(one.answer.teams.edges).toHaveLength(1)
    expect(one.answer.teams.edges[0].node.coverage.gaps).toEqual([{ start: "2026-03-09T03:00:00.000Z" }])

    for (const [i, zone] of ["America/New_York", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"].entries()) {
      await team(`team-${i + 2}`, zone)
    }
    const five = await measured(host, () => host.data(everyCoverage))
    expect(five.answer.teams.edges.map((e: any) => e.node.coverage.timeZone)).toEqual([
      "Europe/Athens",
      "America/New_York",
      "Asia/Tokyo",
      "Australia/Sydney",
      "Asia/Kolkata",
    ])
    for (const edge of five.answer.teams.edges) {
      expect(
        edge.node.coverage.tracks.map((t: any) => t.track),
        edge.node.key,
      ).toEqual(["ic"])
    }
    expect(five.sent.length, five.sent.join("\n")).toBe(one.sent.length)
    // The teams; then, once for all of them: calendars, people, promotions, ladder versions, conversations.
    expect(one.sent.length, one.sent.join("\n")).toBe(6)
  })
})
