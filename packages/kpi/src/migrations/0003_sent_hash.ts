import type { Migration } from "@teamops/core"

/**
 * A hash of each event as it was sent, so that a resend of the same text is recognised
 * without decoding it. Events stored before have none: a resend of them is decoded and
 * compared by content, as before.
 */
export const sentHash: Migration = {
  up: async (db) => {
    await db.schema.alterTable("kpi_events").addColumn("sent_hash", "text").execute()
  },
}
