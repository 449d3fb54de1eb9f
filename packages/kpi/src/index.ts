export {
  businessMillis,
  CalendarFile,
  CalendarVersion,
  encodeCalendar,
  versionAt,
} from "./Calendar.js"
export { CalendarRepo } from "./CalendarRepo.js"
export {
  botResolved,
  complexityAt,
  firstResponse,
  hasBotMessage,
  hasHumanMessage,
  ownerOf,
  resolvedAt,
} from "./CycleView.js"
export { Complexity, eventTypes, LogEvent } from "./Event.js"
export type { RawEvent } from "./EventDecode.js"
export { EventBatchRefused, EventLog, type IngestSummary, type SkippedConversation } from "./EventLog.js"
export { type CycleRow, FactReader, type FactReaderService, type Window } from "./FactReader.js"
export { calendarLoader } from "./graphql/calendar.js"
export { ComplexityRef, MetricGroupRef, MetricRowRef, ReportPeriodRef } from "./graphql/refs.js"
export { MetricQuery } from "./MetricQuery.js"
export { builtInMetrics, Metrics, metricReport, metricReportPoint } from "./MetricReport.js"
export {
  Aggregation,
  Direction,
  ObservedMetricDefinition,
  observedMetric,
  observedMetricPoint,
} from "./ObservedMetric.js"
export { kpiPlugin } from "./plugin.js"
export { reportRows } from "./QueryField.js"
export {
  complexityTimelines,
  groupsOf,
  keeps,
  type MetricDefinition,
  type ReportContext,
  type ReportRow,
  rowsOf,
} from "./ReportContext.js"
export { roundQuotient, roundSeconds } from "./Statistics.js"
export { setCalendar } from "./TeamCalendar.js"
export { kpiKeys } from "./TeamKpis.js"
