// The funnel tests run on the kpi test server, which boots org, kpi and funnel together.
export { conversation, graphqlData, openKpi, type TestKpi } from "../../kpi/test/support.js"
