// Shared fixtures of the funnel tests: a test host with org, kpi and funnel, and kpi's kit of
// host operations.
import { kpiPlugin } from "@teamops/kpi"
import { type KpiKit, kpiKit } from "@teamops/kpi/testing"
import { orgPlugin } from "@teamops/org"
import { type Dialect, openTestHost, type TestHost } from "@teamops/testing"
import { funnelPlugin } from "../src/plugin.js"

export type TestFunnel = TestHost & KpiKit

/** A server with org, kpi and funnel, on a fresh database of `dialect`. */
export const openFunnel = async (dialect: Dialect): Promise<TestFunnel> => {
  const host = await openTestHost(dialect, [orgPlugin, kpiPlugin, funnelPlugin])
  return { ...host, ...kpiKit(host.run) }
}

export { DAY, HOUR, iso, MIN } from "@teamops/kpi/testing"
export { graphqlData } from "@teamops/testing"
