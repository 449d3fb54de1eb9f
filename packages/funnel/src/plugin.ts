import { definePlugin } from "@teamops/core"
import { metricReport } from "@teamops/kpi"
import { funnel } from "./Funnel.js"
import { funnelSchema } from "./graphql.js"

/** The conversational support funnel (proactive, self-serve, human) over the event log of `kpi`. */
export const funnelPlugin = definePlugin({
  id: "funnel",
  version: "0.1.0",
  // Reads the event log and contributes to the metric report as kpi 0.1 shapes them.
  dependsOn: [{ id: "kpi", version: "^0.1.0" }],
  contributes: [metricReport(funnel)],
  schema: funnelSchema,
})
