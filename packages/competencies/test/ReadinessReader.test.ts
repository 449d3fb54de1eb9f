import type { Person } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Either } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import { ReadinessReader } from "../src/ReadinessReader.js"
import { assessmentInput, ladderV1, ladderV2, openWithPeople, publishLadder, type TestCompetencies } from "./support.js"

const other = ladderV1.replace("key: support\nname: Support Ladder", "key: other\nname: Other Ladder")

describe.each(testDialects())("ReadinessReader on %s", (dialect) => {
  let app: TestCompetencies
  let ana: Person
  let ben: Person
  beforeEach(async () => {
    const opened = await openWithPeople(dialect, "ana", "ben")
    app = opened.app
    ;[ana, ben] = opened.people as [Person, Person]
  })
  afterEach(async () => {
    await app.close()
  })

  const assess = (person: Person, competency: string, rating: string, version?: number) =>
    app.run(
      Effect.flatMap(AssessmentRepo, (r) =>
        r.record(
          assessmentInput({
            personId: person.id,
            competency,
            raterKind: "manager",
            rating,
            ...(version === undefined ? {} : { version }),
          }),
        ),
      ),
    )
  const forPeople = (people: ReadonlyArray<Person>, level: string, ladder?: string) =>
    app.run(
      Effect.flatMap(ReadinessReader, (r) =>
        r.forPeople(
          people.map((p) => p.id),
          level,
          ladder,
        ),
      ),
    )

  it("reads readiness per person against the latest version, mapping old ratings forward", async () => {
    await assess(ana, "troubleshooting", "practising")
    await assess(ana, "communication", "proficient")
    await app.run(publishLadder(ladderV2))
    await assess(ana, "mentoring", "learning")
    const [forAna, forBen] = await forPeople([ana, ben], "css2")
    expect(Either.isRight(forAna!) && forAna.right).toMatchObject({
      version: 2,
      ready: true,
      explanation: "ready for css2: all 3 competencies met",
    })
    expect(Either.isRight(forBen!) && forBen.right.explanation).toBe(
      "not ready for css2: 0 of 3 competencies met; missing: communication (expected proficient, not assessed by a manager), diagnosis (expected practising, not assessed by a manager), mentoring (expected learning, not assessed by a manager)",
    )
  })

  it("counts only the ratings of the ladder asked about", async () => {
    await app.run(publishLadder(other))
    await assess(ana, "communication", "expert")
    const [inOther] = await forPeople([ana], "css1", "other")
    expect(Either.isRight(inOther!) && inOther.right.competencies[0]?.manager).toBeNull()
  })

  it("answers a failure per person for an unknown ladder or level, or a level several ladders have", async () => {
    const [noLadder] = await forPeople([ana], "css1", "sales")
    expect(Either.isLeft(noLadder!) && noLadder.left).toMatchObject({ entity: "Ladder", key: "sales" })
    const [noLevel] = await forPeople([ana], "css9")
    expect(Either.isLeft(noLevel!) && noLevel.left.message).toBe('no published ladder has a level "css9"')
    const [badLevel] = await forPeople([ana], "css9", "support")
    expect(Either.isLeft(badLevel!) && badLevel.left).toMatchObject({ entity: "Level", key: "css9" })
    await app.run(publishLadder(other))
    const [both] = await forPeople([ana], "css1")
    expect(Either.isLeft(both!) && both.left).toMatchObject({
      _tag: "InputError",
      path: ["ladder"],
      message: 'several ladders have a level "css1" (other, support): name one with ladder',
    })
    expect(await forPeople([], "css1")).toEqual([])
  })
})
