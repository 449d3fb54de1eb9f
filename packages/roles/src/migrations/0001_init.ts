import { binaryCollation, type Migration } from "@teamops/core"
import { sql } from "kysely"

export const init: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("roles_ladders")
      .addColumn("key", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("team_key", "text")
      .execute()
    await db.schema
      .createTable("roles_ladder_versions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("ladder_key", "text", (c) =>
        c.notNull().references("roles_ladders.key").modifyFront(binaryCollation(db)),
      )
      .addColumn("version", "integer", (c) => c.check(sql`version >= 1`))
      .addColumn("document", "text", (c) => c.notNull())
      .addColumn("effective", "text", (c) => c.notNull())
      .addColumn("base_version", "integer")
      .addColumn("saved_at", "text", (c) => c.notNull())
      .addColumn("published_at", "text")
      .addCheckConstraint(
        "roles_ladder_versions_published",
        sql`(version is null and published_at is null) or (version is not null and published_at is not null)`,
      )
      .execute()
    await db.schema
      .createIndex("roles_ladder_versions_version")
      .on("roles_ladder_versions")
      .columns(["ladder_key", "version"])
      .unique()
      .execute()
    // One draft per ladder.
    await db.schema
      .createIndex("roles_ladder_versions_draft")
      .on("roles_ladder_versions")
      .column("ladder_key")
      .unique()
      .where(sql.ref("version"), "is", null)
      .execute()
  },
}
