import { binaryCollation, type Migration } from "@teamops/core"

/**
 * The contributed ladder files already published: a file the boot finds here, unchanged and
 * still behind the latest version of its ladder, is not read again (see ContributedLadders.ts).
 */
export const contributedLadders: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("roles_contributed_ladders")
      .addColumn("ladder_key", "text", (c) =>
        c.primaryKey().references("roles_ladders.key").modifyFront(binaryCollation(db)),
      )
      .addColumn("source_digest", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .execute()
  },
}
