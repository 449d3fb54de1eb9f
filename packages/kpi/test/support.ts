// Shared fixtures of the kpi tests: a test host with org and kpi, and the kit of host
// operations every metric test uses.
import { orgPlugin } from "@teamops/org"
import { type Dialect, openTestHost, type TestHost } from "@teamops/testing"
import { kpiPlugin } from "../src/plugin.js"
import { type KpiKit, kpiKit } from "../src/testing.js"

export type TestKpi = TestHost & KpiKit

/** A server with org and kpi, on a fresh database of `dialect`. */
export const openKpi = async (dialect: Dialect): Promise<TestKpi> => {
  const host = await openTestHost(dialect, [orgPlugin, kpiPlugin])
  return { ...host, ...kpiKit(host.run) }
}

export { type Dialect, failureOf, graphql, graphqlData } from "@teamops/testing"
export { conversation, DAY, HOUR, iso, MIN, T0 } from "../src/testing.js"
