import type { Migrations } from "@teamops/core"

/** The host's own tables, migrated before any plugin's. */
export const hostMigrations: Migrations = {
  "0001_plugins": {
    // Which version of each plugin last migrated this database: a later boot with an
    // older plugin version can then be told apart from a fresh install.
    up: async (db) => {
      await db.schema
        .createTable("teamops_plugins")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("migrated_at", "text", (c) => c.notNull())
        .execute()
    },
  },
}
