import { type Builder, type TimeRange, type WeeklyHours, weekdays } from "@teamops/core"

/** The types of working and open hours: ranges of local wall time per weekday. */
export const hoursTypes = (builder: Builder) => {
  const TimeRangeType = builder.objectRef<TimeRange>("TimeRange").implement({
    description: "A span of local wall time within one day, `HH:MM` to `HH:MM`.",
    fields: (t) => ({ start: t.exposeString("start"), end: t.exposeString("end") }),
  })
  const WeeklyHoursType = builder.objectRef<WeeklyHours>("WeeklyHours").implement({
    description: "Local wall-time ranges per weekday; a day without ranges has none.",
    fields: (t) =>
      Object.fromEntries(
        weekdays.map((day) => [day, t.field({ type: [TimeRangeType], resolve: (hours) => hours[day] })]),
      ),
  })
  const TimeRangeInput = builder.inputType("TimeRangeInput", {
    fields: (t) => ({ start: t.string({ required: true }), end: t.string({ required: true }) }),
  })
  const WeeklyHoursInput = builder.inputType("WeeklyHoursInput", {
    description: "Local wall-time ranges per weekday (`HH:MM`, `24:00` allowed as an end); absent days have none.",
    fields: (t) =>
      Object.fromEntries(weekdays.map((day) => [day, t.field({ type: [TimeRangeInput], required: false })])),
  })
  return { WeeklyHoursType, WeeklyHoursInput }
}
