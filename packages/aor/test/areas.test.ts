import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { addTeam, depart, gid, graphqlData, hire, makeArea, mutate, openAor } from "./support.js"

describe.each(testDialects())("areas on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  beforeEach(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
  })
  afterEach(async () => {
    await app.close()
  })

  it("creates an area with its definition and lists it", async () => {
    await makeArea(app, "macro-library", {
      decisions: ["Which macros exist and how they are worded."],
      competencies: ["writing"],
      reviewEveryDays: 30,
    })
    const data = await app.data(`{
      area(key: "macro-library") { key purpose category weeklyHours decisions competencies reviewEveryDays status team { key } owner { email } }
      areas(teamKey: "support") { totalCount edges { node { key } } }
    }`)
    expect(data.area).toEqual({
      key: "macro-library",
      purpose: "Keeps macro-library in shape.",
      category: "tooling",
      weeklyHours: 2,
      decisions: ["Which macros exist and how they are worded."],
      competencies: ["writing"],
      reviewEveryDays: 30,
      status: "ACTIVE",
      team: { key: "support" },
      owner: null,
    })
    expect(data.areas.totalCount).toBe(1)
  })

  it("refuses bad input naming the field, unknown competencies by key, and a taken key", async () => {
    const bad = await mutate(app.server, "createArea", {
      key: "Bad Key",
      name: "x",
      purpose: "x",
      teamKey: "support",
      category: "tooling",
      weeklyHours: 41,
    })
    expect(bad.__typename).toBe("InputError")
    expect(bad.message).toContain("input.key")
    expect(bad.message).toContain("input.weeklyHours: expected hours a week above 0 and at most 40, got 41")
    const unknown = await mutate(app.server, "createArea", {
      key: "a",
      name: "a",
      purpose: "a",
      teamKey: "support",
      category: "tooling",
      weeklyHours: 1,
      competencies: ["writing", "juggling", "flying"],
    })
    expect(unknown).toEqual({
      __typename: "InputError",
      message: 'input.competencies: unknown competencies "juggling", "flying"',
    })
    const category = await mutate(app.server, "createArea", {
      key: "a",
      name: "a",
      purpose: "a",
      teamKey: "support",
      category: "nope",
      weeklyHours: 1,
    })
    expect(category.message).toContain('unknown category "nope"')
    await makeArea(app, "a")
    expect(
      (
        await mutate(app.server, "createArea", {
          key: "a",
          name: "a",
          purpose: "a",
          teamKey: "support",
          category: "tooling",
          weeklyHours: 1,
        })
      ).__typename,
    ).toBe("ConflictError")
  })

  it("keeps the history of three handovers with their notes", async () => {
    const [ana, ben, cleo] = [await hire(app, "ana"), await hire(app, "ben"), await hire(app, "cleo")]
    await makeArea(app, "tooling", {}, ana)
    expect(
      (
        await mutate(app.server, "handOverArea", {
          areaKey: "tooling",
          fromPersonId: gid(ana),
          toPersonId: gid(ben),
          note: "ana moves on",
        })
      ).__typename,
    ).toBe("HandOverAreaSuccess")
    expect(
      (
        await mutate(app.server, "handOverArea", {
          areaKey: "tooling",
          fromPersonId: gid(ben),
          toPersonId: gid(cleo),
          note: "ben to mentoring",
        })
      ).__typename,
    ).toBe("HandOverAreaSuccess")
    const data = await app.data(
      `{ area(key: "tooling") { owner { email } history { person { email } note startedAt endedAt } } }`,
    )
    expect(data.area.owner).toEqual({ email: "cleo@x.com" })
    const history = data.area.history
    expect(history.map((h: any) => [h.person.email, h.note])).toEqual([
      ["ana@x.com", "first owner"],
      ["ben@x.com", "ana moves on"],
      ["cleo@x.com", "ben to mentoring"],
    ])
    // Never two owners: each ownership ends where the next begins, and only the last is open.
    expect(history[0].endedAt).toBe(history[1].startedAt)
    expect(history[1].endedAt).toBe(history[2].startedAt)
    expect(history[2].endedAt).toBeNull()
  })

  it("refuses a handover from someone who is not the owner, naming the area and its owner", async () => {
    const [ana, ben] = [await hire(app, "ana"), await hire(app, "ben")]
    await makeArea(app, "tooling", {}, ana)
    const refused = await mutate(app.server, "handOverArea", {
      areaKey: "tooling",
      fromPersonId: gid(ben),
      toPersonId: gid(ben),
      note: "mine now",
    })
    expect(refused).toEqual({
      __typename: "ConflictError",
      message: 'area "tooling" is owned by ana (ana@x.com), not by the owner the handover expected',
    })
    const none = await mutate(app.server, "handOverArea", {
      areaKey: "tooling",
      fromPersonId: null,
      toPersonId: gid(ben),
      note: "x",
    })
    expect(none.__typename).toBe("ConflictError")
  })

  it("lets exactly one of two handovers sent at the same time win", async () => {
    const [ana, ben, cleo] = [await hire(app, "ana"), await hire(app, "ben"), await hire(app, "cleo")]
    await makeArea(app, "tooling", {}, ana)
    const answers = await Promise.all([
      mutate(app.server, "handOverArea", {
        areaKey: "tooling",
        fromPersonId: gid(ana),
        toPersonId: gid(ben),
        note: "to ben",
      }),
      mutate(app.server, "handOverArea", {
        areaKey: "tooling",
        fromPersonId: gid(ana),
        toPersonId: gid(cleo),
        note: "to cleo",
      }),
    ])
    const won = answers.filter((a) => a.__typename === "HandOverAreaSuccess")
    const lost = answers.filter((a) => a.__typename === "ConflictError")
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    const winner = won[0].area.owner.email as string
    expect(lost[0].message).toBe(
      `area "tooling" is owned by ${winner.split("@")[0]} (${winner}), not by the owner the handover expected`,
    )
    const data = await app.data(`{ area(key: "tooling") { owner { email } history { endedAt } } }`)
    expect(data.area.owner.email).toBe(winner)
    expect(data.area.history.filter((h: any) => h.endedAt === null)).toHaveLength(1)
  })

  it("refuses an owner or contributor who has left", async () => {
    const [ana, ben] = [await hire(app, "ana"), await hire(app, "ben")]
    await depart(app, ben, "2025-01-01")
    await makeArea(app, "tooling", {}, ana)
    const handed = await mutate(app.server, "handOverArea", {
      areaKey: "tooling",
      fromPersonId: gid(ana),
      toPersonId: gid(ben),
      note: "x",
    })
    expect(handed).toEqual({ __typename: "InputError", message: "input.toPersonId: ben (ben@x.com) has left" })
    const added = await mutate(app.server, "addAreaContributor", {
      areaKey: "tooling",
      personId: gid(ben),
      weeklyHours: 1,
    })
    expect(added.__typename).toBe("InputError")
  })

  it("adds and removes contributors, keeping their history, and lists a person's areas", async () => {
    const [ana, ben] = [await hire(app, "ana"), await hire(app, "ben")]
    await makeArea(app, "tooling", { weeklyHours: 3 }, ana)
    const added = await mutate(app.server, "addAreaContributor", {
      areaKey: "tooling",
      personId: gid(ben),
      weeklyHours: 1.5,
    })
    expect(added.area.contributors).toEqual([{ person: { email: "ben@x.com" }, weeklyHours: 1.5 }])
    const people = await app.data(`{ people { edges { node { email areas { area { key } role weeklyHours } } } } }`)
    expect(people.people.edges.map((e: any) => [e.node.email, e.node.areas])).toEqual([
      ["ana@x.com", [{ area: { key: "tooling" }, role: "OWNER", weeklyHours: 3 }]],
      ["ben@x.com", [{ area: { key: "tooling" }, role: "CONTRIBUTOR", weeklyHours: 1.5 }]],
    ])
    const removed = await mutate(app.server, "removeAreaContributor", { areaKey: "tooling", personId: gid(ben) })
    expect(removed.area.contributors).toEqual([])
    const data = await app.data(`{ area(key: "tooling") { contributorHistory { person { email } endedAt } } }`)
    expect(data.area.contributorHistory[0].person.email).toBe("ben@x.com")
    expect(data.area.contributorHistory[0].endedAt).not.toBeNull()
  })

  it("records work by the owner or a contributor, and refuses anyone else's", async () => {
    const [ana, ben] = [await hire(app, "ana"), await hire(app, "ben")]
    await makeArea(app, "tooling", {}, ana)
    for (const [date, text] of [
      ["2026-01-05", "Wrote the refund macro"],
      ["2026-01-09", "Pruned old macros"],
    ]) {
      const done = await mutate(app.server, "recordAreaWork", {
        areaKey: "tooling",
        personId: gid(ana),
        date,
        text,
        url: "https://x.com/1",
      })
      expect(done.__typename).toBe("RecordAreaWorkSuccess")
    }
    const stranger = await mutate(app.server, "recordAreaWork", {
      areaKey: "tooling",
      personId: gid(ben),
      date: "2026-01-05",
      text: "x",
    })
    expect(stranger).toEqual({
      __typename: "InputError",
      message: 'input.personId: neither the owner nor a contributor of area "tooling"',
    })
    const page = await app.data(
      `{ area(key: "tooling") { work(first: 1) { totalCount edges { node { date text person { email } } } pageInfo { hasNextPage endCursor } } } }`,
    )
    expect(page.area.work.totalCount).toBe(2)
    expect(page.area.work.edges[0].node).toEqual({
      date: "2026-01-09",
      text: "Pruned old macros",
      person: { email: "ana@x.com" },
    })
    const next = await app.data(
      `query($after: String) { area(key: "tooling") { work(first: 1, after: $after) { edges { node { date } } } } }`,
      {
        after: page.area.work.pageInfo.endCursor,
      },
    )
    expect(next.area.work.edges[0].node.date).toBe("2026-01-05")
  })

  it("retires an area: its ownership ends, its history stays, and it takes no more handovers", async () => {
    const ana = await hire(app, "ana")
    await makeArea(app, "tooling", {}, ana)
    const retired = await mutate(
      app.server,
      "retireArea",
      { areaKey: "tooling" },
      "status owner { email } history { person { email } endedAt }",
    )
    expect(retired.area.status).toBe("RETIRED")
    expect(retired.area.owner).toBeNull()
    expect(retired.area.history[0].person.email).toBe("ana@x.com")
    expect(retired.area.history[0].endedAt).not.toBeNull()
    const again = await mutate(app.server, "handOverArea", {
      areaKey: "tooling",
      fromPersonId: null,
      toPersonId: gid(ana),
      note: "x",
    })
    expect(again).toEqual({ __typename: "ConflictError", message: 'area "tooling" is retired' })
    const people = await graphqlData(app.server, `{ people { edges { node { areas { area { key } } } } } }`)
    expect(people.people.edges[0].node.areas).toEqual([])
  })
})
