// GraphiQL in a real browser that reaches nothing but this server: it starts, shows the
// example operations as tabs, and runs one against the demo organisation with the demo's admin
// token, which the page carries in its headers as `teamops serve --demo` serves it. The browser is
// Debian's Chromium (.ci/run installs it); playwright-core drives it and downloads nothing.
import { existsSync } from "node:fs"
import { createServer, seedDemo, type TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { type Browser, chromium } from "playwright-core"
import { afterAll, beforeAll, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { demoTokens } from "../src/DemoTokens.js"

const executablePath = "/usr/bin/chromium"

let server: TeamopsServer
let browser: Browser
let port: number

beforeAll(async () => {
  server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins })
  await seedDemo(server.host, { whenEmpty: true })
  await Effect.runPromise(demoTokens(server))
  port = await server.listen(0, "127.0.0.1")
  browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // No other host resolves: the page must bring everything it needs.
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

it.runIf(existsSync(executablePath))(
  "shows GraphiQL with the example operations, offline, and runs one",
  async () => {
    const page = await browser.newPage()
    const elsewhere: Array<string> = []
    // Its own pages, and what the page makes itself (workers from blobs, inline data).
    const local = [`http://127.0.0.1:${port}/`, `blob:http://127.0.0.1:${port}/`, "data:"]
    page.on("request", (request) => {
      if (!local.some((prefix) => request.url().startsWith(prefix))) elsewhere.push(request.url())
    })
    // `/` sends the browser to GraphiQL.
    await page.goto(`http://127.0.0.1:${port}/`)
    expect(new URL(page.url()).pathname).toBe("/graphql")
    for (const tab of ["TeamMembers", "Readiness", "FirstResponseTime", "IngestEvents"]) {
      await expect.poll(() => page.getByText(tab, { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    }
    await page.locator(".graphiql-execute-button").click()
    await expect
      .poll(() => page.locator(".graphiql-response").innerText(), { timeout: 20_000 })
      .toContain("aoife@teamops.example")
    expect(elsewhere).toEqual([])
  },
  90_000,
)
