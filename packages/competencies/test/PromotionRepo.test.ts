import { ConflictError, encodeGlobalID, NotFoundError } from "@teamops/core"
import { type Person, PersonRepo, RecordDepartureInput } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import { PromotePersonInput } from "../src/Promotion.js"
import { PromotionRepo } from "../src/PromotionRepo.js"
import {
  assessmentInput,
  failureOf,
  hirePeople,
  ladderV1,
  openCompetencies,
  publishLadder,
  type TestCompetencies,
} from "./support.js"

const promote = (person: Person, level: string, ladderKey = "support", rationale = "Ready, per the matrix.") =>
  Effect.flatMap(PromotionRepo, (r) =>
    r.promote(
      Schema.decodeUnknownSync(PromotePersonInput)({
        personId: encodeGlobalID("Person", person.id),
        ladderKey,
        level,
        rationale,
      }),
    ),
  )

describe.each(testDialects())("PromotionRepo on %s", (dialect) => {
  let app: TestCompetencies
  let ana: Person
  beforeEach(async () => {
    app = await openCompetencies(dialect)
    await app.run(publishLadder(ladderV1))
    ;[ana] = (await app.run(hirePeople("ana"))) as [Person]
  })
  afterEach(async () => {
    await app.close()
  })

  const assess = (competency: string, rating: string) =>
    app.run(
      Effect.flatMap(AssessmentRepo, (r) =>
        r.record(assessmentInput({ personId: ana.id, competency, raterKind: "manager", rating })),
      ),
    )

  it("records promotions with where from, the rationale and the readiness at that moment", async () => {
    const first = await app.run(promote(ana, "css1", "support", "  Hired as css1. "))
    expect(first).toMatchObject({
      personId: ana.id,
      ladderKey: "support",
      version: 1,
      from: null,
      to: "css1",
      rationale: "Hired as css1.",
    })
    expect(first.readiness).toMatchObject({ level: "css1", ready: false, met: 0, total: 2 })

    await assess("communication", "proficient")
    await assess("troubleshooting", "practising")
    await assess("mentoring", "learning")
    const second = await app.run(promote(ana, "css2"))
    expect(second.from).toEqual({ ladderKey: "support", version: 1, level: "css1" })
    expect(second.readiness).toMatchObject({
      ladderKey: "support",
      version: 1,
      level: "css2",
      levelTitle: "Customer Support Specialist II",
      ready: true,
      explanation: "ready for css2: all 3 competencies met",
    })

    // Later ratings do not change the snapshot kept with the promotion.
    await assess("communication", "learning")
    const history = await app.run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople([ana.id])))
    expect(history.map((p) => [p.to, p.readiness.ready])).toEqual([
      ["css1", false],
      ["css2", true],
    ])
    expect(history[1]).toEqual(second)
  })

  it("refuses the level the person holds already", async () => {
    await app.run(promote(ana, "css1"))
    expect(failureOf(await app.exit(promote(ana, "css1")))).toEqual(
      new ConflictError({ message: 'ana@x.com is already at level "css1" of ladder "support"' }),
    )
  })

  it("refuses an unknown person, ladder and level", async () => {
    const ghost = { ...ana, id: "ghost" } as Person
    expect(failureOf(await app.exit(promote(ghost, "css1")))).toMatchObject({ entity: "Person", key: "ghost" })
    expect(failureOf(await app.exit(promote(ana, "css1", "sales")))).toEqual(
      new NotFoundError({ entity: "Ladder", key: "sales", message: 'no published ladder "sales"' }),
    )
    expect(failureOf(await app.exit(promote(ana, "css9")))).toEqual(
      new NotFoundError({
        entity: "Level",
        key: "css9",
        message: 'ladder "support" version 1 has no level "css9" (levels: css1, css2)',
      }),
    )
    expect(await app.run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople([ana.id])))).toEqual([])
  })

  it("refuses a person who left", async () => {
    await app.run(
      Effect.flatMap(PersonRepo, (r) =>
        r.recordDeparture(
          Schema.decodeUnknownSync(RecordDepartureInput)({
            personId: encodeGlobalID("Person", ana.id),
            leftOn: "2025-06-30",
          }),
        ),
      ),
    )
    expect(failureOf(await app.exit(promote(ana, "css1")))).toEqual(
      new ConflictError({ message: "ana@x.com left on 2025-06-30: a person who left cannot be promoted" }),
    )
  })
})
