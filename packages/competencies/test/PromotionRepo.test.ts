import { ConflictError, encodeGlobalID, InputError, NotFoundError } from "@teamops/core"
import { type Person, PersonRepo, RecordDepartureInput } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import { PromotePersonInput } from "../src/Promotion.js"
import { PromotionRepo } from "../src/PromotionRepo.js"
import { assessmentInput, failureOf, openWithPeople, type TestCompetencies } from "./support.js"

const promote = (
  person: Person,
  level: string,
  ladderKey = "support",
  rationale = "Ready, per the matrix.",
  effectiveOn?: string,
) =>
  Effect.flatMap(PromotionRepo, (r) =>
    r.promote(
      Schema.decodeUnknownSync(PromotePersonInput)({
        personId: encodeGlobalID("Person", person.id),
        ladderKey,
        level,
        rationale,
        effectiveOn,
      }),
    ),
  )

const on = (person: Person, level: string, effectiveOn: string) =>
  promote(person, level, "support", "Ready, per the matrix.", effectiveOn)

const today = () => new Date().toISOString().slice(0, 10)

describe.each(testDialects())("PromotionRepo on %s", (dialect) => {
  let app: TestCompetencies
  let ana: Person
  beforeEach(async () => {
    const opened = await openWithPeople(dialect, "ana")
    app = opened.app
    ;[ana] = opened.people as [Person]
  })
  afterEach(async () => {
    await app.close()
  })

  const assess = (competency: string, rating: string, observedOn?: string) =>
    app.run(
      Effect.flatMap(AssessmentRepo, (r) =>
        r.record(assessmentInput({ personId: ana.id, competency, raterKind: "manager", rating, observedOn })),
      ),
    )

  const leave = (leftOn: string) =>
    app.run(
      Effect.flatMap(PersonRepo, (r) =>
        r.recordDeparture(
          Schema.decodeUnknownSync(RecordDepartureInput)({ personId: encodeGlobalID("Person", ana.id), leftOn }),
        ),
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

  describe("the day a promotion takes effect", () => {
    it("is today in the person's time zone unless given, and orders the level history", async () => {
      const now = await app.run(promote(ana, "css2"))
      expect(now.effectiveOn).toBe(today())
      expect(failureOf(await app.exit(on(ana, "css1", "2024-06-01")))).toEqual(
        new ConflictError({
          message: `ana@x.com was promoted to "css2" of ladder "support" on ${today()}: a promotion effective on 2024-06-01 would come before it, and promotions are recorded in order`,
        }),
      )
    })

    it("records promotions of the past in order, on the day given", async () => {
      const first = await app.run(on(ana, "css1", "2024-01-01"))
      const second = await app.run(on(ana, "css2", "2024-07-15"))
      expect([first.effectiveOn, second.effectiveOn]).toEqual(["2024-01-01", "2024-07-15"])
      expect(second.from).toEqual({ ladderKey: "support", version: 1, level: "css1" })
      const history = await app.run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople([ana.id])))
      expect(history.map((p) => [p.to, p.effectiveOn])).toEqual([
        ["css1", "2024-01-01"],
        ["css2", "2024-07-15"],
      ])
      // The same day as the latest is in order.
      expect((await app.run(on(ana, "css1", "2024-07-15"))).from?.level).toBe("css2")
    })

    it("refuses a day in the future or before the hire date, and stores nothing", async () => {
      const future = failureOf(await app.exit(on(ana, "css1", "2999-01-01")))
      expect(future).toBeInstanceOf(InputError)
      expect(future).toMatchObject({ path: ["input", "effectiveOn"] })
      expect(future.message).toBe(`input.effectiveOn: 2999-01-01 is in the future (today is ${today()} for ana@x.com)`)
      expect(failureOf(await app.exit(on(ana, "css1", "2023-12-31"))).message).toBe(
        "input.effectiveOn: 2023-12-31 is before the hire date 2024-01-01 of ana@x.com",
      )
      expect(await app.run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople([ana.id])))).toEqual([])
    })

    it("keeps the readiness of the ratings observed by that day", async () => {
      await assess("communication", "proficient", "2024-05-01")
      await assess("troubleshooting", "practising", "2024-05-01")
      await assess("mentoring", "learning", "2024-05-01")
      // Observed after the promotion: not part of why it was made.
      await assess("communication", "learning", "2024-09-01")
      await app.run(on(ana, "css1", "2024-01-01"))
      const backdated = await app.run(on(ana, "css2", "2024-06-01"))
      expect(backdated.readiness).toMatchObject({ level: "css2", ready: true, met: 3, total: 3 })
    })

    it("accepts a promotion of a person who left, effective before the departure, and no later", async () => {
      await leave("2025-06-30")
      expect((await app.run(on(ana, "css1", "2025-06-30"))).effectiveOn).toBe("2025-06-30")
      expect(failureOf(await app.exit(on(ana, "css2", "2025-07-01")))).toEqual(
        new ConflictError({
          message:
            "ana@x.com left on 2025-06-30: a promotion effective on 2025-07-01, after they left, cannot be recorded",
        }),
      )
    })
  })
})
