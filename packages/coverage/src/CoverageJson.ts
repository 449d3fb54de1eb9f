import type { Coverage, CoverageInterval } from "./Coverage.js"

const instant = (at: number) => new Date(at).toISOString()

const interval = (i: CoverageInterval) => ({ start: instant(i.start), staffed: i.staffed, demand: i.demand })

/** A coverage as JSON, in the fields and instants of `Team.coverage`: what the command line prints. */
export const coverageJson = (coverage: Coverage) => ({
  team: coverage.teamKey,
  timeZone: coverage.week.timeZone,
  start: instant(coverage.week.start),
  end: instant(coverage.week.end),
  intervals: coverage.intervals.map(interval),
  gaps: coverage.gaps.map(interval),
  tracks: coverage.tracks.map((t) => ({
    track: t.track,
    intervals: t.intervals.map(interval),
    gaps: t.gaps.map(interval),
  })),
})
