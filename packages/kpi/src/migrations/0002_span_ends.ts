import type { Migration } from "@teamops/core"

/**
 * Lets the spans that meet a window be found from the window's start: by their end (or as
 * still running), rather than by scanning every span that started before the window's end.
 */
export const spanEnds: Migration = {
  up: async (db) => {
    await db.schema.createIndex("kpi_spans_end").on("kpi_spans").columns(["end_at", "start_at"]).execute()
  },
}
