export { attainment, type Bound, within } from "./Attainment.js"
export {
  businessMillis,
  CalendarFile,
  CalendarVersion,
  encodeCalendar,
  versionAt,
} from "./Calendar.js"
export { CalendarRepo, type CalendarRepoService, type Calendars } from "./CalendarRepo.js"
export { type ConversationStart, ConversationStarts, type ConversationStartsService } from "./ConversationStarts.js"
export {
  botResolved,
  complexityAt,
  firstResponse,
  hasBotMessage,
  hasHumanMessage,
  ownerOf,
  resolvedAt,
} from "./CycleView.js"
export { Complexity, eventJsonSchemas, eventTypes, LogEvent, oneOf } from "./Event.js"
export type { RawEvent } from "./EventDecode.js"
export { EventBatchRefused, EventLog, type IngestSummary, type SkippedConversation } from "./EventLog.js"
export { type CycleRow, FactReader, type FactReaderService, type PersonFact, type Window } from "./FactReader.js"
export { periodOfDate } from "./Grouping.js"
export { calendarLoader } from "./graphql/calendar.js"
export { ComplexityRef, MetricGroupRef, MetricRowRef, ReportPeriodRef } from "./graphql/refs.js"
export { factsOf, type MetricFact } from "./MetricFacts.js"
export { MetricQuery } from "./MetricQuery.js"
export { builtInMetrics, Metrics, metricReport, metricReportPoint } from "./MetricReport.js"
export { builtInStatistics, type Figure, type MetricStatistics, type StatisticOf } from "./MetricStatistics.js"
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
  note,
  type ReportContext,
  type ReportRow,
  rowsOf,
} from "./ReportContext.js"
export { localMidnight, originOf, type RowOrigin } from "./RowOrigin.js"
export { percentile, roundQuotient, roundSeconds } from "./Statistics.js"
export { setCalendar } from "./TeamCalendar.js"
export { kpiKeys } from "./TeamKpis.js"
