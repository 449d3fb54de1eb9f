import { binaryCollation, type Migration } from "@teamops/core"

/** The values of plugin metrics, one row per `metric.observed` event, read by metric and instant. */
export const observations: Migration = {
  up: async (db) => {
    await db.schema
      .createTable("kpi_observations")
      .addColumn("event_id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("metric", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("seq", "bigint", (c) => c.notNull())
      .addColumn("person_email", "text")
      .addColumn("team_key", "text")
      .addColumn("value", "double precision", (c) => c.notNull())
      .execute()
    await db.schema.createIndex("kpi_observations_metric").on("kpi_observations").columns(["metric", "at"]).execute()
  },
}
