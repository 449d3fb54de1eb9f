import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { aorPlugin } from "@teamops/aor"
import { competenciesPlugin } from "@teamops/competencies"
import { kpiPlugin } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { LadderRepo, rolesPlugin } from "@teamops/roles"
import { createServer } from "@teamops/server"
import { targetsPlugin } from "@teamops/targets"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { supportPlugin } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "teamops-support-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.each(testDialects())("supportPlugin on %s", (dialect) => {
  it("has its ladder imported and published by roles at boot", async () => {
    const db = dialect === "sqlite" ? { url: join(dir, "boot.db"), drop: async () => {} } : await testDatabase(dialect)
    try {
      const server = await createServer({
        databaseUrl: db.url,
        plugins: [orgPlugin, rolesPlugin, competenciesPlugin, aorPlugin, kpiPlugin, targetsPlugin, supportPlugin],
        graphiql: false,
      })
      try {
        const history = await server.host.runtime.runPromise(Effect.flatMap(LadderRepo, (r) => r.history("support")))
        expect(history.map((v) => v.version)).toEqual([1])
        expect(history[0]?.document.name).toBe("Customer Support")
        expect(history[0]?.document.levels).toHaveLength(9)
      } finally {
        await server.close()
      }
    } finally {
      await db.drop()
    }
  })
})
