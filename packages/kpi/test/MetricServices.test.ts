// A metric of another plugin computed from that plugin's own services, typed in its
// definition, and the boot that stops when no plugin provides a service a metric requires.
import { definePlugin, PluginError } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import { openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { Context, Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { groupsOf, kpiPlugin, metricReport, rowsOf } from "../src/index.js"

/** What the sales plugin knows: deals won and lost, by team. */
class DealBook extends Context.Tag("@acme/sales/DealBook")<
  DealBook,
  { readonly outcomes: ReadonlyArray<{ readonly team: string; readonly won: boolean }> }
>() {}

const winRate = metricReport({
  key: "sales.win_rate",
  basis: "deal closed",
  requires: [DealBook],
  evaluate: (context) =>
    Effect.gen(function* () {
      const book = yield* DealBook
      const groups = groupsOf(context, () => ({ won: 0, closed: 0 }))
      for (const deal of book.outcomes) {
        const counts = groups.add(context.window.from, deal.team, null)
        counts.closed++
        if (deal.won) counts.won++
      }
      return rowsOf({ key: "sales.win_rate", basis: "deal closed" }, groups.rows(), (c) => ({
        ...c,
        rate: c.won / c.closed,
      }))
    }),
})

const salesPlugin = (layer?: Layer.Layer<DealBook>) =>
  definePlugin({
    id: "sales",
    version: "0.1.0",
    dependsOn: ["kpi"],
    contributes: [winRate],
    ...(layer ? { layer } : {}),
  })

// The types hold the metric to what it declares: this compiles only because the error is expected.
export const undeclared = metricReport({
  key: "sales.undeclared",
  basis: "deal closed",
  // @ts-expect-error: evaluate uses DealBook, which requires does not list
  evaluate: () => Effect.map(DealBook, () => []),
})

describe.each(testDialects())("a metric with its plugin's services on %s", (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    const book = Layer.succeed(DealBook, {
      outcomes: [
        { team: "alpha", won: true },
        { team: "alpha", won: false },
        { team: "alpha", won: true },
        { team: "beta", won: false },
      ],
    })
    host = await openTestHost(dialect, [orgPlugin, kpiPlugin, salesPlugin(book)])
  })
  afterAll(() => host.close())

  it("is computed from them, like any metric of the report", async () => {
    const { metric } = await host.data(
      `{ metric(query: { metric: "sales.win_rate", groupBy: [team], from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" }) { team metric ... on MetricValuesRow { values } } }`,
    )
    expect(metric).toEqual([
      { team: "alpha", metric: "sales.win_rate", values: expect.objectContaining({ won: 2, closed: 3, rate: 2 / 3 }) },
      { team: "beta", metric: "sales.win_rate", values: expect.objectContaining({ won: 0, closed: 1, rate: 0 }) },
    ])
  })
})

it("stops the boot when no plugin provides a service a metric requires, naming both", async () => {
  const error = await openTestHost("sqlite", [orgPlugin, kpiPlugin, salesPlugin()]).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(PluginError)
  expect((error as PluginError).message).toBe(
    `plugin "kpi": start failed: metric "sales.win_rate" of plugin "sales" requires the service "@acme/sales/DealBook", which no booted plugin provides`,
  )
})
