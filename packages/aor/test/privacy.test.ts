import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { addTeam, depart, gid, hire, makeArea, mutate, openAor } from "./support.js"

describe.each(testDialects())("a person's areas as personal data on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  beforeEach(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
  })
  afterEach(async () => {
    await app.close()
  })

  it("exports a person's areas and work, and erasing them removes what was written and keeps the hours and dates", async () => {
    const ana = await hire(app, "ana")
    await makeArea(app, "macros", { weeklyHours: 3 }, ana)
    const worked = await mutate(app.server, "recordAreaWork", {
      areaKey: "macros",
      personId: gid(ana),
      date: "2026-03-02",
      text: "Ana rewrote the refund macros.",
      url: "https://wiki.example/ana/macros",
    })
    expect(worked.__typename).toBe("RecordAreaWorkSuccess")

    const exported = (await app.data("query($id: ID!) { exportPerson(personId: $id) }", { id: gid(ana) })).exportPerson
    expect(JSON.stringify(exported)).toContain("Ana rewrote the refund macros.")
    expect(JSON.stringify(exported)).toContain("first owner")

    await depart(app, ana, "2026-03-31")
    const erased = await app.data(
      "mutation($id: ID!) { erasePerson(input: { personId: $id }) { __typename ... on Error { message } } }",
      { id: gid(ana) },
    )
    expect(erased.erasePerson.__typename).toBe("ErasePersonSuccess")

    const area = await app.data(`{ area(key: "macros") {
      history { note startedAt endedAt }
      work(first: 5) { edges { node { date text url } } }
    } }`)
    expect(area.area.history).toEqual([{ note: "[erased]", startedAt: expect.any(String), endedAt: null }])
    expect(area.area.work.edges).toEqual([{ node: { date: "2026-03-02", text: "[erased]", url: null } }])
    const health = await app.data(`{ areaHealth { orphaned { area { key } } } }`)
    expect(health.areaHealth.orphaned).toEqual([{ area: { key: "macros" } }])
  })
})
