import type { Migration } from "@teamops/core"

/**
 * Salaries, for the cost of turnover: a person's annual salary and a team's default for its
 * people without one, in the organisation's currency. Both optional; `double precision` is a
 * float of 8 bytes on PostgreSQL, read back as a number, and a real on SQLite.
 */
export const salaries: Migration = {
  up: async (db) => {
    await db.schema.alterTable("org_people").addColumn("annual_salary", "double precision").execute()
    await db.schema.alterTable("org_teams").addColumn("default_annual_salary", "double precision").execute()
  },
}
