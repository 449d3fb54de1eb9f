import type { Migration } from "@teamops/core"

/**
 * A rating can be withdrawn by the person who gave it: it stays in the history, marked with
 * the instant it was withdrawn, and leaves readiness.
 */
export const withdrawal: Migration = {
  up: async (db) => {
    await db.schema.alterTable("competencies_assessments").addColumn("withdrawn_at", "text").execute()
  },
}
