import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Db } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { createServer } from "@teamops/server"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { sql } from "kysely"
import { afterAll, describe, expect, it } from "vitest"
import { init } from "../src/migrations/0001_init.js"
import { competenciesPlugin } from "../src/plugin.js"
import { hirePeople, ladderV1, publishLadder } from "./support.js"

const folder = mkdtempSync(join(tmpdir(), "teamops-competencies-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// The plugin as it was before the dates of history: its first migration only.
const firstVersion = { ...competenciesPlugin, migrations: { "0001_init": init } }

describe.each(testDialects())("competencies migrations on %s", (dialect) => {
  it("gives the rows recorded before the dates of history the day they were recorded", async () => {
    const database =
      dialect === "sqlite" ? { url: join(folder, "migrated.db"), drop: async () => {} } : await testDatabase(dialect)
    try {
      const before = await createServer({ databaseUrl: database.url, plugins: [orgPlugin, rolesPlugin, firstVersion] })
      const run = <A, E>(effect: Effect.Effect<A, E, any>) => before.host.runtime.runPromise(effect)
      await run(publishLadder(ladderV1))
      const [ana] = await run(hirePeople("ana"))
      await run(
        Effect.flatMap(Db, (db) =>
          db.query(async (k) => {
            await sql`insert into competencies_assessments (person_id, ladder_key, version, competency, rater_kind, rating, recorded_at)
              values (${ana?.id}, 'support', 1, 'communication', 'manager', 'proficient', '2025-03-04T23:30:00.000Z')`.execute(
              k,
            )
            await sql`insert into competencies_promotions (person_id, ladder_key, version, to_level, rationale, readiness, at)
              values (${ana?.id}, 'support', 1, 'css1', 'Hired.', '{}', '2025-01-06T08:00:00.000Z')`.execute(k)
          }),
        ),
      )
      await before.close()

      const after = await createServer({
        databaseUrl: database.url,
        plugins: [orgPlugin, rolesPlugin, competenciesPlugin],
      })
      try {
        const rows = await after.host.runtime.runPromise(
          Effect.flatMap(Db, (db) =>
            db.query(async (k) => ({
              assessments: (
                await sql<{ observed_on: string }>`select observed_on from competencies_assessments`.execute(k)
              ).rows,
              promotions: (
                await sql<{ effective_on: string }>`select effective_on from competencies_promotions`.execute(k)
              ).rows,
            })),
          ),
        )
        expect(rows).toEqual({
          assessments: [{ observed_on: "2025-03-04" }],
          promotions: [{ effective_on: "2025-01-06" }],
        })
      } finally {
        await after.close()
      }
    } finally {
      await database.drop()
    }
  })
})
