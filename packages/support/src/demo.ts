import {
  AssessmentRepo,
  PromotePersonInput,
  PromotionRepo,
  type RaterKind,
  RecordAssessmentInput,
} from "@teamops/competencies"
import { encodeGlobalID } from "@teamops/core"
import { PersonRepo } from "@teamops/org"
import { Effect, Schema } from "effect"
import { seedAreas } from "./demoAreas.js"
import { type DemoRating, demoEmail, demoLevels, demoRatings } from "./demoPeople.js"

const ladderKey = "support"

const everyone = Effect.gen(function* () {
  const people = yield* PersonRepo
  const count = yield* people.count({})
  return count === 0 ? [] : (yield* people.list({ limit: count, after: undefined }, {})).map((p) => p.id)
})

/** True when nobody has a level or an assessment yet. */
export const supportIsEmpty = Effect.gen(function* () {
  const ids = yield* everyone
  const promotions = yield* Effect.flatMap(PromotionRepo, (repo) => repo.ofPeople(ids))
  const assessments = yield* Effect.flatMap(AssessmentRepo, (repo) => repo.countsFor(ids, {}))
  return promotions.length === 0 && assessments.size === 0
})

const ratingsOf = (rating: DemoRating, user: string, manager: string) =>
  (
    [
      ["manager", rating.manager, manager],
      ["self", rating.self, user],
    ] as const
  ).flatMap(([raterKind, step, rater]) =>
    step === undefined
      ? []
      : [
          {
            raterKind: raterKind as RaterKind,
            rating: step,
            raterEmail: demoEmail(rater),
            // The evidence and the note go with the manager's rating.
            ...(raterKind === "manager" && rating.note !== undefined ? { note: rating.note } : {}),
            ...(raterKind === "manager" && rating.evidence !== undefined ? { evidence: rating.evidence } : {}),
          },
        ],
  )

/**
 * Places the demo people of `org` on the Customer Support ladder and records the ratings of
 * three css1 specialists, through the competencies services, and gives the organisation its
 * areas of responsibility (see {@link seedAreas}). Adds only what is missing: a
 * level a person already had, or ratings for a person who has any, are left alone. People
 * the organisation does not have are skipped.
 */
export const seedSupport = Effect.gen(function* () {
  const people = yield* PersonRepo
  const promotions = yield* PromotionRepo
  const assessments = yield* AssessmentRepo

  for (const [user, levels] of demoLevels) {
    const person = yield* people.byEmail(demoEmail(user))
    if (person === undefined) continue
    const held = new Set((yield* promotions.ofPeople([person.id])).map((p) => `${p.ladderKey}/${p.to}`))
    for (const { level, rationale } of levels) {
      if (held.has(`${ladderKey}/${level}`)) continue
      const input = Schema.decodeUnknownSync(PromotePersonInput)({
        personId: encodeGlobalID("Person", person.id),
        ladderKey,
        level,
        rationale,
      })
      yield* promotions.promote(input)
    }
  }

  for (const [user, manager, ratings] of demoRatings) {
    const person = yield* people.byEmail(demoEmail(user))
    if (person === undefined) continue
    if ((yield* assessments.countsFor([person.id], {})).size > 0) continue
    for (const rating of ratings) {
      for (const given of ratingsOf(rating, user, manager)) {
        const input = Schema.decodeUnknownSync(RecordAssessmentInput)({
          personId: encodeGlobalID("Person", person.id),
          ladderKey,
          competency: rating.competency,
          ...given,
        })
        yield* assessments.record(input)
      }
    }
  }
  yield* seedAreas
})
