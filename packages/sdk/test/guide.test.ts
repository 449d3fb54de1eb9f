// docs/sdk.md, run: each of its scripts is type-checked as the page shows it, then run against
// a live server of the organisation, with the token and address it would be given.
import { spawnSync } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defaultPlugins } from "@teamops/cli"
import { openTestHost, type TestHost } from "@teamops/testing"
import { afterAll, beforeAll, expect, it, vi } from "vitest"

const page = readFileSync(new URL("../../../docs/sdk.md", import.meta.url), "utf8")
const scripts = [...page.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string)
const folder = fileURLToPath(new URL("./.guide/", import.meta.url))

let host: TestHost
let url: string
beforeAll(async () => {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  for (const [i, script] of scripts.entries()) writeFileSync(`${folder}script${i}.ts`, `${script}\nexport {}\n`)
  // As the page's last section configures it: the SDK's documents run by hash, others as text.
  const manifest = fileURLToPath(new URL("../src/generated/persisted-documents.json", import.meta.url))
  host = await openTestHost("sqlite", defaultPlugins, { persistedOperations: { file: manifest } })
  url = `http://127.0.0.1:${await host.raw.listen(0)}/graphql`
  await host.data(`mutation { createTeam(input: { key: "alpha", name: "Alpha" }) { __typename } }`)
  for (const n of [1, 2, 3, 4])
    await host.data(
      `mutation { createPerson(input: { name: "P ${n}", email: "p${n}@example.com", timeZone: "UTC", teamKey: "alpha" }) { __typename } }`,
    )
})
afterAll(async () => {
  await host?.close()
  rmSync(folder, { recursive: true, force: true })
})

it("shows scripts that type-check", () => {
  expect(scripts.length).toBeGreaterThan(1)
  writeFileSync(
    `${folder}tsconfig.json`,
    JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"], compilerOptions: { noEmit: true } }),
  )
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", `${folder}tsconfig.json`], {
    encoding: "utf8",
  })
  expect(tsc.stdout + tsc.stderr).toBe("")
  expect(tsc.status).toBe(0)
})

it("shows scripts that answer from a live server", async () => {
  const printed: Array<unknown> = []
  const log = vi.spyOn(console, "log").mockImplementation((...args) => printed.push(args))
  vi.stubEnv("TEAMOPS_TOKEN", host.adminToken)
  const realFetch = globalThis.fetch
  vi.stubGlobal("fetch", (input: string, init: RequestInit) =>
    realFetch(input === "http://localhost:4000/graphql" ? url : input, init),
  )
  try {
    for (const i of scripts.keys()) await import(`${folder}script${i}.ts`)
  } finally {
    log.mockRestore()
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
  }
  expect(printed).toEqual([
    [4, ["p1@example.com", "p2@example.com", "p3@example.com"]],
    ...[1, 2, 3, 4].map((n) => [`p${n}@example.com`, "alpha"]),
    [{ accepted: 2, duplicates: 0, batches: 1 }],
    [{ accepted: 0, duplicates: 2, batches: 1 }],
    ["p1@example.com", "no level yet"],
  ])
})
