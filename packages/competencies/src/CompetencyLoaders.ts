import { groupedLoader, type RequestContext, requestLoader } from "@teamops/core"
import { Effect } from "effect"
import type { CompetencyAt } from "./Assessment.js"
import { AssessmentRepo } from "./AssessmentRepo.js"
import { CompetencyHistory } from "./CompetencyHistory.js"
import type { PersonNextLevel } from "./NextLevel.js"
import { currentLevel, type LevelAt } from "./Promotion.js"
import { PromotionRepo } from "./PromotionRepo.js"
import { ReadinessReader } from "./ReadinessReader.js"

// The request loaders of competencies' types, and of the readiness inputs other plugins
// show: a person's promotions and current level, their next level, their readiness.

/** Every promotion of each person, oldest first. */
export const promotionsLoader = groupedLoader(
  "competencies",
  "promotions",
  (ids) => Effect.flatMap(PromotionRepo, (r) => r.ofPeople(ids)),
  (p) => p.personId,
)

/** Every promotion of each person without its readiness snapshot, oldest first. */
export const promotionStepsLoader = groupedLoader(
  "competencies",
  "promotionSteps",
  (ids) => Effect.flatMap(PromotionRepo, (r) => r.stepsOfPeople(ids)),
  (p) => p.personId,
)

/** The level of a person's latest promotion, or undefined before the first. */
export const loadCurrentLevel = async (context: RequestContext, personId: string): Promise<LevelAt | undefined> =>
  currentLevel(await promotionStepsLoader(context).load(personId))

/** The evidence of each assessment. */
export const evidenceLoader = groupedLoader(
  "competencies",
  "evidence",
  (ids) => Effect.flatMap(AssessmentRepo, (r) => r.evidenceOf(ids)),
  (e) => e.assessmentId,
)

const currentKeysLoader = requestLoader("competencies", "currentKeys", (keys: ReadonlyArray<string>) =>
  Effect.flatMap(CompetencyHistory, (h) => h.currentKeys(keys.map((key) => JSON.parse(key) as CompetencyAt))),
)

/** The keys a competency recorded against a ladder version has in the latest version. */
export const loadCurrentKeys = (context: RequestContext, recorded: CompetencyAt) =>
  currentKeysLoader(context).load(
    JSON.stringify({ ladderKey: recorded.ladderKey, version: recorded.version, competency: recorded.competency }),
  )

/** Where the ratings of a competency of today were recorded, under whatever key. */
export const recordedAsLoader = requestLoader("competencies", "recordedAs", (competencies: ReadonlyArray<string>) =>
  Effect.flatMap(CompetencyHistory, (h) => h.recordedAs(competencies)),
)

const nextLevelLoader = requestLoader("competencies", "nextLevel", (keys: ReadonlyArray<string>) =>
  Effect.flatMap(ReadinessReader, (r) =>
    r.nextLevels(keys.map((key) => (JSON.parse(key) as LevelAt | null) ?? undefined)),
  ),
)

/** The next level of a person at `current`, or why there is none. */
export const loadNextLevel = (context: RequestContext, current: LevelAt | undefined): Promise<PersonNextLevel> =>
  nextLevelLoader(context).load(JSON.stringify(current ?? null))

/** The readiness of people for level `targetLevel` (of `ladder`, or of each person's ladder). */
export const readinessLoader = (targetLevel: string, ladder: string | undefined) =>
  requestLoader(
    "competencies",
    `readiness:${JSON.stringify([targetLevel, ladder ?? null])}`,
    (ids: ReadonlyArray<string>) => Effect.flatMap(ReadinessReader, (r) => r.forPeople(ids, targetLevel, ladder)),
  )

/** The readiness of people for their next level, or why they have none. */
export const nextReadinessLoader = requestLoader("competencies", "readiness:next", (keys: ReadonlyArray<string>) =>
  Effect.flatMap(ReadinessReader, (r) => r.forNextLevel(keys.map((key) => JSON.parse(key)))),
)
