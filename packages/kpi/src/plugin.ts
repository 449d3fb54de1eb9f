import { definePlugin } from "@teamops/core"
import { Layer } from "effect"
import { CalendarRepo } from "./CalendarRepo.js"
import { ConversationStarts } from "./ConversationStarts.js"
import { kpiIsEmpty, seedKpi } from "./demo.js"
import { EventLog } from "./EventLog.js"
import { eventsRoute } from "./EventsRoute.js"
import { FactReader } from "./FactReader.js"
import { kpiSchema } from "./graphql/index.js"
import { checkMetricServices, Metrics, metricReportPoint } from "./MetricReport.js"
import { init } from "./migrations/0001_init.js"
import { spanEnds } from "./migrations/0002_span_ends.js"
import { sentHash } from "./migrations/0003_sent_hash.js"
import { observations } from "./migrations/0004_observations.js"
import { conversationStarts } from "./migrations/0005_conversation_starts.js"
import { observedMetricPoint } from "./ObservedMetric.js"

const stores = Layer.mergeAll(FactReader.layer, CalendarRepo.layer, EventLog.layer, ConversationStarts.layer)

/** The event log of support conversations, team calendars, and the metrics computed from them. */
export const kpiPlugin = definePlugin({
  id: "kpi",
  version: "0.1.0",
  dependsOn: ["org"],
  migrations: {
    "0001_init": init,
    "0002_span_ends": spanEnds,
    "0003_sent_hash": sentHash,
    "0004_observations": observations,
    "0005_conversation_starts": conversationStarts,
  },
  extensionPoints: [metricReportPoint, observedMetricPoint],
  layer: Layer.provideMerge(Metrics.layer, stores),
  start: checkMetricServices,
  routes: [eventsRoute],
  schema: kpiSchema,
  demo: { isEmpty: kpiIsEmpty, seed: seedKpi },
})
