import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { definePlugin, type Plugin } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import { createServer } from "@teamops/server"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { ladder } from "../src/LadderContribution.js"
import { formatLadderFile } from "../src/LadderFile.js"
import { LadderRepo } from "../src/LadderRepo.js"
import { rolesPlugin } from "../src/plugin.js"
import { supportLadder, supportYaml, withLadder } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "teamops-roles-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const contributor = (id: string, ...ladders: ReadonlyArray<{ format: "yaml" | "json"; content: string }>) =>
  definePlugin({ id, version: "1.0.0", dependsOn: ["roles"], contributes: ladders.map((l) => ladder(l)) })

// The EMEA ladder extends the support ladder; contributed first, it is still imported after it.
const emeaJson = formatLadderFile(
  withLadder((d) => {
    d.key = "support-emea"
    d.extends = "support"
    d.scale = []
    d.competencies = []
    d.matrix = {}
  }),
  "json",
)

/** A database that outlives one server, so that a second boot finds what the first left. */
const database = async (dialect: "sqlite" | "postgres", name: string) =>
  dialect === "sqlite" ? { url: join(dir, `${name}.db`), drop: async () => {} } : await testDatabase(dialect)

const boot = async (url: string, plugins: ReadonlyArray<Plugin<any>>) => {
  const server = await createServer({
    databaseUrl: url,
    plugins: [orgPlugin, rolesPlugin, ...plugins],
    graphiql: false,
  })
  try {
    return await server.host.runtime.runPromise(
      Effect.flatMap(LadderRepo, (r) => Effect.all({ support: r.history("support"), emea: r.history("support-emea") })),
    )
  } finally {
    await server.close()
  }
}

describe.each(testDialects())("contributed ladders on %s", (dialect) => {
  it("are imported and published at boot, and not published again on the next boot", async () => {
    const db = await database(dialect, "twice")
    try {
      const plugins = [
        contributor("emea-ladders", { format: "json", content: emeaJson }),
        contributor("support-ladders", { format: "yaml", content: supportYaml }),
      ]
      const first = await boot(db.url, plugins)
      expect(first.support.map((v) => v.version)).toEqual([1])
      expect(first.support[0]?.document).toEqual(supportLadder)
      expect(first.emea.map((v) => v.version)).toEqual([1])
      expect(first.emea[0]?.effective.competencies).toEqual(supportLadder.competencies)

      const second = await boot(db.url, plugins)
      expect(second.support.map((v) => v.version)).toEqual([1])
      expect(second.emea.map((v) => v.version)).toEqual([1])

      // A changed file is published as the next version.
      const changed = supportYaml.replace("changelog: First version.", "changelog: Clearer wording.")
      const third = await boot(db.url, [contributor("support-ladders", { format: "yaml", content: changed })])
      expect(third.support.map((v) => [v.version, v.document.changelog])).toEqual([
        [1, "First version."],
        [2, "Clearer wording."],
      ])
    } finally {
      await db.drop()
    }
  })

  it("fail the boot when a file has problems, naming the contributing plugin and every problem", async () => {
    const db = await database(dialect, "broken")
    try {
      const broken = supportYaml
        .replace("    track: management\n", "    track: mgmt\n")
        .replace("expected: expert", "expected: guru")
      await expect(boot(db.url, [contributor("sloppy", { format: "yaml", content: broken })])).rejects.toThrow(
        [
          'plugin "roles": layer failed: ladder[0] contributed by plugin "sloppy" has problems:',
          'line 50, column 5: levels[2].track: unknown track "mgmt" (known: ic, management, specialist)',
          'line 132, column 7: matrix.support-lead.communication.expected: unknown scale step "guru" (known: aware, practising, proficient, expert)',
        ].join("\n"),
      )
      await expect(boot(db.url, [contributor("garbled", { format: "json", content: "{ nope" })])).rejects.toThrow(
        'plugin "roles": layer failed: ladder[0] contributed by plugin "garbled" has problems:\nline 1, column 3: expected a property name in double quotes, got "n"',
      )
    } finally {
      await db.drop()
    }
  })

  it("fail the boot when two plugins contribute the same ladder", async () => {
    const db = await database(dialect, "twice-contributed")
    try {
      const plugins = [
        contributor("one", { format: "yaml", content: supportYaml }),
        contributor("two", { format: "yaml", content: supportYaml }),
      ]
      await expect(boot(db.url, plugins)).rejects.toThrow(
        'plugin "roles": layer failed: ladder "support" is contributed twice: by ladder[0] contributed by plugin "one" and by ladder[1] contributed by plugin "two"',
      )
    } finally {
      await db.drop()
    }
  })
})
