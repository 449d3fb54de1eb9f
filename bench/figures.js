// The figures a benchmark measures: each is printed as a line when measured and, when the
// runner asks (`--figures FILE`), written as JSON at the end, with its goal and whether it
// is met. A goal is a bound on the figure: `{ atLeast: 0.5 }` or `{ atMost: 1.2 }`.
import { writeFileSync } from "node:fs"

const recorded = []
const out = (() => {
  const at = process.argv.indexOf("--figures")
  return at === -1 ? undefined : process.argv[at + 1]
})()

/** The store the teamops side of a benchmark runs on. */
export const store = process.env.TEAMOPS_BENCH_DATABASE_URL ? "postgres" : "sqlite"

/**
 * Where a benchmark keeps its data: an in-memory SQLite database or, on PostgreSQL, a fresh
 * database beside the one named, so that a run never meets an earlier run's rows. `drop`
 * removes it.
 */
export const benchStore = async () => {
  const postgres = process.env.TEAMOPS_BENCH_DATABASE_URL
  if (postgres === undefined) return { url: ":memory:", drop: async () => {} }
  const { scratchPostgres } = await import("@teamops/core/testing")
  return scratchPostgres(postgres, "teamops_bench")
}

const meets = (value, goal) =>
  goal === undefined ? undefined : goal.atLeast !== undefined ? value >= goal.atLeast : value <= goal.atMost

const shown = (value, unit) =>
  unit === "×" ? `${value.toFixed(3)}×` : `${value.toFixed(unit === "ms" ? 2 : unit === "count" ? 0 : 1)} ${unit}`

const goalText = (goal, met) =>
  goal === undefined
    ? ""
    : `  goal ${goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`}: ${met ? "met" : "NOT MET"}`

/**
 * Records a figure: `key` names it across runs (the store is added), `label` says what it
 * is, `unit` is one of ms, ×, MB, count, s.
 */
export const figure = ({ key, label, value, unit, goal }) => {
  const met = meets(value, goal)
  recorded.push({
    key: `${store}.${key}`,
    label,
    value: Number(value.toFixed(4)),
    unit,
    ...(goal ? { goal, met } : {}),
  })
  console.log(`${label.padEnd(64)} ${shown(value, unit).padStart(12)}${goalText(goal, met)}`)
  return value
}

process.on("exit", () => {
  if (out !== undefined) writeFileSync(out, JSON.stringify(recorded))
})

/** Times of `send`, one after the other. */
export const timed = async (work) => {
  const started = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - started) / 1e6
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

export const median = (values) => percentile(values, 0.5)

/** A and B in alternating rounds of `perRound` for `seconds` (at least `minimum` each), after `warmup` of each. */
export const alternate = async (a, b, { seconds, perRound, warmup, minimum = 10 }) => {
  for (let i = 0; i < warmup; i++) {
    await a()
    await b()
  }
  const times = { a: [], b: [] }
  const deadline = performance.now() + seconds * 1000
  while (performance.now() < deadline || times.a.length < minimum) {
    for (let i = 0; i < perRound; i++) times.a.push(await timed(a))
    for (let i = 0; i < perRound; i++) times.b.push(await timed(b))
  }
  return { a: median(times.a), b: median(times.b), n: times.a.length }
}
