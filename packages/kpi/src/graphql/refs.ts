import { enumRef, interfaceRef } from "@teamops/core"
import type { ReportRow } from "../ReportContext.js"

/** The GraphQL `MetricRow` interface; a plugin's row type of its metric implements it. */
export const MetricRowRef = interfaceRef<ReportRow>("MetricRow")
/** The GraphQL enum of what report rows are grouped by, for plugins' report arguments. */
export const MetricGroupRef = enumRef<"team" | "person" | "period">("MetricGroup")
/** The GraphQL enum of report periods. */
export const ReportPeriodRef = enumRef<"day" | "week" | "month">("ReportPeriod")
/** The GraphQL enum of conversation complexities. */
export const ComplexityRef = enumRef<"simple" | "standard" | "complex">("Complexity")
