import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { tablePrefix } from "@teamops/core"
import { describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"

// Plugins meet only through what they export: no plugin's queries name another plugin's
// tables. A migration may still declare a foreign key to a plugin it depends on.

const packages = fileURLToPath(new URL("../../../packages", import.meta.url))

/** The TypeScript sources of a package, outside its migrations. */
const sourcesOf = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sourcesOf(path)
    return entry.name.endsWith(".ts") ? [path] : []
  })

/** Where `source` names a table of one of `prefixes` (`org_teams`), as `file:line: name`. */
const tablesNamed = (files: ReadonlyArray<string>, prefixes: ReadonlyArray<string>) => {
  const pattern = new RegExp(`\\b(?:${prefixes.join("|")})_[a-z][a-z_]*`, "g")
  return files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => [...line.matchAll(pattern)].map((m) => `${relative(packages, file)}:${i + 1}: ${m[0]}`)),
  )
}

const directories = readdirSync(packages)

describe("plugin boundaries", () => {
  it.each(defaultPlugins.map((p) => p.id))("%s names no other plugin's tables outside its migrations", (id) => {
    const dir = directories.find(
      (name) => JSON.parse(readFileSync(join(packages, name, "package.json"), "utf8")).name === `@teamops/${id}`,
    )
    expect(dir, `the package of plugin ${id}`).toBeDefined()
    const others = defaultPlugins.filter((p) => p.id !== id).map((p) => tablePrefix(p.id))
    expect(tablesNamed(sourcesOf(join(packages, dir as string, "src")), others)).toEqual([])
  })

  it("catches a query that names another plugin's table", () => {
    const dir = mkdtempSync(join(tmpdir(), "teamops-boundaries-"))
    try {
      const file = join(dir, "Reader.ts")
      writeFileSync(
        file,
        `const rows = k.selectFrom("kpi_events").innerJoin("org_people as p", "p.email", "e.email")\n`,
      )
      expect(tablesNamed([file], ["org", "roles"])).toEqual([`${relative(packages, file)}:1: org_people`])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
