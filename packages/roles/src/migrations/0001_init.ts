import { isPostgres, type Migration } from "@teamops/core"
import { sql } from "kysely"

// Ladder keys order lists; PostgreSQL must compare them bytewise as SQLite does.
const binary = (db: Parameters<Migration["up"]>[0]) => (isPostgres(db) ? sql`collate "C"` : sql``)

export const init: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("roles_ladders")
      .addColumn("key", "text", (c) => c.primaryKey().modifyFront(binary(db)))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text")
      .addColumn("team_key", "text")
      .execute()
    await db.schema
      .createTable("roles_ladder_versions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("ladder_key", "text", (c) => c.notNull().references("roles_ladders.key").modifyFront(binary(db)))
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
