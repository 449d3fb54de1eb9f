import { binaryCollation, dialectOf, type Migration } from "@teamops/core"
import { sql } from "kysely"

export const init: Migration = {
  up: async (db) => {
    const serial = dialectOf(db).serialId
    await db.schema
      .createTable("aor_areas")
      .addColumn("id", serial.type, serial.column)
      .addColumn("key", "text", (c) => c.notNull().unique().modifyFront(binaryCollation(db)))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("purpose", "text", (c) => c.notNull())
      .addColumn("team_id", "text", (c) => c.notNull().references("org_teams.id"))
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("weekly_hours", "real", (c) => c.notNull().check(sql`weekly_hours > 0 and weekly_hours <= 40`))
      .addColumn("decisions", "text", (c) => c.notNull())
      .addColumn("competencies", "text", (c) => c.notNull())
      .addColumn("review_every_days", "integer", (c) => c.notNull().check(sql`review_every_days >= 1`))
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'retired')`))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("retired_at", "text")
      .execute()
    await db.schema.createIndex("aor_areas_team").on("aor_areas").columns(["team_id", "key"]).execute()

    await db.schema
      .createTable("aor_ownerships")
      .addColumn("id", serial.type, serial.column)
      .addColumn("area_id", "integer", (c) => c.notNull().references("aor_areas.id"))
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("team_id", "text", (c) => c.notNull().references("org_teams.id"))
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .addColumn("note", "text", (c) => c.notNull())
      .execute()
    // One owner at a time: at most one open ownership per area, whatever writes race.
    await db.schema
      .createIndex("aor_ownerships_one_open")
      .on("aor_ownerships")
      .column("area_id")
      .unique()
      .where(sql.ref("ended_at"), "is", null)
      .execute()
    await db.schema
      .createIndex("aor_ownerships_person")
      .on("aor_ownerships")
      .columns(["person_id", "area_id"])
      .execute()
    await db.schema.createIndex("aor_ownerships_area").on("aor_ownerships").columns(["area_id", "started_at"]).execute()

    await db.schema
      .createTable("aor_contributions")
      .addColumn("id", serial.type, serial.column)
      .addColumn("area_id", "integer", (c) => c.notNull().references("aor_areas.id"))
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("weekly_hours", "real", (c) => c.notNull().check(sql`weekly_hours > 0 and weekly_hours <= 40`))
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .execute()
    await db.schema
      .createIndex("aor_contributions_one_open")
      .on("aor_contributions")
      .columns(["area_id", "person_id"])
      .unique()
      .where(sql.ref("ended_at"), "is", null)
      .execute()
    await db.schema
      .createIndex("aor_contributions_person")
      .on("aor_contributions")
      .columns(["person_id", "area_id"])
      .execute()

    await db.schema
      .createTable("aor_work")
      .addColumn("id", serial.type, serial.column)
      .addColumn("area_id", "integer", (c) => c.notNull().references("aor_areas.id"))
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("recorded_at", "text", (c) => c.notNull())
      .execute()
    await db.schema.createIndex("aor_work_area").on("aor_work").columns(["area_id", "date", "id"]).execute()
    await db.schema.createIndex("aor_work_person").on("aor_work").columns(["person_id", "date"]).execute()

    await db.schema
      .createTable("aor_confirmations")
      .addColumn("id", serial.type, serial.column)
      .addColumn("area_id", "integer", (c) => c.notNull().references("aor_areas.id"))
      .addColumn("person_id", "text", (c) => c.notNull().references("org_people.id"))
      .addColumn("confirmed_at", "text", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("aor_confirmations_area")
      .on("aor_confirmations")
      .columns(["area_id", "confirmed_at"])
      .execute()
  },
}
