import { LocalDate } from "@teamops/core"
import { Schema } from "effect"

const wholeFrom = (min: number, max: number, example: string) =>
  Schema.Number.pipe(
    Schema.filter(
      (n) =>
        (Number.isInteger(n) && n >= min && n <= max) ||
        `expected a whole number from ${min} to ${max} ${example}, got ${n}`,
    ),
  )

/** What a coverage is asked for: the week, the staffing it must reach, and how many weeks demand is averaged over. */
export const CoverageQuery = Schema.Struct({
  /** Any day of the week: the week is the one, Monday to Monday in the team's zone, that contains it. */
  weekOf: LocalDate,
  /** Fewer people on than this, while customers write, is a gap. */
  minStaffed: Schema.optionalWith(wholeFrom(0, 1000, "(people on at once)"), { nullable: true, default: () => 2 }),
  /** Demand is the mean over this many weeks, ending with the week asked. */
  weeks: Schema.optionalWith(wholeFrom(1, 52, "(weeks to average demand over)"), { nullable: true, default: () => 4 }),
})
export type CoverageQuery = typeof CoverageQuery.Type
