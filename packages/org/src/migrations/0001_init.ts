import { binaryCollation, type Migration } from "@teamops/core"
import { sql } from "kysely"

export const init: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("org_teams")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("key", "text", (c) => c.notNull().unique().modifyFront(binaryCollation(db)))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("parent_id", "text", (c) => c.references("org_teams.id"))
      .execute()
    await db.schema.createIndex("org_teams_parent").on("org_teams").columns(["parent_id", "key"]).execute()
    await db.schema
      .createTable("org_people")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("email", "text", (c) => c.notNull().unique().modifyFront(binaryCollation(db)))
      .addColumn("time_zone", "text", (c) => c.notNull())
      .addColumn("working_hours", "text", (c) => c.notNull())
      .addColumn("hire_date", "text", (c) => c.notNull())
      .addColumn("team_id", "text", (c) => c.notNull().references("org_teams.id"))
      .addColumn("manager_id", "text", (c) => c.references("org_people.id"))
      .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'left')`))
      .addColumn("left_on", "text")
      .execute()
    await db.schema.createIndex("org_people_team").on("org_people").columns(["team_id", "email"]).execute()
    await db.schema.createIndex("org_people_manager").on("org_people").column("manager_id").execute()
  },
}
