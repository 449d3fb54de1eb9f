import { encodeGlobalID } from "@teamops/core"
import { measured, testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import { PromotePersonInput } from "../src/Promotion.js"
import { PromotionRepo } from "../src/PromotionRepo.js"
import {
  assessmentInput,
  graphqlData,
  hirePeople,
  ladderV1,
  ladderV2,
  openCompetencies,
  publishLadder,
  type TestCompetencies,
} from "./support.js"

const everyone = `{
  people(first: 100) {
    edges { node {
      email
      currentLevel { key }
      timeInLevel
      levelHistory { to { key } }
      readiness(targetLevel: "css2") { ready met total competencies { self manager evidenceCount } }
      assessments(first: 3) { totalCount edges { node { rating evidence { text } currentCompetencies } } }
    } }
  }
}`

describe.each(testDialects())("statements per query on %s", (dialect) => {
  let app: TestCompetencies
  beforeEach(async () => {
    app = await openCompetencies(dialect)
    await app.run(publishLadder(ladderV1))
  })
  afterEach(async () => {
    await app.close()
  })

  const hireAndAssess = (from: number, to: number) =>
    app.run(
      Effect.gen(function* () {
        const users = Array.from({ length: to - from }, (_, i) => `p${String(from + i).padStart(3, "0")}`)
        const people = yield* hirePeople(...users)
        const repo = yield* AssessmentRepo
        const promotions = yield* PromotionRepo
        for (const person of people) {
          yield* promotions.promote(
            Schema.decodeUnknownSync(PromotePersonInput)({
              personId: encodeGlobalID("Person", person.id),
              ladderKey: "support",
              level: "css1",
              rationale: "Hired.",
            }),
          )
          for (const [competency, rating] of [
            ["communication", "proficient"],
            ["troubleshooting", "practising"],
          ] as const) {
            yield* repo.record(
              assessmentInput({
                personId: person.id,
                competency,
                raterKind: "manager",
                rating,
                version: 1,
                evidence: [{ kind: "note", text: "seen", date: "2026-01-01" }],
              }),
            )
          }
        }
      }),
    )

  const measure = async () => {
    const { answer, sent } = await measured(app, () => graphqlData(app.server, everyone))
    return { data: answer, sent }
  }

  it("sends as many statements for readiness of 60 people as for 3", async () => {
    await hireAndAssess(0, 3)
    await app.run(publishLadder(ladderV2))
    const small = await measure()
    expect(small.data.people.edges).toHaveLength(3)
    expect(small.data.people.edges[0].node.readiness).toMatchObject({ ready: false, met: 2, total: 3 })

    await hireAndAssess(3, 60)
    const large = await measure()
    expect(large.data.people.edges).toHaveLength(60)
    for (const edge of large.data.people.edges) {
      expect(edge.node.readiness.competencies[1]).toEqual({ self: null, manager: "practising", evidenceCount: 1 })
      expect(edge.node.assessments.totalCount).toBe(2)
      expect(edge.node.currentLevel).toEqual({ key: "css1" })
      expect(edge.node.levelHistory).toEqual([{ to: { key: "css1" } }])
      expect(edge.node.assessments.edges[0].node.currentCompetencies).toEqual(["diagnosis"])
    }
    expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
    // people, promotions (their steps for levels and readiness, and once with their readiness
    // snapshots for the level history), the ladder version of the current levels, ladder
    // history, latest ratings and the evidence on them (readiness), assessments, their count,
    // their evidence, the history for mapping forward.
    expect(small.sent.length, small.sent.join("\n")).toBeLessThanOrEqual(12)
  })

  // Every person is rated on a ladder of their own, in version 1; version 2 of each ladder
  // renames troubleshooting to diagnosis.
  const history = `{
    people(first: 100) {
      edges { node {
        email
        assessments(first: 10) { edges { node { ladderKey competency currentCompetencies } } }
        renamed: assessments(competency: "diagnosis") { totalCount }
      } }
    }
  }`

  const onLaddersOfTheirOwn = (from: number, to: number) =>
    app.run(
      Effect.gen(function* () {
        const users = Array.from({ length: to - from }, (_, i) => `h${String(from + i).padStart(3, "0")}`)
        const people = yield* hirePeople(...users)
        const repo = yield* AssessmentRepo
        for (const [i, person] of people.entries()) {
          const ladderKey = `ladder-${String(from + i).padStart(3, "0")}`
          yield* publishLadder(ladderV1.replace(/^key: support$/m, `key: ${ladderKey}`))
          yield* publishLadder(ladderV2.replace(/^key: support$/m, `key: ${ladderKey}`))
          yield* repo.record(
            assessmentInput({
              personId: person.id,
              ladderKey,
              competency: "troubleshooting",
              raterKind: "manager",
              rating: "practising",
              version: 1,
            }),
          )
        }
      }),
    )

  it("reads the history of 20 ladders in as many statements as of 1", async () => {
    await onLaddersOfTheirOwn(0, 1)
    const one = await measured(app, () => graphqlData(app.server, history))
    await onLaddersOfTheirOwn(1, 20)
    const twenty = await measured(app, () => graphqlData(app.server, history))
    expect(twenty.answer.people.edges).toHaveLength(20)
    for (const edge of twenty.answer.people.edges) {
      expect(edge.node.assessments.edges).toEqual([
        {
          node: {
            ladderKey: expect.stringMatching(/^ladder-/),
            competency: "troubleshooting",
            currentCompetencies: ["diagnosis"],
          },
        },
      ])
      expect(edge.node.renamed.totalCount).toBe(1)
    }
    expect(twenty.sent.length, twenty.sent.join("\n")).toBe(one.sent.length)
  })
})
