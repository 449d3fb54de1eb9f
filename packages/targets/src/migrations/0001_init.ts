import { dialectOf, type Migration } from "@teamops/core"

/** The versions of targets, each in force from its instant until the next of the same target. */
export const init: Migration = {
  up: async (db) => {
    const serial = dialectOf(db).serialId
    await db.schema
      .createTable("targets_versions")
      .addColumn("id", serial.type, serial.column)
      .addColumn("metric", "text", (c) => c.notNull())
      .addColumn("statistic", "text", (c) => c.notNull())
      .addColumn("scope_kind", "text", (c) => c.notNull())
      .addColumn("scope_key", "text", (c) => c.notNull())
      .addColumn("complexity", "text", (c) => c.notNull())
      .addColumn("has_good", "integer", (c) => c.notNull())
      .addColumn("good_min", "double precision")
      .addColumn("good_max", "double precision")
      .addColumn("acceptable_min", "double precision")
      .addColumn("acceptable_max", "double precision")
      .addColumn("effective_from", "bigint", (c) => c.notNull())
      .addColumn("set_at", "bigint", (c) => c.notNull())
      .execute()
  },
}
