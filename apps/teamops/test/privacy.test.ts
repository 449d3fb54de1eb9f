// A person's right to see what is kept about them, and a departed person's right to be forgotten.
import { GlobalId } from "@teamops/core"
import { graphql, openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"

describe.each(testDialects())("a person's data on %s", (dialect) => {
  let app: TestHost
  let ana: string
  let mia: string
  let asAna: ReturnType<TestHost["as"]>
  let asMia: ReturnType<TestHost["as"]>

  const personId = (id: string) => Schema.decodeSync(GlobalId("Person"))(id)
  const hire = async (name: string, managerId?: string) =>
    (
      await app.data(
        "mutation($input: CreatePersonInput!) { createPerson(input: $input) { ... on CreatePersonSuccess { person { id } } } }",
        {
          input: {
            name,
            email: `${name}@x.com`,
            timeZone: "UTC",
            teamKey: "support",
            hireDate: "2025-01-06",
            managerId,
          },
        },
      )
    ).createPerson.person.id as string

  beforeEach(async () => {
    app = await openTestHost(dialect, defaultPlugins)
    await app.data(`mutation { createTeam(input: { key: "support", name: "Support" }) { __typename } }`)
    mia = await hire("mia")
    ana = await hire("ana", mia)
    asAna = app.as(await app.token({ personId: personId(ana) }))
    asMia = app.as(await app.token({ personId: personId(mia) }))
    for (const [server, rating] of [
      [asMia, "proficient"],
      [asAna, "practising"],
    ] as const) {
      await graphql(
        server,
        `mutation($id: ID!, $rating: String!) { recordAssessment(input: { personId: $id, ladderKey: "support", competency: "troubleshooting", rating: $rating,
          note: "Ana untangled the billing bug.", observedOn: "2026-01-05", evidence: [{ kind: NOTE, text: "Ana's write-up of the fix", date: "2026-01-05" }] }) { __typename } }`,
        { id: ana, rating },
      )
    }
    // Ana rates her manager too: her name must leave that rating as well.
    await graphql(
      asAna,
      `mutation($id: ID!) { recordAssessment(input: { personId: $id, ladderKey: "support", competency: "mentoring-and-leadership", rating: "leading" }) { __typename } }`,
      { id: mia },
    )
    await graphql(
      asMia,
      `mutation($id: ID!) { promotePerson(input: { personId: $id, ladderKey: "support", level: "css1", rationale: "Ana owns billing.", effectiveOn: "2025-01-06" }) { __typename } }`,
      { id: ana },
    )
  })
  afterEach(() => app.close())

  it("exportPerson gives a person everything kept about them, and only admins ask for someone else's", async () => {
    const own = (await graphql(asAna, "{ exportPerson }")).data.exportPerson
    expect(own.personId).toBe(ana)
    expect(own.plugins.org.person).toMatchObject({ email: "ana@x.com", name: "ana" })
    expect(own.plugins.competencies.assessments).toHaveLength(2)
    expect(own.plugins.competencies.assessmentsGiven).toHaveLength(2)
    expect(own.plugins.competencies.evidence.map((e: any) => e.text)).toEqual([
      "Ana's write-up of the fix",
      "Ana's write-up of the fix",
    ])
    expect(own.plugins.competencies.promotions[0]).toMatchObject({ rationale: "Ana owns billing." })
    expect(own.tokens).toHaveLength(1)
    expect(JSON.stringify(own)).not.toMatch(/tops_|"hash"/)

    const theirs = await graphql(asMia, "query($id: ID!) { exportPerson(personId: $id) }", { id: ana })
    expect(theirs.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } })
    expect((await app.data("query($id: ID!) { exportPerson(personId: $id) }", { id: ana })).exportPerson.personId).toBe(
      ana,
    )
  })

  it("erasePerson replaces a departed person's identity and what was written about them, and keeps the figures", async () => {
    const erase =
      "mutation($id: ID!) { erasePerson(input: { personId: $id }) { __typename ... on ErasePersonSuccess { erased { pseudonym } } ... on Error { message } } }"
    expect((await graphql(asMia, erase, { id: ana })).errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } })
    expect((await app.data(erase, { id: ana })).erasePerson).toEqual({
      __typename: "ConflictError",
      message: "ana@x.com has not left: record the departure first",
    })
    // A promotion after the ratings keeps their evidence with its readiness: that text goes too.
    await graphql(
      asMia,
      `mutation($id: ID!) { promotePerson(input: { personId: $id, ladderKey: "support", level: "css2", rationale: "Ana leads billing.", effectiveOn: "2026-01-10" }) { __typename } }`,
      { id: ana },
    )
    const kept = await app.data(
      `query($id: ID!) { person(id: $id) { levelHistory { readiness { competencies { evidence { text } } } } } }`,
      { id: ana },
    )
    expect(JSON.stringify(kept)).toContain("Ana's write-up of the fix")
    await app.data(
      `mutation($id: ID!) { recordDeparture(input: { personId: $id, leftOn: "2026-02-27" }) { __typename } }`,
      {
        id: ana,
      },
    )
    const erased = (await app.data(erase, { id: ana })).erasePerson
    expect(erased.erased.pseudonym).toMatch(/^Erased person [0-9a-f]{8}$/)
    // Erasing again changes nothing and names the same pseudonym.
    expect((await app.data(erase, { id: ana })).erasePerson).toEqual(erased)

    const after = (
      await app.data(
        `query($id: ID!) { person(id: $id) { name email status levelHistory { to { key } rationale }
          assessments { edges { node { rating raterKind note evidence { text } } } } } }`,
        { id: ana },
      )
    ).person
    expect(after.name).toBe(erased.erased.pseudonym)
    expect(after.email).toMatch(/^erased-[0-9a-f]{8}@erased\.invalid$/)
    expect(after.status).toBe("LEFT")
    expect(after.levelHistory).toEqual([
      { to: { key: "css1" }, rationale: "[erased]" },
      { to: { key: "css2" }, rationale: "[erased]" },
    ])
    expect(after.assessments.edges.map((e: any) => e.node)).toEqual([
      { rating: "practising", raterKind: "SELF", note: null, evidence: [{ text: "[erased]" }] },
      { rating: "proficient", raterKind: "MANAGER", note: null, evidence: [{ text: "[erased]" }] },
    ])
    const given = (
      await app.data(
        "query($id: ID!) { person(id: $id) { assessments { edges { node { raterKind raterEmail } } } } }",
        {
          id: mia,
        },
      )
    ).person.assessments.edges
    expect(given).toEqual([{ node: { raterKind: "PEER", raterEmail: after.email } }])
    const everything = JSON.stringify(await app.data("query($id: ID!) { exportPerson(personId: $id) }", { id: ana }))
    expect(everything).not.toMatch(/ana@x\.com|Ana untangled|write-up|owns billing|leads billing/)
    // Her tokens stop working.
    expect((await asAna.fetch("http://localhost/graphql", { method: "POST" })).status).toBe(401)
  })
})
