import type { DbError, DbService } from "@teamops/core"
import { Effect, Schema } from "effect"
import type { Kysely } from "kysely"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import type { Promotion, PromotionStep } from "./Promotion.js"
import { Readiness } from "./Readiness.js"

type Row = CompetenciesDatabase["competencies_promotions"]

// The snapshot was encoded from a decoded Readiness when it was written.
export const decodeReadiness = Schema.decodeSync(Schema.parseJson(Readiness))
export const encodeReadiness = Schema.encodeSync(Schema.parseJson(Readiness))

type StepRow = Omit<Row, "id" | "readiness"> & { id: number }

const toStep = (row: StepRow): PromotionStep => ({
  id: String(row.id),
  personId: row.person_id,
  ladderKey: row.ladder_key,
  version: Number(row.version),
  from:
    row.from_ladder_key === null || row.from_version === null || row.from_level === null
      ? null
      : { ladderKey: row.from_ladder_key, version: Number(row.from_version), level: row.from_level },
  to: row.to_level,
  rationale: row.rationale,
  at: row.at,
  effectiveOn: row.effective_on,
})

export const toPromotion = (row: StepRow & { readiness: string }): Promotion => ({
  ...toStep(row),
  readiness: decodeReadiness(row.readiness),
})

const stepColumns = [
  "id",
  "person_id",
  "ladder_key",
  "version",
  "from_ladder_key",
  "from_version",
  "from_level",
  "to_level",
  "rationale",
  "at",
  "effective_on",
] as const

/** The promotions of the people, oldest first per person, with or without their readiness snapshots. */
const rowsOf = (db: DbService, personIds: ReadonlyArray<string>, withReadiness: boolean) =>
  db.query((k: Kysely<CompetenciesDatabase>) =>
    personIds.length === 0
      ? Promise.resolve([])
      : k
          .selectFrom("competencies_promotions")
          .select(stepColumns)
          .$if(withReadiness, (q) => q.select("readiness"))
          .where("person_id", "in", personIds)
          .orderBy("person_id")
          .orderBy("effective_on")
          .orderBy("at")
          .orderBy("id")
          .execute(),
  )

/** Every promotion of the people, oldest first per person, in one statement. */
export const promotionsOf = (
  db: DbService,
  personIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<Promotion>, DbError> =>
  Effect.map(rowsOf(db, personIds, true), (rows) =>
    rows.map((row) => toPromotion(row as StepRow & { readiness: string })),
  )

/**
 * Every promotion of the people without the readiness snapshots, in one statement: a
 * snapshot weighs far more than the step, and levels and time in level do not read it.
 */
export const stepsOf = (
  db: DbService,
  personIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<PromotionStep>, DbError> =>
  Effect.map(rowsOf(db, personIds, false), (rows) => rows.map(toStep))
