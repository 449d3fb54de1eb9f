import { encodeGlobalID, GlobalId } from "@teamops/core"
import { mutationsOf, payloadSelection, testDialects } from "@teamops/testing"
import { Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { graphql, graphqlData, ladderV1, ladderV2, openCompetencies, type TestCompetencies } from "./support.js"

const assessment = `id ladderKey version competency currentCompetencies raterKind rating note raterEmail recordedAt
  observedOn person { email } evidence { kind url text date source }`
const promotion = `ladderKey version from { key title } to { key title } rationale at effectiveOn readinessJson
  readiness { ready met total explanation because level { key } }`

const mutations = {
  recordAssessment: ["RecordAssessmentInput", payloadSelection("RecordAssessmentSuccess", "assessment", assessment)],
  addEvidence: ["AddEvidenceInput", payloadSelection("AddEvidenceSuccess", "assessment", assessment)],
  withdrawAssessment: [
    "WithdrawAssessmentInput",
    payloadSelection("WithdrawAssessmentSuccess", "assessment", "id rating withdrawnAt"),
  ],
  promotePerson: ["PromotePersonInput", payloadSelection("PromotePersonSuccess", "promotion", promotion)],
  importLadder: ["ImportLadderInput", "__typename"],
  publishLadderVersion: ["PublishLadderVersionInput", "__typename"],
  createTeam: ["CreateTeamInput", "__typename"],
  createPerson: ["CreatePersonInput", "__typename ... on CreatePersonSuccess { person { id } }"],
  recordDeparture: ["RecordDepartureInput", "__typename"],
  setManager: ["SetManagerInput", "__typename"],
} as const

type RaterKind = "SELF" | "MANAGER" | "PEER"

const readinessSelection = `ready met total explanation because ladderKey version level { key title }
  gaps { competency { key name } expected assessed }
  competencies { competency { key name } expected self manager peer evidenceCount agree met }`

describe.each(testDialects())("competencies GraphQL API on %s", (dialect) => {
  let app: TestCompetencies
  let ana: string
  beforeEach(async () => {
    app = await openCompetencies(dialect)
    raters.clear()
    hired.clear()
    await mutate("createTeam", { key: "support", name: "Support" })
    ana = await hire("ana")
  })
  afterEach(async () => {
    await app.close()
  })

  /** Runs a mutation and returns its payload; an error must be a payload, never a GraphQL error. */
  const mutate = mutationsOf(() => app.server, mutations)
  const hire = async (user: string) => {
    const created = await mutate("createPerson", {
      name: user,
      email: `${user}@x.com`,
      timeZone: "UTC",
      teamKey: "support",
    })
    return created.person.id as string
  }
  const publish = async (content: string) => {
    expect((await mutate("importLadder", { format: "YAML", content })).__typename).toBe("ImportLadderSuccess")
    expect((await mutate("publishLadderVersion", { ladderKey: "support" })).__typename).toBe(
      "PublishLadderVersionSuccess",
    )
  }
  // The rater is the caller: the person, their manager `boss`, or a peer `pat`.
  const raters = new Map<string, string>()
  const tokenOf = async (personId: string) => {
    const known = raters.get(personId)
    if (known !== undefined) return known
    const token = await app.token({ personId: Schema.decodeSync(GlobalId("Person"))(personId) })
    raters.set(personId, token)
    return token
  }
  const raterOf = async (kind: RaterKind, personId: string) => {
    if (kind === "SELF") return personId
    const rater = await hireOnce(kind === "MANAGER" ? "boss" : "pat")
    if (kind === "MANAGER") await mutate("setManager", { personId, managerId: rater })
    return rater
  }
  const hired = new Map<string, string>()
  const hireOnce = async (user: string) => {
    const id = hired.get(user) ?? (await hire(user))
    hired.set(user, id)
    return id
  }
  /** Runs a mutation as `kind` of rater of the person the input names. */
  const asRater = async (kind: RaterKind, personId: string) => {
    const token = await tokenOf(await raterOf(kind, personId))
    return mutationsOf(() => app.as(token), mutations)
  }
  const rate = async (kind: RaterKind, input: { personId: string } & Record<string, unknown>) =>
    (await asRater(kind, input.personId))("recordAssessment", input)
  const assess = async (personId: string, competency: string, raterKind: RaterKind, rating: string, more = {}) => {
    const answer = await rate(raterKind, { personId, ladderKey: "support", competency, rating, ...more })
    expect(answer.__typename).toBe("RecordAssessmentSuccess")
    return answer.assessment
  }
  const person = (id: string, selection: string) =>
    graphqlData(app.server, `query($id: ID!) { person(id: $id) { ${selection} } }`, { id }).then((d) => d.person)

  it("assesses, explains readiness, promotes and keeps the history", async () => {
    await publish(ladderV1)
    const recorded = await assess(ana, "communication", "MANAGER", "proficient", {
      note: "Clear replies.",
      evidence: [{ kind: "LINK", url: "https://x.com/t/1", text: "Refund ticket", date: "2026-01-05" }],
    })
    expect(recorded).toMatchObject({
      ladderKey: "support",
      version: 1,
      competency: "communication",
      currentCompetencies: ["communication"],
      raterKind: "MANAGER",
      rating: "proficient",
      note: "Clear replies.",
      raterEmail: "boss@x.com",
      person: { email: "ana@x.com" },
      evidence: [{ kind: "LINK", url: "https://x.com/t/1", text: "Refund ticket", date: "2026-01-05", source: null }],
    })
    const withMore = await (await asRater("MANAGER", ana))("addEvidence", {
      assessmentId: recorded.id,
      kind: "NOTE",
      text: "Calmed an angry customer.",
      date: "2026-01-06",
      source: "Escalations",
    })
    expect(withMore.__typename).toBe("AddEvidenceSuccess")
    expect(withMore.assessment.evidence.map((e: any) => e.kind)).toEqual(["LINK", "NOTE"])
    await assess(ana, "communication", "SELF", "proficient")
    await assess(ana, "troubleshooting", "MANAGER", "learning")
    await assess(ana, "troubleshooting", "PEER", "practising")

    const before = await person(
      ana,
      `currentLevel { key } timeInLevel levelHistory { to { key } }
      readiness(targetLevel: "css2") { ${readinessSelection} }`,
    )
    expect(before.currentLevel).toBeNull()
    expect(before.timeInLevel).toBeNull()
    expect(before.levelHistory).toEqual([])
    expect(before.readiness).toEqual({
      ready: false,
      met: 1,
      total: 3,
      explanation:
        "not ready for css2: 1 of 3 competencies met; missing: troubleshooting (expected practising, manager rated learning), mentoring (expected learning, not assessed by a manager)",
      because:
        "not ready because troubleshooting is rated learning by the manager, below the expected practising and mentoring has no manager rating (expected learning)",
      ladderKey: "support",
      version: 1,
      level: { key: "css2", title: "Customer Support Specialist II" },
      gaps: [
        {
          competency: { key: "troubleshooting", name: "Troubleshooting" },
          expected: "practising",
          assessed: "learning",
        },
        { competency: { key: "mentoring", name: "Mentoring" }, expected: "learning", assessed: null },
      ],
      competencies: [
        {
          competency: { key: "communication", name: "Communication" },
          expected: "proficient",
          self: "proficient",
          manager: "proficient",
          peer: null,
          evidenceCount: 2,
          agree: true,
          met: true,
        },
        {
          competency: { key: "troubleshooting", name: "Troubleshooting" },
          expected: "practising",
          self: null,
          manager: "learning",
          peer: "practising",
          evidenceCount: 0,
          agree: false,
          met: false,
        },
        {
          competency: { key: "mentoring", name: "Mentoring" },
          expected: "learning",
          self: null,
          manager: null,
          peer: null,
          evidenceCount: 0,
          agree: false,
          met: false,
        },
      ],
    })

    const first = await mutate("promotePerson", {
      personId: ana,
      ladderKey: "support",
      level: "css1",
      rationale: "Hired as a specialist.",
    })
    expect(first.__typename).toBe("PromotePersonSuccess")
    expect(first.promotion).toMatchObject({
      ladderKey: "support",
      version: 1,
      from: null,
      to: { key: "css1", title: "Customer Support Specialist I" },
      rationale: "Hired as a specialist.",
      readiness: { ready: true, level: { key: "css1" } },
    })
    expect(JSON.parse(first.promotion.readinessJson)).toMatchObject({ level: "css1", met: 2, total: 2 })

    await assess(ana, "troubleshooting", "MANAGER", "practising")
    await assess(ana, "mentoring", "MANAGER", "learning")
    const second = await mutate("promotePerson", {
      personId: ana,
      ladderKey: "support",
      level: "css2",
      rationale: "Met every expectation.",
    })
    expect(second.promotion).toMatchObject({
      from: { key: "css1", title: "Customer Support Specialist I" },
      to: { key: "css2" },
      readiness: { ready: true, explanation: "ready for css2: all 3 competencies met" },
    })
    expect(second.promotion.readiness.because).toMatch(/^ready because the manager rated every competency/)

    const after = await person(
      ana,
      `currentLevel { key title ladder { key version } } timeInLevel
      levelHistory { from { key } to { key } rationale readiness { ready } }
      readiness(targetLevel: "css2") { ready }
      assessments(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { competency rating raterKind } } }`,
    )
    expect(after.currentLevel).toEqual({
      key: "css2",
      title: "Customer Support Specialist II",
      ladder: { key: "support", version: 1 },
    })
    expect(after.timeInLevel).toBe(0)
    expect(after.levelHistory).toEqual([
      { from: null, to: { key: "css1" }, rationale: "Hired as a specialist.", readiness: { ready: true } },
      { from: { key: "css1" }, to: { key: "css2" }, rationale: "Met every expectation.", readiness: { ready: true } },
    ])
    expect(after.readiness.ready).toBe(true)
    expect(after.assessments.totalCount).toBe(6)
    expect(after.assessments.pageInfo.hasNextPage).toBe(true)
    expect(after.assessments.edges.map((e: any) => e.node)).toEqual([
      { competency: "mentoring", rating: "learning", raterKind: "MANAGER" },
      { competency: "troubleshooting", rating: "practising", raterKind: "MANAGER" },
    ])
    const rest = await person(
      ana,
      `assessments(first: 10, after: "${after.assessments.pageInfo.endCursor}") { edges { node { competency } } }`,
    )
    expect(rest.assessments.edges).toHaveLength(4)

    const node = await graphqlData(app.server, `query($id: ID!) { node(id: $id) { ... on Assessment { rating } } }`, {
      id: recorded.id,
    })
    expect(node.node).toEqual({ rating: "proficient" })
  })

  it("derives the rater from the caller, and lets only the rater withdraw a rating, which then leaves readiness", async () => {
    await publish(ladderV1)
    const fromBoss = await assess(ana, "communication", "MANAGER", "proficient")
    expect(fromBoss).toMatchObject({ raterKind: "MANAGER", raterEmail: "boss@x.com" })
    expect((await assess(ana, "communication", "SELF", "expert")).raterKind).toBe("SELF")
    expect((await assess(ana, "communication", "PEER", "learning")).raterKind).toBe("PEER")
    const readiness = async () =>
      (await person(ana, `readiness(targetLevel: "css2") { competencies { competency { key } manager } }`)).readiness
        .competencies[0]
    expect(await readiness()).toEqual({ competency: { key: "communication" }, manager: "proficient" })

    const asAna = await asRater("SELF", ana)
    expect(await asAna("withdrawAssessment", { assessmentId: fromBoss.id })).toMatchObject({
      __typename: "NotFoundError",
      entity: "Assessment",
    })
    const asBoss = await asRater("MANAGER", ana)
    const withdrawn = await asBoss("withdrawAssessment", { assessmentId: fromBoss.id })
    expect(withdrawn.__typename).toBe("WithdrawAssessmentSuccess")
    expect(withdrawn.assessment.withdrawnAt).toEqual(expect.any(String))
    expect(await readiness()).toEqual({ competency: { key: "communication" }, manager: null })
    expect(await asBoss("withdrawAssessment", { assessmentId: fromBoss.id })).toMatchObject({
      __typename: "ConflictError",
      message: expect.stringContaining("was withdrawn already"),
    })
    const history = await person(ana, "assessments { totalCount edges { node { raterKind withdrawnAt } } }")
    expect(history.assessments.totalCount).toBe(3)
    expect(history.assessments.edges.filter((e: any) => e.node.withdrawnAt !== null)).toEqual([
      { node: { raterKind: "MANAGER", withdrawnAt: withdrawn.assessment.withdrawnAt } },
    ])
  })

  it("records the past: the day observed and the day effective, which level history and time in level follow", async () => {
    await publish(ladderV1)
    const bo = (
      await mutate("createPerson", {
        name: "Bo",
        email: "bo@x.com",
        timeZone: "Pacific/Auckland",
        teamKey: "support",
        hireDate: "2024-01-08",
      })
    ).person.id as string
    const rated = await assess(bo, "communication", "MANAGER", "proficient", { observedOn: "2024-05-02" })
    expect(rated.observedOn).toBe("2024-05-02")
    const first = await mutate("promotePerson", {
      personId: bo,
      ladderKey: "support",
      level: "css1",
      rationale: "Hired.",
      effectiveOn: "2024-01-08",
    })
    expect(first.promotion).toMatchObject({ effectiveOn: "2024-01-08", to: { key: "css1" } })
    const second = await mutate("promotePerson", {
      personId: bo,
      ladderKey: "support",
      level: "css2",
      rationale: "Handles the hard cases.",
      effectiveOn: "2024-07-15",
    })
    expect(second.promotion.effectiveOn).toBe("2024-07-15")
    expect(second.promotion.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date())
    const days = Math.round((Date.parse(today) - Date.parse("2024-07-15")) / 86_400_000)
    expect(await person(bo, "timeInLevel levelHistory { effectiveOn to { key } } currentLevel { key }")).toEqual({
      timeInLevel: days,
      levelHistory: [
        { effectiveOn: "2024-01-08", to: { key: "css1" } },
        { effectiveOn: "2024-07-15", to: { key: "css2" } },
      ],
      currentLevel: { key: "css2" },
    })

    expect(
      await mutate("promotePerson", {
        personId: bo,
        ladderKey: "support",
        level: "css1",
        rationale: "Back.",
        effectiveOn: "2024-03-01",
      }),
    ).toEqual({
      __typename: "ConflictError",
      message:
        'bo@x.com was promoted to "css2" of ladder "support" on 2024-07-15: a promotion effective on 2024-03-01 would come before it, and promotions are recorded in order',
    })
    expect(
      await rate("SELF", {
        personId: bo,
        ladderKey: "support",
        competency: "communication",
        rating: "expert",
        observedOn: "2023-12-01",
      }),
    ).toMatchObject({
      __typename: "InputError",
      path: ["input", "observedOn"],
      message: "input.observedOn: 2023-12-01 is before the hire date 2024-01-08 of bo@x.com",
    })
    expect(
      await rate("SELF", {
        personId: bo,
        ladderKey: "support",
        competency: "communication",
        rating: "expert",
        observedOn: "2024-02-31",
      }),
    ).toMatchObject({
      __typename: "InputError",
      path: ["input", "observedOn"],
      message: 'input.observedOn: expected a date as YYYY-MM-DD, got "2024-02-31"',
    })
  })

  it("carries assessments of a renamed competency into version 2", async () => {
    await publish(ladderV1)
    await assess(ana, "communication", "MANAGER", "proficient")
    await assess(ana, "troubleshooting", "MANAGER", "practising", {
      evidence: [{ kind: "NOTE", text: "Found the cache bug.", date: "2026-01-02" }],
    })
    await assess(ana, "troubleshooting", "SELF", "practising")
    await assess(ana, "mentoring", "MANAGER", "learning")
    await publish(ladderV2)

    const readiness = await person(ana, `readiness(targetLevel: "css2") { ${readinessSelection} }`)
    expect(readiness.readiness).toMatchObject({
      ready: true,
      met: 3,
      total: 3,
      version: 2,
      explanation: "ready for css2: all 3 competencies met",
    })
    expect(readiness.readiness.competencies[1]).toEqual({
      competency: { key: "diagnosis", name: "Diagnosis" },
      expected: "practising",
      self: "practising",
      manager: "practising",
      peer: null,
      evidenceCount: 1,
      agree: true,
      met: true,
    })

    const old = await person(
      ana,
      `assessments(competency: "diagnosis") { totalCount edges { node { competency version currentCompetencies } } }`,
    )
    expect(old.assessments.totalCount).toBe(2)
    expect(old.assessments.edges.map((e: any) => e.node)).toEqual([
      { competency: "troubleshooting", version: 1, currentCompetencies: ["diagnosis"] },
      { competency: "troubleshooting", version: 1, currentCompetencies: ["diagnosis"] },
    ])
    await assess(ana, "diagnosis", "PEER", "expert")
    const both = await person(ana, `assessments(competency: "diagnosis") { totalCount }`)
    expect(both.assessments.totalCount).toBe(3)
    const none = await person(ana, `assessments(competency: "nothing") { totalCount edges { node { id } } }`)
    expect(none.assessments).toEqual({ totalCount: 0, edges: [] })

    const promoted = await mutate("promotePerson", {
      personId: ana,
      ladderKey: "support",
      level: "css2",
      rationale: "Ready.",
    })
    expect(promoted.promotion).toMatchObject({ version: 2, readiness: { ready: true } })
  })

  it("lists the catalog of competencies", async () => {
    expect(await graphqlData(app.server, "{ competencies { key } }")).toEqual({ competencies: [] })
    await publish(ladderV1)
    const catalog = await graphqlData(app.server, "{ competencies { key name category ladders contributedBy } }")
    expect(catalog.competencies.map((c: any) => c.key)).toEqual(["communication", "mentoring", "troubleshooting"])
    expect(catalog.competencies[0]).toEqual({
      key: "communication",
      name: "Communication",
      category: "Craft",
      ladders: ["support"],
      contributedBy: null,
    })
  })

  describe("errors", () => {
    beforeEach(async () => {
      await publish(ladderV1)
    })

    it("recordAssessment answers typed errors for bad input, unknown things and off-scale ratings", async () => {
      const base = { personId: ana, ladderKey: "support", competency: "communication" }
      const asAna = await asRater("SELF", ana)
      const malformed = await asAna("recordAssessment", { ...base, rating: "Expert", note: "x".repeat(4001) })
      expect(malformed).toMatchObject({ __typename: "InputError", path: ["input", "rating"] })
      expect(malformed.message).toContain("input.note: expected at most 4000 characters")

      const wrongId = await asAna("recordAssessment", {
        ...base,
        personId: encodeGlobalID("Team", "x"),
        rating: "expert",
      })
      expect(wrongId).toMatchObject({ __typename: "InputError", path: ["input", "personId"] })

      const nobody = await asAna("recordAssessment", {
        ...base,
        personId: encodeGlobalID("Person", "nobody"),
        rating: "expert",
      })
      expect(nobody).toEqual({
        __typename: "NotFoundError",
        message: 'no person with id "nobody"',
        entity: "Person",
        key: "nobody",
      })

      const noLadder = await asAna("recordAssessment", { ...base, ladderKey: "sales", rating: "expert" })
      expect(noLadder).toMatchObject({ __typename: "NotFoundError", entity: "Ladder", key: "sales" })
      const noVersion = await asAna("recordAssessment", { ...base, version: 2, rating: "expert" })
      expect(noVersion).toMatchObject({ __typename: "NotFoundError", entity: "LadderVersion", key: "support@2" })
      const noCompetency = await asAna("recordAssessment", { ...base, competency: "juggling", rating: "expert" })
      expect(noCompetency).toMatchObject({ __typename: "NotFoundError", entity: "Competency", key: "juggling" })
      const offScale = await asAna("recordAssessment", { ...base, rating: "guru" })
      expect(offScale).toMatchObject({ __typename: "InputError", path: ["input", "rating"] })
      expect(offScale.message).toContain('"guru" is not a step of the scale')

      const linkWithoutUrl = await asAna("recordAssessment", {
        ...base,
        rating: "expert",
        evidence: [{ kind: "LINK", text: "x", date: "2026-01-01" }],
      })
      expect(linkWithoutUrl).toMatchObject({ __typename: "InputError", path: ["input", "evidence", "0", "url"] })

      expect((await person(ana, "assessments { totalCount }")).assessments.totalCount).toBe(0)
    })

    it("addEvidence answers typed errors", async () => {
      const recorded = await assess(ana, "communication", "SELF", "expert")
      const mutate = await asRater("SELF", ana)
      const note = { kind: "NOTE", text: "x", date: "2026-01-01" }
      expect(await mutate("addEvidence", { ...note, assessmentId: ana })).toMatchObject({
        __typename: "InputError",
        path: ["input", "assessmentId"],
      })
      expect(await mutate("addEvidence", { ...note, assessmentId: encodeGlobalID("Assessment", "999") })).toMatchObject(
        { __typename: "NotFoundError", entity: "Assessment", key: "999" },
      )
      expect(await mutate("addEvidence", { ...note, assessmentId: recorded.id, date: "yesterday" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "date"],
      })
      expect(await mutate("addEvidence", { ...note, assessmentId: recorded.id, url: "https://x.com" })).toMatchObject({
        __typename: "InputError",
        path: ["input", "url"],
        message: "input.url: a note has no url; use kind link",
      })
    })

    it("promotePerson answers typed errors", async () => {
      const base = { personId: ana, ladderKey: "support", level: "css1", rationale: "Because." }
      expect(await mutate("promotePerson", { ...base, rationale: "  " })).toMatchObject({
        __typename: "InputError",
        path: ["input", "rationale"],
      })
      expect(await mutate("promotePerson", { ...base, level: "css9" })).toMatchObject({
        __typename: "NotFoundError",
        entity: "Level",
        key: "css9",
      })
      expect(await mutate("promotePerson", { ...base, ladderKey: "sales" })).toMatchObject({
        __typename: "NotFoundError",
        entity: "Ladder",
      })
      expect(await mutate("promotePerson", { ...base, personId: encodeGlobalID("Person", "x") })).toMatchObject({
        __typename: "NotFoundError",
        entity: "Person",
      })
      expect((await mutate("promotePerson", base)).__typename).toBe("PromotePersonSuccess")
      expect(await mutate("promotePerson", base)).toEqual({
        __typename: "ConflictError",
        message: 'ana@x.com is already at level "css1" of ladder "support"',
      })
    })

    it("readiness answers query errors naming the argument", async () => {
      const ask = (args: string) =>
        graphql(app.server, `query($id: ID!) { person(id: $id) { readiness(${args}) { ready } } }`, { id: ana })
      expect((await ask(`targetLevel: "css9"`)).errors?.[0]?.message).toBe(
        'targetLevel: no published ladder has a level "css9"',
      )
      expect((await ask(`targetLevel: "css1", ladder: "sales"`)).errors?.[0]?.message).toBe(
        'ladder: no published ladder "sales"',
      )
      expect((await ask(`targetLevel: "css9", ladder: "support"`)).errors?.[0]?.message).toBe(
        'targetLevel: ladder "support" version 1 has no level "css9" (levels: css1, css2)',
      )
      const other = ladderV1.replace("key: support\nname: Support Ladder", "key: other\nname: Other Ladder")
      await mutate("importLadder", { format: "YAML", content: other })
      await mutate("publishLadderVersion", { ladderKey: "other" })
      expect((await ask(`targetLevel: "css1"`)).errors?.[0]?.message).toBe(
        'ladder: several ladders have a level "css1" (other, support): name one with ladder',
      )
      expect((await ask(`targetLevel: "css1", ladder: "other"`)).errors).toBeUndefined()
      // The ladder of the current level decides when there is one.
      await mutate("promotePerson", { personId: ana, ladderKey: "other", level: "css1", rationale: "Start." })
      const data = await graphqlData(
        app.server,
        `query($id: ID!) { person(id: $id) { readiness(targetLevel: "css2") { ladderKey } } }`,
        { id: ana },
      )
      expect(data.person.readiness.ladderKey).toBe("other")
    })

    it("assessments refuses a page above 100", async () => {
      const result = await graphql(
        app.server,
        `query($id: ID!) { person(id: $id) { assessments(first: 101) { totalCount } } }`,
        {
          id: ana,
        },
      )
      expect(result.errors?.[0]?.message).toBe("first must be between 0 and 100, got 101")
    })
  })
})
