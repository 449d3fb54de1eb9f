import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { definePlugin, type Plugin } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import { createServer } from "@teamops/server"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest"
import { ladder } from "../src/LadderContribution.js"
import { checkLadderSource, formatLadderFile, readLadderFile } from "../src/LadderFile.js"
import { importAndPublishLadder } from "../src/LadderImport.js"
import { LadderRepo } from "../src/LadderRepo.js"
import { rolesPlugin } from "../src/plugin.js"
import { supportLadder, supportYaml, withLadder } from "./support.js"

// Reading and checking a file, watched, so that a test can tell that a boot did neither.
vi.mock("../src/LadderFile.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/LadderFile.js")>()
  return {
    ...original,
    readLadderFile: vi.fn(original.readLadderFile),
    checkLadderSource: vi.fn(original.checkLadderSource),
  }
})
beforeEach(() => {
  vi.mocked(readLadderFile).mockClear()
  vi.mocked(checkLadderSource).mockClear()
})

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

const boot = async (
  url: string,
  plugins: ReadonlyArray<Plugin<any>>,
  options: { readonly onStatement?: (sql: string) => void } = {},
) => {
  const server = await createServer({
    databaseUrl: url,
    plugins: [orgPlugin, rolesPlugin, ...plugins],
    graphiql: false,
    ...options,
  })
  try {
    return await server.host.runtime.runPromise(
      Effect.flatMap(LadderRepo, (r) => Effect.all({ support: r.history("support"), emea: r.history("support-emea") })),
    )
  } finally {
    await server.close()
  }
}

/** Publishes a ladder file on a running server, as `teamops ladder import` does. */
const publishByHand = async (url: string, content: string) => {
  const server = await createServer({ databaseUrl: url, plugins: [orgPlugin, rolesPlugin], graphiql: false })
  try {
    await server.host.runtime.runPromise(importAndPublishLadder("yaml", content))
  } finally {
    await server.close()
  }
}

/** The statements of a boot that write a ladder or its versions. */
const ladderWrites = (statements: ReadonlyArray<string>) =>
  statements.filter((s) => /^(insert into|update|delete from) "roles_ladder/.test(s))

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

  it("are not read, checked or compared again on a boot that finds them unchanged", async () => {
    const db = await database(dialect, "unchanged")
    try {
      const plugins = [
        contributor("emea-ladders", { format: "json", content: emeaJson }),
        contributor("support-ladders", { format: "yaml", content: supportYaml }),
      ]
      await boot(db.url, plugins)
      expect(vi.mocked(readLadderFile)).toHaveBeenCalledTimes(2)
      expect(vi.mocked(checkLadderSource)).toHaveBeenCalledTimes(2)
      vi.mocked(readLadderFile).mockClear()
      vi.mocked(checkLadderSource).mockClear()

      const statements: Array<string> = []
      const second = await boot(db.url, plugins, { onStatement: (sql) => statements.push(sql) })
      expect(second.support.map((v) => v.version)).toEqual([1])
      expect(second.emea.map((v) => v.version)).toEqual([1])
      expect(vi.mocked(readLadderFile)).not.toHaveBeenCalled()
      expect(vi.mocked(checkLadderSource)).not.toHaveBeenCalled()
      expect(ladderWrites(statements)).toEqual([])
    } finally {
      await db.drop()
    }
  })

  it("are read and published again when a version was published since from another file", async () => {
    const db = await database(dialect, "overtaken")
    try {
      const plugins = [contributor("support-ladders", { format: "yaml", content: supportYaml })]
      await boot(db.url, plugins)
      const byHand = supportYaml
        .replace("description: How people grow in customer support.", "description: Edited by hand.")
        .replace("changelog: First version.", "changelog: By hand.")
      await publishByHand(db.url, byHand)

      // The contributed file no longer says what the latest version says: it is published again.
      const after = await boot(db.url, plugins)
      expect(after.support.map((v) => [v.version, v.document.changelog])).toEqual([
        [1, "First version."],
        [2, "By hand."],
        [3, "First version."],
      ])
      // And found unchanged on the boot after.
      vi.mocked(readLadderFile).mockClear()
      const again = await boot(db.url, plugins)
      expect(again.support.map((v) => v.version)).toEqual([1, 2, 3])
      expect(vi.mocked(readLadderFile)).not.toHaveBeenCalled()
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
          'plugin "roles": start failed: ladder[0] contributed by plugin "sloppy" has problems:',
          'line 50, column 5: levels[2].track: unknown track "mgmt" (known: ic, management, specialist)',
          'line 132, column 7: matrix.support-lead.communication.expected: unknown scale step "guru" (known: aware, practising, proficient, expert)',
        ].join("\n"),
      )
      await expect(boot(db.url, [contributor("garbled", { format: "json", content: "{ nope" })])).rejects.toThrow(
        'plugin "roles": start failed: ladder[0] contributed by plugin "garbled" has problems:\nline 1, column 3: expected a property name in double quotes, got "n"',
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
        'plugin "roles": start failed: ladder "support" is contributed twice: by ladder[0] contributed by plugin "one" and by ladder[1] contributed by plugin "two"',
      )
    } finally {
      await db.drop()
    }
  })
})
