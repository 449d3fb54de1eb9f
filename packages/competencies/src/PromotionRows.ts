import type { DbError, DbService } from "@teamops/core"
import { Effect, Schema } from "effect"
import type { Kysely } from "kysely"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import type { Promotion } from "./Promotion.js"
import { Readiness } from "./Readiness.js"

type Row = CompetenciesDatabase["competencies_promotions"]

// The snapshot was encoded from a decoded Readiness when it was written.
const decodeReadiness = Schema.decodeSync(Schema.parseJson(Readiness))
export const encodeReadiness = Schema.encodeSync(Schema.parseJson(Readiness))

export const toPromotion = (row: Omit<Row, "id"> & { id: number }): Promotion => ({
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
  readiness: decodeReadiness(row.readiness),
  at: row.at,
  effectiveOn: row.effective_on,
})

/** Every promotion of the people, oldest first per person, in one statement. */
export const promotionsOf = (
  db: DbService,
  personIds: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<Promotion>, DbError> =>
  db
    .query((k: Kysely<CompetenciesDatabase>) =>
      personIds.length === 0
        ? Promise.resolve([])
        : k
            .selectFrom("competencies_promotions")
            .selectAll()
            .where("person_id", "in", personIds)
            .orderBy("person_id")
            .orderBy("effective_on")
            .orderBy("at")
            .orderBy("id")
            .execute(),
    )
    .pipe(Effect.map((rows) => rows.map(toPromotion)))
