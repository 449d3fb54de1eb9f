// Benchmark of starting the server: the time from starting `teamops serve` with the default
// plugins on an existing database until `/readyz` answers 200, against the same for a bare
// graphql-yoga server (a schema of one field and a `/readyz` route) started the same way.
// Run with `npm run bench` (after a build), or `node bench/boot.js`;
// TEAMOPS_BENCH_DATABASE_URL=postgres://… boots teamops on a fresh PostgreSQL database beside
// the one named, dropped at the end.
//
// The database is made once, by a first boot, so that every measured boot finds it migrated
// and the contributed ladders published, as a restart of a deployed server does. Then each
// server is started, waited for and stopped in alternating rounds (teamops, yoga, teamops, …),
// so that a slower moment of the machine falls on both; the figures are the medians.
import { spawn } from "node:child_process"
import { once } from "node:events"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const self = fileURLToPath(import.meta.url)
const teamopsMain = fileURLToPath(new URL("../apps/teamops/dist/main.js", import.meta.url))
const rounds = 7

// ---------------------------------------------------------------------------------------
// The bare server, in a process of its own: `node bench/boot.js --yoga`. It says where it
// listens on stderr, in the words of `teamops serve`, so that both are waited for alike.

const serveYoga = async () => {
  const { createServer } = await import("node:http")
  const { createSchema, createYoga } = await import("graphql-yoga")
  const yoga = createYoga({
    schema: createSchema({ typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "hello" } } }),
    graphiql: false,
    landingPage: false,
    plugins: [
      {
        onRequest({ url, endResponse }) {
          if (url.pathname === "/readyz") endResponse(Response.json({ status: "ready" }))
        },
      },
    ],
  })
  const server = createServer(yoga)
  server.listen(0, "127.0.0.1", () => {
    console.error(`yoga serving http://127.0.0.1:${server.address().port}/graphql`)
  })
  process.on("SIGTERM", () => server.close(() => process.exit(0)))
}

// ---------------------------------------------------------------------------------------
// The measuring process.

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves with the port a starting server prints (`… serving http://127.0.0.1:PORT/graphql`). */
const announcedPort = (child) =>
  new Promise((resolve, reject) => {
    let said = ""
    child.stderr.setEncoding("utf8")
    child.stderr.on("data", (chunk) => {
      said += chunk
      const found = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(said)
      if (found) resolve(Number(found[1]))
    })
    child.once("exit", (code, signal) =>
      reject(new Error(`the server stopped (${code ?? signal}) before listening:\n${said}`)),
    )
  })

/** Asks `/readyz` until it answers 200. */
const ready = async (port) => {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`)
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await pause(5)
  }
}

/** Starts a server with `args`, and answers the milliseconds until it was ready, once it has stopped. */
const bootTime = async (args, cwd) => {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "pipe"] })
  try {
    await ready(await announcedPort(child))
    return performance.now() - started
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM")
      await once(child, "exit")
    }
  }
}

async function main() {
  const { figure, median, store } = await import("./figures.js")
  const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL
  // The working directory holds no teamops.config.js, so the default plugins are loaded.
  const folder = mkdtempSync(join(tmpdir(), "teamops-bench-boot-"))
  let dropPostgres
  try {
    let databaseUrl = join(folder, "boot.db")
    if (postgres) {
      const { scratchPostgres } = await import("@teamops/core/testing")
      const fresh = await scratchPostgres(postgres, "teamops_bench")
      databaseUrl = fresh.url
      dropPostgres = fresh.drop
    }
    const teamops = () =>
      bootTime([teamopsMain, "serve", "--database", databaseUrl, "--port", "0", "--host", "127.0.0.1"], folder)
    const yoga = () => bootTime([self, "--yoga"], folder)

    const first = await teamops()
    console.log(`database made by a first boot in ${first.toFixed(0)} ms (${store}); ${rounds} rounds of each`)
    await yoga() // the bare server's files read once too, as teamops' were
    const times = { teamops: [], yoga: [] }
    for (let i = 0; i < rounds; i++) {
      times.teamops.push(await teamops())
      times.yoga.push(await yoga())
    }
    const teamopsBoot = figure({
      key: "boot.teamops",
      label: "boot to /readyz 200, teamops serve, default plugins",
      value: median(times.teamops),
      unit: "ms",
    })
    const yogaBoot = figure({
      key: "boot.yoga",
      label: "boot to /readyz 200, bare graphql-yoga with a one-field schema",
      value: median(times.yoga),
      unit: "ms",
    })
    figure({
      key: "boot.ratio",
      label: "boot time teamops / bare graphql-yoga",
      value: teamopsBoot / yogaBoot,
      unit: "×",
      goal: { atMost: 2 },
    })
  } finally {
    await dropPostgres?.()
    rmSync(folder, { recursive: true, force: true })
  }
}

if (process.argv[2] === "--yoga") await serveYoga()
else await main()
