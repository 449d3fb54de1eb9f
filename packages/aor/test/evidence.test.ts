import type { Person } from "@teamops/org"
import { importAndPublishLadder } from "@teamops/roles"
import { measured, testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { addTeam, gid, graphqlData, hire, makeArea, mutate, openAor } from "./support.js"

// A ladder whose second level expects the two competencies the test content contributes.
const ladder = `key: writers
name: Writers
scale:
  - { key: learning, label: Learning, meaning: Learns it with help. }
  - { key: practising, label: Practising, meaning: Does it alone. }
tracks:
  - { key: ic, name: Individual contributor, kind: individual-contributor }
levels:
  - key: w1
    title: Writer I
    track: ic
    rank: 1
    summary: Writes.
    expectations: { scope: Own articles., autonomy: With guidance., impact: Customers find answers. }
  - key: w2
    title: Writer II
    track: ic
    rank: 2
    summary: Writes and builds tools.
    expectations: { scope: The library., autonomy: Alone., impact: Fewer tickets. }
transitions:
  - { from: w1, to: w2, kind: promotion, takes: A year. }
competencies:
  - { key: writing, name: Writing, category: Craft, description: Writes clearly. }
  - { key: tooling, name: Tooling, category: Craft, description: Builds and keeps tools. }
matrix:
  w1:
    writing: { expected: learning, behaviours: [] }
  w2:
    writing: { expected: practising, behaviours: [] }
    tooling: { expected: learning, behaviours: [] }
`

const readinessOf = (personId: string) => `{
  node(id: "${personId}") { ... on Person {
    readiness(ladder: "writers", targetLevel: "w2") {
      competencies { competency { key } evidenceCount evidence { date text url source { kind key name } } }
    }
  } }
}`

describe.each(testDialects())("work in areas as evidence on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  let boss: Person
  let ana: Person
  beforeEach(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
    await app.run(importAndPublishLadder("yaml", ladder))
    boss = await hire(app, "boss")
    ana = await hire(app, "ana", { manager: boss })
  })
  afterEach(async () => {
    await app.close()
  })

  const work = async (areaKey: string, person: Person, date: string, text: string, url?: string) => {
    const done = await mutate(app.server, "recordAreaWork", { areaKey, personId: gid(person), date, text, url })
    expect(done.__typename).toBe("RecordAreaWorkSuccess")
  }
  const competencies = async (server = app.server, person = ana) => {
    const data = await graphqlData(server, readinessOf(gid(person)))
    return data.node.readiness?.competencies
  }

  it("counts work in an area for each competency the area exercises, named after the area", async () => {
    await makeArea(app, "macros", { name: "Macro library", competencies: ["writing"] }, ana)
    await makeArea(app, "bots", { name: "Chat bots", competencies: ["tooling"] }, ana)
    await makeArea(app, "guides", { name: "Guides", competencies: ["writing", "tooling"] }, ana)
    await work("macros", ana, "2026-01-05", "Rewrote the refund macros", "https://x.com/macros/1")
    await work("macros", ana, "2026-01-09", "Pruned old macros")
    await work("guides", ana, "2026-01-07", "Guide to the ticket tool")

    expect(await competencies()).toEqual([
      {
        competency: { key: "writing" },
        evidenceCount: 3,
        evidence: [
          {
            date: "2026-01-09",
            text: "Pruned old macros",
            url: null,
            source: { kind: "area", key: "macros", name: "Macro library" },
          },
          {
            date: "2026-01-07",
            text: "Guide to the ticket tool",
            url: null,
            source: { kind: "area", key: "guides", name: "Guides" },
          },
          {
            date: "2026-01-05",
            text: "Rewrote the refund macros",
            url: "https://x.com/macros/1",
            source: { kind: "area", key: "macros", name: "Macro library" },
          },
        ],
      },
      {
        // Nothing was recorded in bots; macros does not exercise tooling.
        competency: { key: "tooling" },
        evidenceCount: 1,
        evidence: [
          {
            date: "2026-01-07",
            text: "Guide to the ticket tool",
            url: null,
            source: { kind: "area", key: "guides", name: "Guides" },
          },
        ],
      },
    ])
  })

  it("keeps the work of a retired area as evidence", async () => {
    await makeArea(app, "macros", { name: "Macro library", competencies: ["writing"] }, ana)
    await work("macros", ana, "2026-01-05", "Rewrote the refund macros")
    expect((await mutate(app.server, "retireArea", { areaKey: "macros" })).__typename).toBe("RetireAreaSuccess")
    const [writing] = await competencies()
    expect(writing).toMatchObject({ evidenceCount: 1, evidence: [{ source: { key: "macros" } }] })
  })

  it("shows the evidence to whoever sees the readiness, and to nobody else", async () => {
    const mate = await hire(app, "mate", { manager: boss })
    await makeArea(app, "macros", { name: "Macro library", competencies: ["writing"] }, ana)
    await work("macros", ana, "2026-01-05", "Rewrote the refund macros")
    const as = async (person: Person) => app.as(await app.token({ personId: person.id }))
    for (const viewer of [ana, boss]) {
      expect((await competencies(await as(viewer)))?.[0]).toMatchObject({ evidenceCount: 1 })
    }
    // A teammate reads what a person without readiness would show: nothing at all.
    const seen = await graphqlData(await as(mate), readinessOf(gid(ana)))
    expect(seen.node).toEqual({ readiness: null })
  })

  it("sends as many statements for the readiness of 12 people with work in areas as for 2", async () => {
    await makeArea(app, "macros", { name: "Macro library", competencies: ["writing", "tooling"] }, boss)
    const team: Array<Person> = []
    const join = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const person = await hire(app, `p${String(i).padStart(2, "0")}`, { manager: boss })
        const joined = await mutate(app.server, "addAreaContributor", {
          areaKey: "macros",
          personId: gid(person),
          weeklyHours: 1,
        })
        expect(joined.__typename).toBe("AddAreaContributorSuccess")
        await work("macros", person, "2026-01-05", `Macro ${i}`)
        await work("macros", person, "2026-01-06", `Another macro ${i}`)
        team.push(person)
      }
    }
    const everyone = `{
      people(first: 100) { edges { node {
        email
        readiness(ladder: "writers", targetLevel: "w2") { competencies { evidenceCount evidence { text source { key } } } }
      } } }
    }`
    const measure = () => measured(app, () => graphqlData(app.server, everyone))

    await join(0, 2)
    const small = await measure()
    await join(2, 12)
    const large = await measure()
    const members = large.answer.people.edges.map((e: any) => e.node)
    expect(members).toHaveLength(14)
    for (const member of members.filter((m: any) => m.email.startsWith("p"))) {
      expect(member.readiness.competencies.map((c: any) => c.evidenceCount)).toEqual([2, 2])
    }
    expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
    // The work of everyone is read once.
    expect(large.sent.filter((statement) => statement.includes("aor_work"))).toHaveLength(1)
  })
})
