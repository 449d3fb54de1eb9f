// Runs every benchmark of this folder, each in a process of its own, on SQLite and, when
// TEAMOPS_BENCH_DATABASE_URL names a PostgreSQL database, again on PostgreSQL for those that
// run there. `--json` prints one JSON object with every figure, its goal and whether it is
// met (the benchmarks' own lines go to stderr then); `--only NAME` runs one benchmark.
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"

const benchmarks = [
  { name: "teams", file: "run.js", postgres: true },
  { name: "kpi", file: "kpi.js", postgres: true },
  { name: "observed", file: "observed.js", postgres: true },
  { name: "ingest", file: "ingest.js", postgres: true },
  { name: "dashboard", file: "dashboard.js", postgres: true },
  { name: "boot", file: "boot.js", postgres: true },
]

const json = process.argv.includes("--json")
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined
const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL
// The workspace is built first, its output kept off stdout so that `--json` prints only JSON.
const build = spawnSync("npm", ["run", "build"], { stdio: ["ignore", process.stderr, "inherit"] })
if (build.status !== 0) process.exit(build.status ?? 1)

const folder = mkdtempSync(join(tmpdir(), "teamops-figures-"))
const figures = []
let failed = false
try {
  for (const bench of benchmarks.filter((b) => only === undefined || b.name === only)) {
    for (const databaseUrl of [undefined, ...(postgres && bench.postgres ? [postgres] : [])]) {
      const out = join(folder, `${bench.name}-${figures.length}.json`)
      const env = { ...process.env }
      if (databaseUrl === undefined) delete env.TEAMOPS_BENCH_DATABASE_URL
      const run = spawnSync(process.execPath, [new URL(bench.file, import.meta.url).pathname, "--figures", out], {
        env,
        stdio: ["ignore", json ? process.stderr : "inherit", "inherit"],
      })
      if (run.status !== 0) {
        failed = true
        console.error(`bench ${bench.name} stopped with ${run.status ?? run.signal}`)
        continue
      }
      if (existsSync(out)) figures.push(...JSON.parse(readFileSync(out, "utf8")))
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
const goals = figures.filter((f) => f.goal !== undefined)
const summary = {
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: process.platform },
  figures: Object.fromEntries(figures.map(({ key, ...rest }) => [key, rest])),
  goals: { total: goals.length, met: goals.filter((f) => f.met).length },
}
if (json) console.log(JSON.stringify(summary, null, 2))
else console.log(`\n${summary.goals.met} of ${summary.goals.total} goals met`)
process.exit(failed ? 1 : 0)
