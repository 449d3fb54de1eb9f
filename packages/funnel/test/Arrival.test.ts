import { arrivalOrders, randomLog, randomLogTeams } from "@teamops/kpi/testing"
import { testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openFunnel, type TestFunnel } from "./support.js"

// The funnel of the same events in one batch, shuffled within that batch, or split into
// consecutive batches in time order must be identical, on either store.

const groupings: ReadonlyArray<Record<string, unknown>> = [
  {},
  { groupBy: ["team"] },
  { groupBy: ["team", "period"], period: "week" },
  { groupBy: ["period"], period: "day", timeZone: "America/New_York" },
]

const allRows = async (store: TestFunnel, asOfs: ReadonlyArray<number>) => {
  const out: Record<string, unknown> = {}
  for (const grouping of groupings)
    for (const asOf of asOfs) {
      const query = { metric: "funnel", ...grouping, asOf: new Date(asOf).toISOString() }
      out[JSON.stringify(query)] = await store.report(query)
    }
  return out
}

const open = async (dialect: "sqlite" | "postgres") => {
  const store = await openFunnel(dialect)
  for (const team of randomLogTeams) await store.createTeam(team)
  return store
}

const reference = new Map<number, Record<string, unknown>>()

describe.each(testDialects())("funnel and arrival order on %s", (dialect) => {
  let stores: Array<TestFunnel> = []
  beforeAll(async () => {
    stores = await Promise.all([open(dialect), open(dialect), open(dialect)])
  })
  afterAll(() => Promise.all(stores.map((s) => s.close())))

  it.each([1, 2])("changes no row (seed %i)", async (seed) => {
    const log = randomLog(seed, 30)
    const orders = arrivalOrders(log, seed)
    for (const [i, store] of stores.entries()) for (const batch of orders[i] ?? []) await store.ingest(batch)
    const [oneBatch, shuffledBatch, consecutive] = stores as [TestFunnel, TestFunnel, TestFunnel]
    const start = Date.parse(log.events[0]?.at as string)
    const rows = await allRows(oneBatch, [log.end, start + (log.end - start) / 2])
    expect(Object.values(rows).some((list) => (list as Array<{ human: number }>).some((row) => row.human > 0))).toBe(
      true,
    )
    expect(await allRows(shuffledBatch, [log.end, start + (log.end - start) / 2])).toEqual(rows)
    expect(await allRows(consecutive, [log.end, start + (log.end - start) / 2])).toEqual(rows)
    if (reference.has(seed)) expect(rows).toEqual(reference.get(seed))
    else reference.set(seed, rows)
  })
})
