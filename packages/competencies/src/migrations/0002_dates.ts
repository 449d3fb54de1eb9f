import type { Migration } from "@teamops/core"
import { sql } from "kysely"

/**
 * The dates history is told by: the day an assessment was observed and the day a promotion
 * took effect, which an import of the past sets and which default to the day of recording.
 * Rows recorded before are given the (UTC) day they were recorded.
 */
export const dates: Migration = {
  up: async (db) => {
    await db.schema
      .alterTable("competencies_assessments")
      .addColumn("observed_on", "text", (c) => c.notNull().defaultTo(""))
      .execute()
    await sql`update competencies_assessments set observed_on = substr(recorded_at, 1, 10)`.execute(db)
    await db.schema
      .createIndex("competencies_assessments_observed")
      .on("competencies_assessments")
      .columns(["person_id", "observed_on", "id"])
      .execute()

    await db.schema
      .alterTable("competencies_promotions")
      .addColumn("effective_on", "text", (c) => c.notNull().defaultTo(""))
      .execute()
    await sql`update competencies_promotions set effective_on = substr(at, 1, 10)`.execute(db)
    await db.schema
      .createIndex("competencies_promotions_effective")
      .on("competencies_promotions")
      .columns(["person_id", "effective_on", "at", "id"])
      .execute()
  },
}
