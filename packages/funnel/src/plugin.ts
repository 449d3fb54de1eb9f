import { definePlugin } from "@teamops/core"
import { metricReport } from "@teamops/kpi"
import { funnel } from "./Funnel.js"
import { funnelSchema } from "./graphql.js"

/** The conversational support funnel (proactive, self-serve, human) over the event log of `kpi`. */
export const funnelPlugin = definePlugin({
  id: "funnel",
  version: "0.1.0",
  dependsOn: ["kpi"],
  contributes: [metricReport(funnel)],
  schema: funnelSchema,
})
