import { minutesOf, type Weekday, weekdays } from "@teamops/core"
import type { Person } from "@teamops/org"
import { addDays, instantOf, weekdayIndex } from "./WallTime.js"
import type { Week } from "./Week.js"

/** A span of time, UTC milliseconds, the start included and the end not. */
export interface Span {
  readonly start: number
  readonly end: number
}

// A zone is at most 14 hours from UTC, so local days from two before the week's Monday to two
// after its Sunday hold every working hour that can fall in the week, whichever zones meet.
const reach = 2

/** Whether the person worked for the organisation on the local date `date`: hired by then, not gone before. */
export const employedOn = (person: Person, date: string): boolean => {
  if (date < person.hireDate) return false
  if (person.status === "left") return person.leftOn !== null && date <= person.leftOn
  return true
}

// Spans that touch (17:00 ends one, 17:00 starts the next; 24:00 and the next day's 00:00)
// are one span, so that a half hour across the seam counts as covered.
const merged = (spans: ReadonlyArray<Span>): ReadonlyArray<Span> => {
  const out: Array<Span> = []
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1)
    if (last !== undefined && span.start <= last.end)
      out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) }
    else if (span.end > span.start) out.push(span)
  }
  return out
}

/**
 * The instants a person works in and around `week`: their working hours read on each local
 * date in their own zone, with the offset of that very date, on the days they were employed.
 */
export const workingSpans = (person: Person, week: Week): ReadonlyArray<Span> => {
  const spans: Array<Span> = []
  for (let d = -reach; d < 7 + reach; d++) {
    const date = addDays(week.monday, d)
    if (!employedOn(person, date)) continue
    const day = weekdays[weekdayIndex(date)] as Weekday
    for (const range of person.workingHours[day]) {
      spans.push({
        start: instantOf(date, minutesOf(range.start), person.timeZone),
        end: instantOf(date, minutesOf(range.end), person.timeZone),
      })
    }
  }
  return merged(spans)
}

/** Whether one of the spans holds the whole of `[start, end)`. */
export const covers = (spans: ReadonlyArray<Span>, start: number, end: number): boolean =>
  spans.some((span) => span.start <= start && end <= span.end)
