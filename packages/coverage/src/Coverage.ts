import type { Person } from "@teamops/org"
import { demandOf } from "./Demand.js"
import { halfHourMillis, halfHoursOf, type Week } from "./Week.js"
import { covers, type Span, workingSpans } from "./WorkingTime.js"

/** One half hour of a week: who is on for all of it, and how many conversations start in it. */
export interface CoverageInterval {
  /** UTC milliseconds. */
  readonly start: number
  /** The people on for the whole half hour. */
  readonly staffed: number
  /** Conversations started in this half hour of the week, the mean over the weeks asked. */
  readonly demand: number
}

/** The coverage of the people of one ladder track. */
export interface TrackCoverage {
  readonly track: string
  readonly intervals: ReadonlyArray<CoverageInterval>
  readonly gaps: ReadonlyArray<CoverageInterval>
}

/** How a team's people cover the hours its customers write in, over one week. */
export interface Coverage {
  readonly teamKey: string
  readonly week: Week
  readonly intervals: ReadonlyArray<CoverageInterval>
  readonly gaps: ReadonlyArray<CoverageInterval>
  /** By track key; people without a level are on no track. */
  readonly tracks: ReadonlyArray<TrackCoverage>
}

/** A person of the team, with the track of their current level when they have one. */
export interface TeamMember {
  readonly person: Person
  readonly track: string | undefined
}

/** What a coverage is computed from. */
export interface CoverageInput {
  readonly teamKey: string
  readonly week: Week
  readonly members: ReadonlyArray<TeamMember>
  /** The creation instants of the team's conversations over the weeks averaged. */
  readonly created: ReadonlyArray<number>
  readonly weeks: number
  readonly minStaffed: number
}

/** A gap: customers write and fewer than `minStaffed` people are on. */
const gapsOf = (intervals: ReadonlyArray<CoverageInterval>, minStaffed: number) =>
  intervals.filter((i) => i.demand > 0 && i.staffed < minStaffed)

const staffing = (
  starts: ReadonlyArray<number>,
  demand: ReadonlyArray<number>,
  spans: ReadonlyArray<ReadonlyArray<Span>>,
): ReadonlyArray<CoverageInterval> =>
  starts.map((start, i) => ({
    start,
    staffed: spans.filter((s) => covers(s, start, start + halfHourMillis)).length,
    demand: demand[i] as number,
  }))

/** The coverage of a week by a team's people, as a whole and per track. */
export const coverageOf = (input: CoverageInput): Coverage => {
  const starts = halfHoursOf(input.week)
  const demand = demandOf(input.week, input.weeks, input.created, starts.length)
  const spans = input.members.map((m) => workingSpans(m.person, input.week))
  const intervals = staffing(starts, demand, spans)
  const trackKeys = [...new Set(input.members.flatMap((m) => (m.track === undefined ? [] : [m.track])))].sort()
  const tracks = trackKeys.map((track) => {
    const on = staffing(
      starts,
      demand,
      spans.filter((_, i) => input.members[i]?.track === track),
    )
    return { track, intervals: on, gaps: gapsOf(on, input.minStaffed) }
  })
  return { teamKey: input.teamKey, week: input.week, intervals, gaps: gapsOf(intervals, input.minStaffed), tracks }
}
