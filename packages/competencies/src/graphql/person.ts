import { type Builder, batchedConnection, fieldError, InputError, localDate, type SchemaKit } from "@teamops/core"
import { type Person, PersonRef } from "@teamops/org"
import { LevelRef } from "@teamops/roles"
import { Effect, Either } from "effect"
import { AssessmentRepo } from "../AssessmentRepo.js"
import {
  loadCurrentLevel,
  loadNextLevel,
  nextReadinessLoader,
  promotionStepsLoader,
  promotionsLoader,
  readinessLoader,
  recordedAsLoader,
} from "../CompetencyLoaders.js"
import { daysInLevel } from "../Promotion.js"
import type { ReadinessFailure } from "../ReadinessReader.js"
import { levelOf } from "./levels.js"
import { AssessmentRef, type competenciesTypes } from "./types.js"

/** A readiness failure as the field error of the argument at fault. */
const readinessError = (failure: ReadinessFailure) =>
  fieldError(
    failure,
    failure._tag === "InputError" ? failure.path.join(".") : failure.entity === "Ladder" ? "ladder" : "targetLevel",
  )

/**
 * A field of a person's career data: seen by the person, anyone above them in the reporting
 * lines, and admins. Anyone else reads what a person without such data would show (`empty`),
 * so nothing tells them it exists; the denial is audited.
 */
const careerData = <T>(empty: () => T) => ({
  authScopes: (person: Person) => ({ careerOf: person.id }),
  unauthorizedResolver: empty,
})

const noAssessments = () => ({
  edges: [],
  totalCount: 0,
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
})

/** Where a person stands: level, history, time in level, next level, assessments, readiness. */
export const personFields = (
  builder: Builder,
  { invariant }: SchemaKit,
  { PromotionType, ReadinessType }: ReturnType<typeof competenciesTypes>,
) => {
  // Readiness for the person's next level: null when there is none.
  const nextReadiness = async (person: Person, ladder: string | undefined, context: any) => {
    const current = await loadCurrentLevel(context, person.id)
    if (ladder !== undefined && current !== undefined && current.ladderKey !== ladder) {
      const message = `the next level of ${person.email} is on ladder "${current.ladderKey}", not "${ladder}": name a level of "${ladder}" with targetLevel`
      throw fieldError(new InputError({ path: ["ladder"], message }), "ladder")
    }
    const answer = await nextReadinessLoader(context).load(JSON.stringify({ personId: person.id, current }))
    if (Either.isRight(answer)) return answer.right
    if (answer.left._tag === "NoNextLevel") return null
    throw readinessError(answer.left)
  }

  builder.objectFields(PersonRef, (t) => ({
    currentLevel: t.field({
      type: LevelRef,
      nullable: true,
      description: "The level of the person's latest promotion; null before the first.",
      resolve: async (person, _, context) => {
        const current = await loadCurrentLevel(context, person.id)
        return current === undefined ? null : levelOf(context, current, invariant)
      },
    }),
    levelHistory: t.field({
      type: [PromotionType],
      ...careerData(() => []),
      description: "Every level change of the person, oldest first (by the day it took effect).",
      resolve: (person, _, context) => promotionsLoader(context).load(person.id),
    }),
    timeInLevel: t.int({
      nullable: true,
      ...careerData(() => null),
      description:
        "Whole days since the day the latest promotion took effect, as of today in the person's time zone; null before the first.",
      resolve: async (person, _, context) => {
        const promotions = await promotionStepsLoader(context).load(person.id)
        return daysInLevel(promotions, localDate(Date.now(), person.timeZone)) ?? null
      },
    }),
    nextLevel: t.field({
      type: LevelRef,
      nullable: true,
      description:
        "The level a promotion leads to from the current level, in the latest version of its ladder: on the same track when several promotions leave it. Null before the first promotion and at the top of a track.",
      resolve: async (person, _, context) => {
        const next = await loadNextLevel(context, await loadCurrentLevel(context, person.id))
        return next._tag === "next" ? { ladderKey: next.ladderKey, version: next.version, level: next.level } : null
      },
    }),
    assessments: t.connection({
      type: AssessmentRef,
      // Pothos types a connection's fallback as its node; an empty connection is what it resolves to.
      ...careerData(() => noAssessments() as never),
      description:
        "The person's assessments, the latest observed first; `competency` keeps those of that competency in the latest version of its ladder, under whatever key they were recorded.",
      args: { competency: t.arg.string({ required: false }) },
      resolve: async (person, args, context) => {
        const competency = args.competency ?? undefined
        const filter = {
          matches: competency === undefined ? undefined : await recordedAsLoader(context).load(competency),
        }
        return batchedConnection(context, person.id, args, {
          owner: "competencies",
          name: `assessments:${competency ?? ""}`,
          page: (ids, page) => Effect.flatMap(AssessmentRepo, (r) => r.listFor(ids, page, filter)),
          counts: (ids) => Effect.flatMap(AssessmentRepo, (r) => r.countsFor(ids, filter)),
          parentOf: (a) => a.personId,
          cursorOf: (a) => [a.observedOn, a.id],
        })
      },
    }),
    readiness: t.field({
      type: ReadinessType,
      nullable: true,
      ...careerData(() => null),
      description:
        "Whether the person is ready for a level of the latest version of a ladder: by default the ladder of their current level, else the only ladder with that level. Without `targetLevel`, for the person's next level (see `nextLevel`); null when they have none.",
      args: {
        targetLevel: t.arg.string({ required: false }),
        ladder: t.arg.string({ required: false }),
      },
      resolve: async (person, args, context) => {
        const ladder = args.ladder ?? undefined
        if (args.targetLevel == null) return nextReadiness(person, ladder, context)
        const answer = await readinessLoader(args.targetLevel, ladder)(context).load(person.id)
        if (Either.isLeft(answer)) throw readinessError(answer.left)
        return answer.right
      },
    }),
  }))
}
