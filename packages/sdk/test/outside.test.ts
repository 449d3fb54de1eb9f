// The SDK as another team gets it: packed with npm, installed in a folder outside the monorepo,
// a tool type-checked against its declarations and run against a live server, through a proxy
// that answers the tool's first two batches of events with 503 (the second after the server
// stored it), so the retries are real and must store nothing twice.
import { execFile, execFileSync, spawnSync } from "node:child_process"
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { defaultPlugins } from "@teamops/cli"
import { seedDemo } from "@teamops/server"
import { openTestHost, type TestHost } from "@teamops/testing"
import { afterAll, beforeAll, expect, it } from "vitest"

const sdk = fileURLToPath(new URL("..", import.meta.url))
const root = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"))
const npm = (args: ReadonlyArray<string>, cwd: string) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" })

let folder: string
let host: TestHost
let proxy: Server
let proxyUrl: string
let ingestAttempts = 0

const bodyOf = async (request: IncomingMessage) => {
  const chunks: Array<Buffer> = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "teamops-tool-"))
  const tarball = npm(["pack", "--pack-destination", folder], sdk).trim().split("\n").at(-1) as string
  writeFileSync(
    join(folder, "package.json"),
    JSON.stringify({
      name: "helpdesk-sync",
      private: true,
      type: "module",
      dependencies: { "@teamops/sdk": `file:./${tarball}` },
      devDependencies: {
        typescript: root.devDependencies.typescript,
        "@types/node": root.devDependencies["@types/node"],
      },
    }),
  )
  writeFileSync(
    join(folder, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        exactOptionalPropertyTypes: true,
        types: ["node"],
        outDir: "out",
        // A tool that does not compile keeps the last one that did.
        noEmitOnError: true,
      },
      include: ["tool.ts"],
    }),
  )
  copyFileSync(new URL("./outside/tool.ts", import.meta.url), join(folder, "tool.ts"))
  // Everything it needs is in npm's cache already: the monorepo's install put it there.
  npm(["install", "--prefer-offline"], folder)

  host = await openTestHost("sqlite", defaultPlugins)
  await seedDemo(host.raw.host, { whenEmpty: true })
  const target = `http://127.0.0.1:${await host.raw.listen(0)}/graphql`
  proxy = createServer(async (request, response) => {
    const body = await bodyOf(request)
    const ingest = body.includes("IngestEvents")
    if (ingest) ingestAttempts++
    if (ingest && ingestAttempts === 1) {
      response.writeHead(503, { "retry-after": "0" }).end()
      return
    }
    const answer = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: request.headers.authorization ?? "" },
      body,
    })
    const text = await answer.text()
    // The server stored the batch; its answer is lost on the way back.
    if (ingest && ingestAttempts === 2) response.writeHead(503).end()
    else response.writeHead(answer.status, { "content-type": "application/json" }).end(text)
  })
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`
}, 120_000)

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve))
  await host?.close()
  rmSync(folder, { recursive: true, force: true })
})

const tsc = (cwd: string) =>
  spawnSync(process.execPath, [join(cwd, "node_modules/typescript/bin/tsc"), "-p", cwd], { encoding: "utf8" })

it("type-checks a tool against the installed package, and refuses a misspelt event", () => {
  const checked = tsc(folder)
  expect(checked.stdout + checked.stderr).toBe("")
  const tool = readFileSync(join(folder, "tool.ts"), "utf8")
  writeFileSync(join(folder, "tool.ts"), tool.replace("conversationId: row.ticket,", "conversationID: row.ticket,"))
  try {
    const refused = tsc(folder)
    expect(refused.status).not.toBe(0)
    expect(refused.stdout).toContain("'conversationID' does not exist")
  } finally {
    writeFileSync(join(folder, "tool.ts"), tool)
  }
})

it("reads, pages and stores through the installed package, retrying without storing twice", async () => {
  // Run asynchronously: the proxy and the server answer from this process.
  const run = await promisify(execFile)(process.execPath, [join(folder, "out/tool.js"), proxyUrl, host.adminToken], {
    encoding: "utf8",
  })
  expect(run.stderr).toBe("")
  const printed = JSON.parse(run.stdout)
  const { people } = await host.data(`{ people(first: 100) { edges { node { email } } } }`)
  expect(printed.level).toBeTypeOf("string")
  expect(printed.emails).toEqual(people.edges.map((e: { node: { email: string } }) => e.node.email))
  expect(ingestAttempts).toBe(3)
  // The lost answer's batch was stored; sent again, the server recognised every event.
  expect(printed.stored).toEqual({ accepted: 0, duplicates: 4, batches: 1 })
  const { metric } = await host.data(
    `{ metric(query: { metric: "volume", groupBy: [], from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z" }) { ... on CountMetricRow { count } } }`,
  )
  expect(metric).toEqual([{ count: 2 }])
})
