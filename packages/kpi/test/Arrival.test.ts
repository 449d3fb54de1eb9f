import { testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { builtInMetrics } from "../src/MetricReport.js"
import { arrivalOrders, randomLog, randomLogTeams } from "../src/testing.js"
import { openKpi, type TestKpi } from "./support.js"

// The same events in one batch, shuffled within that batch, or split into consecutive batches
// in time order must give identical rows, on either store.

const weekdays = (hours: Array<[string, string]>) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours })

const calendars: Record<string, unknown> = {
  athens: [
    {
      timeZone: "Europe/Athens",
      weekly: weekdays([
        ["09:00", "13:00"],
        ["14:00", "18:00"],
      ]),
    },
    {
      timeZone: "Europe/Athens",
      weekly: { ...weekdays([["08:00", "16:00"]]), sat: [["10:00", "14:00"]] },
      effectiveFrom: "2026-03-29T12:00:00Z",
    },
  ],
  boston: { timeZone: "America/New_York", weekly: weekdays([["09:00", "17:00"]]), holidays: ["2026-03-30"] },
}

const metrics = builtInMetrics.map((m) => m.key)
const groupings: ReadonlyArray<Record<string, unknown>> = [
  {},
  { groupBy: ["team"] },
  { groupBy: ["person", "period"], period: "day" },
  { groupBy: ["team", "period"], period: "week" },
  { groupBy: ["period"], period: "day", timeZone: "America/New_York", complexity: "complex" },
]

const allRows = async (kpi: TestKpi, asOfs: ReadonlyArray<number>) => {
  const out: Record<string, unknown> = {}
  for (const metric of metrics)
    for (const grouping of groupings)
      for (const asOf of asOfs) {
        const query = { metric, ...grouping, asOf: new Date(asOf).toISOString() }
        out[JSON.stringify(query)] = await kpi.report(query)
      }
  return out
}

const open = async (dialect: "sqlite" | "postgres") => {
  const kpi = await openKpi(dialect)
  for (const team of randomLogTeams) {
    await kpi.createTeam(team)
    await kpi.setCalendar(team, calendars[team])
  }
  return kpi
}

const seeds = [1, 2, 3]
// The rows of the first store tested, by seed: the other store must give the same.
const reference = new Map<number, Record<string, unknown>>()

describe.each(testDialects())("arrival order on %s", (dialect) => {
  let stores: Array<TestKpi> = []
  beforeAll(async () => {
    stores = await Promise.all([open(dialect), open(dialect), open(dialect)])
  })
  afterAll(() => Promise.all(stores.map((s) => s.close())))

  it.each(seeds)("changes no row (seed %i)", async (seed) => {
    const log = randomLog(seed, 30)
    const orders = arrivalOrders(log, seed)
    for (const [i, store] of stores.entries()) for (const batch of orders[i] ?? []) await store.ingest(batch)
    const [oneBatch, shuffledBatch, consecutive] = stores as [TestKpi, TestKpi, TestKpi]
    const start = Date.parse(log.events[0]?.at as string)
    const asOfs = [log.end, start + (log.end - start) / 2]
    const rows = await allRows(oneBatch, asOfs)
    const filled = Object.values(rows).filter((list) => (list as Array<unknown>).length > 0)
    expect(filled.length).toBeGreaterThan(Object.keys(rows).length * 0.8)
    expect(await allRows(shuffledBatch, asOfs)).toEqual(rows)
    expect(await allRows(consecutive, asOfs)).toEqual(rows)
    if (reference.has(seed)) expect(rows).toEqual(reference.get(seed))
    else reference.set(seed, rows)
  })
})
