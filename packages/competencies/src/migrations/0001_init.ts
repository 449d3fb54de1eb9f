import { binaryCollation, dialectOf, type Migration } from "@teamops/core"
import { sql } from "kysely"

export const init: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("competencies_assessments")
      .addColumn("id", dialectOf(db).serialId.type, dialectOf(db).serialId.column)
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("ladder_key", "text", (c) =>
        c.notNull().references("roles_ladders.key").modifyFront(binaryCollation(db)),
      )
      .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
      .addColumn("competency", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("rater_kind", "text", (c) => c.notNull().check(sql`rater_kind in ('self', 'manager', 'peer')`))
      .addColumn("rating", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("rater_email", "text")
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("competencies_assessments_person")
      .on("competencies_assessments")
      .columns(["person_id", "id"])
      .execute()
    await db.schema
      .createIndex("competencies_assessments_latest")
      .on("competencies_assessments")
      .columns(["person_id", "ladder_key", "version", "competency", "rater_kind", "recorded_at"])
      .execute()

    await db.schema
      .createTable("competencies_evidence")
      .addColumn("id", dialectOf(db).serialId.type, dialectOf(db).serialId.column)
      .addColumn("assessment_id", "integer", (c) => c.notNull().references("competencies_assessments.id"))
      .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('link', 'note')`))
      .addColumn("url", "text")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("source", "text")
      .addColumn("added_at", "text", (c) => c.notNull())
      .addCheckConstraint(
        "competencies_evidence_url",
        sql`(kind = 'link' and url is not null) or (kind = 'note' and url is null)`,
      )
      .execute()
    await db.schema
      .createIndex("competencies_evidence_assessment")
      .on("competencies_evidence")
      .columns(["assessment_id", "id"])
      .execute()

    await db.schema
      .createTable("competencies_promotions")
      .addColumn("id", dialectOf(db).serialId.type, dialectOf(db).serialId.column)
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("ladder_key", "text", (c) =>
        c.notNull().references("roles_ladders.key").modifyFront(binaryCollation(db)),
      )
      .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
      .addColumn("from_ladder_key", "text", (c) => c.modifyFront(binaryCollation(db)))
      .addColumn("from_version", "integer")
      .addColumn("from_level", "text")
      .addColumn("to_level", "text", (c) => c.notNull())
      .addColumn("rationale", "text", (c) => c.notNull())
      .addColumn("readiness", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("competencies_promotions_person")
      .on("competencies_promotions")
      .columns(["person_id", "at", "id"])
      .execute()
  },
}
