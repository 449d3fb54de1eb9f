import type { Person } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { addTeam, gid, graphqlData, hire, makeArea, mutate, openAor } from "./support.js"

// Who may do what to an area: admins, the team's managers, the owner, a contributor, another
// teammate and someone of another team, each asked the same questions.
describe.each(testDialects())("who may change areas on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  let people: Record<"boss" | "owner" | "helper" | "mate" | "stranger", Person>
  const as = async (who: keyof typeof people) => app.as(await app.token({ personId: people[who].id }))

  beforeAll(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
    await addTeam(app, "leads")
    await addTeam(app, "sales")
    const boss = await hire(app, "boss", { team: "leads" })
    people = {
      boss,
      owner: await hire(app, "owner", { manager: boss }),
      helper: await hire(app, "helper", { manager: boss }),
      mate: await hire(app, "mate", { manager: boss }),
      stranger: await hire(app, "stranger", { team: "sales" }),
    }
    await makeArea(app, "tooling", {}, people.owner)
    await mutate(app.server, "addAreaContributor", { areaKey: "tooling", personId: gid(people.helper), weeklyHours: 1 })
  })
  afterAll(async () => {
    await app.close()
  })

  const outcome = async (who: keyof typeof people | "admin", name: string, input: Record<string, unknown>) => {
    const server = who === "admin" ? app.server : await as(who)
    const answer = await mutate(server, name, input)
    return answer.errors ? answer.errors[0].extensions.code : answer.__typename
  }

  it("lets the team's managers and admins create areas, and nobody else", async () => {
    const input = (key: string) => ({
      key,
      name: key,
      purpose: "p",
      teamKey: "support",
      category: "tooling",
      weeklyHours: 1,
    })
    expect(await outcome("admin", "createArea", input("a1"))).toBe("CreateAreaSuccess")
    expect(await outcome("boss", "createArea", input("a2"))).toBe("CreateAreaSuccess")
    for (const who of ["owner", "helper", "mate", "stranger"] as const) {
      expect(await outcome(who, "createArea", input(`x-${who}`)), who).toBe("FORBIDDEN")
    }
  })

  it("lets owners, their managers and admins change an area; not contributors, teammates or outsiders", async () => {
    for (const who of ["owner", "boss", "admin"] as const) {
      expect(await outcome(who, "updateArea", { key: "tooling", purpose: `by ${who}` }), who).toBe("UpdateAreaSuccess")
    }
    for (const who of ["helper", "mate", "stranger"] as const) {
      expect(await outcome(who, "updateArea", { key: "tooling", purpose: "x" }), who).toBe("FORBIDDEN")
    }
  })

  it("lets owners, contributors, the owner's managers and admins record work", async () => {
    const work = (who: Person) => ({ areaKey: "tooling", personId: gid(who), date: "2026-01-05", text: "done" })
    expect(await outcome("owner", "recordAreaWork", work(people.owner))).toBe("RecordAreaWorkSuccess")
    expect(await outcome("helper", "recordAreaWork", work(people.helper))).toBe("RecordAreaWorkSuccess")
    expect(await outcome("boss", "recordAreaWork", work(people.owner))).toBe("RecordAreaWorkSuccess")
    expect(await outcome("admin", "recordAreaWork", work(people.helper))).toBe("RecordAreaWorkSuccess")
    expect(await outcome("mate", "recordAreaWork", work(people.owner))).toBe("FORBIDDEN")
    expect(await outcome("stranger", "recordAreaWork", work(people.owner))).toBe("FORBIDDEN")
  })

  it("lets only the owner confirm", async () => {
    expect(await outcome("owner", "confirmArea", { areaKey: "tooling" })).toBe("ConfirmAreaSuccess")
    for (const who of ["admin", "boss", "helper", "mate", "stranger"] as const) {
      expect(await outcome(who, "confirmArea", { areaKey: "tooling" }), who).toBe("FORBIDDEN")
    }
  })

  it("lets the team's managers and admins hand over and retire; nobody else", async () => {
    await makeArea(app, "spare", {}, people.owner)
    for (const who of ["owner", "helper", "mate", "stranger"] as const) {
      const input = { areaKey: "spare", fromPersonId: gid(people.owner), toPersonId: gid(people.mate), note: "x" }
      expect(await outcome(who, "handOverArea", input), who).toBe("FORBIDDEN")
      expect(await outcome(who, "retireArea", { areaKey: "spare" }), who).toBe("FORBIDDEN")
    }
    const input = { areaKey: "spare", fromPersonId: gid(people.owner), toPersonId: gid(people.mate), note: "x" }
    expect(await outcome("boss", "handOverArea", input)).toBe("HandOverAreaSuccess")
    expect(await outcome("admin", "retireArea", { areaKey: "spare" })).toBe("RetireAreaSuccess")
  })

  it("shows people's hours in the health report to themselves, their managers and admins only", async () => {
    const query = `{ areaHealth { people { person { email } areaHours } orphaned { area { key } } } }`
    const emails = async (who: keyof typeof people | "admin") => {
      const data = await graphqlData(who === "admin" ? app.server : await as(who), query)
      return data.areaHealth.people.map((p: any) => p.person.email)
    }
    expect(await emails("admin")).toHaveLength(5)
    expect(await emails("boss")).toEqual(["boss@x.com", "helper@x.com", "mate@x.com", "owner@x.com"])
    expect(await emails("mate")).toEqual(["mate@x.com"])
    expect(await emails("stranger")).toEqual(["stranger@x.com"])
  })
})
