import type { Migration } from "@teamops/core"

/**
 * Conversations by the instant they were created: what a read of the conversations customers
 * started in a window (a team's coverage of its hours) looks them up by.
 */
export const conversationStarts: Migration = {
  up: async (db) => {
    await db.schema.createIndex("kpi_conversations_created").on("kpi_conversations").column("created_at").execute()
  },
}
