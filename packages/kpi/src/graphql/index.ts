import type { Builder, SchemaKit } from "@teamops/core"
import { calendarSchema } from "./calendar.js"
import { eventsSchema } from "./events.js"
import { factsSchema } from "./facts.js"
import { kpisSchema } from "./kpis.js"
import { reportTypes } from "./reportTypes.js"

/** The kpi types, queries and mutations: the event log, calendars and metric reports. */
export const kpiSchema = (builder: Builder, kit: SchemaKit) => {
  kpisSchema(builder, kit, reportTypes(builder))
  factsSchema(builder)
  calendarSchema(builder, kit)
  eventsSchema(builder, kit)
}
