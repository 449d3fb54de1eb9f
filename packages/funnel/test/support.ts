// The funnel tests run on the kpi test server, which boots org, kpi and funnel together.
export { conversation, DAY, graphqlData, HOUR, iso, MIN, openKpi, T0, type TestKpi } from "../../kpi/test/support.js"
