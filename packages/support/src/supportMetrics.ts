import { metricReport, observedMetric } from "@teamops/kpi"
import { defaultTarget } from "@teamops/targets"
import { daysToProductive } from "./DaysToProductive.js"
import type { SupportConfig } from "./SupportConfig.js"

/**
 * The metrics of people practices in support, and the targets the support brief sets: a
 * median first response within 18 minutes (30 acceptable), at most 15 complex conversations
 * held at once, and a 1:1 every week.
 */
export const supportMetrics = (config: SupportConfig) => [
  observedMetric({
    key: "support.one_on_ones",
    description: "1:1 meetings a person had with their manager; reported per person and week, it should be 1 or more.",
    unit: "meetings",
    direction: "up",
    aggregation: "sum",
  }),
  metricReport(daysToProductive(config.productiveConversations)),
  defaultTarget({ metric: "first_response_time", statistic: "median", good: { max: 1080 }, acceptable: { max: 1800 } }),
  defaultTarget({ metric: "concurrency", statistic: "max", complexity: "complex", good: { max: 15 } }),
  defaultTarget({ metric: "support.one_on_ones", statistic: "sum", good: { min: 1 } }),
]
