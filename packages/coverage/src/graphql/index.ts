import { type Builder, decodeInput, type RequestContext, requestLoader, type SchemaKit } from "@teamops/core"
import { type Team, TeamRef } from "@teamops/org"
import type { Coverage, CoverageInterval, TrackCoverage } from "../Coverage.js"
import { CoverageQuery } from "../CoverageQuery.js"
import { coveragesOf } from "../CoverageReader.js"

const instant = (at: number) => new Date(at).toISOString()

/**
 * The coverage of a team, through a loader per question: the teams of one request asking the
 * same week share one read of everything coverage needs.
 */
const loadCoverage = (context: RequestContext, query: CoverageQuery, team: Team): Promise<Coverage> =>
  requestLoader("coverage", `coverage:${JSON.stringify(query)}`, (keys: ReadonlyArray<string>) =>
    coveragesOf(
      keys.map((key) => JSON.parse(key) as { id: string; key: string }),
      query,
    ),
  )(context).load(JSON.stringify({ id: team.id, key: team.key }))

/** `Team.coverage`. */
export const coverageSchema = (builder: Builder, { runQuery }: SchemaKit) => {
  const IntervalType = builder.objectRef<CoverageInterval>("CoverageInterval").implement({
    description: "A half hour of the week: the people on for all of it, and the conversations customers start in it.",
    fields: (t) => ({
      start: t.string({ description: "RFC 3339, UTC.", resolve: (i) => instant(i.start) }),
      staffed: t.int({
        description: "The people of the team employed then whose working hours hold the whole half hour.",
        resolve: (i) => i.staffed,
      }),
      demand: t.float({
        description:
          "Conversations of the team created in this half hour of the week by local wall time in the team's zone, the mean over the weeks asked.",
        resolve: (i) => i.demand,
      }),
    }),
  })
  const TrackType = builder.objectRef<TrackCoverage>("TrackCoverage").implement({
    description: "The coverage by the people whose current level is on one track of their ladder.",
    fields: (t) => ({
      track: t.string({ description: "The track's key, such as `technical`.", resolve: (c) => c.track }),
      intervals: t.field({ type: [IntervalType], resolve: (c) => [...c.intervals] }),
      gaps: t.field({ type: [IntervalType], resolve: (c) => [...c.gaps] }),
    }),
  })
  const CoverageType = builder.objectRef<Coverage>("Coverage").implement({
    description: "How a team's people cover the hours its customers write in, over one week (docs/coverage.md).",
    fields: (t) => ({
      timeZone: t.string({
        description: "The zone of the team's calendar, UTC without one: the week runs in it.",
        resolve: (c) => c.week.timeZone,
      }),
      start: t.string({
        description: "Monday 00:00 in the team's zone, RFC 3339 in UTC.",
        resolve: (c) => instant(c.week.start),
      }),
      end: t.string({ description: "The next Monday 00:00 there.", resolve: (c) => instant(c.week.end) }),
      intervals: t.field({
        type: [IntervalType],
        description: "The week's half hours: 336, 334 or 338 in a week in which the zone's clocks change by an hour.",
        resolve: (c) => [...c.intervals],
      }),
      gaps: t.field({
        type: [IntervalType],
        description:
          "The half hours in which customers write (demand above 0) and fewer than `minStaffed` people are on.",
        resolve: (c) => [...c.gaps],
      }),
      tracks: t.field({
        type: [TrackType],
        description:
          "The same, per track of the people's current levels, by track key; people without a level are on none.",
        resolve: (c) => [...c.tracks],
      }),
    }),
  })

  builder.objectField(TeamRef, "coverage", (t) =>
    t.field({
      type: CoverageType,
      nullable: true,
      description:
        "How the team's people cover the hours customers write in, over one week. Seen by its members, their managers, `metrics:read` and admins; null for anyone else.",
      authScopes: (team: Team) => ({ teamOf: team.id }),
      unauthorizedResolver: () => null,
      args: {
        weekOf: t.arg.string({
          required: true,
          description: "A date (YYYY-MM-DD) of the week: Monday to Monday in the team's zone.",
        }),
        minStaffed: t.arg.int({
          required: false,
          defaultValue: 2,
          description: "Fewer people on than this while customers write is a gap.",
        }),
        weeks: t.arg.int({
          required: false,
          defaultValue: 4,
          description: "Demand is the mean over this many weeks (1 to 52), ending with this one.",
        }),
      },
      resolve: async (team: Team, args: Record<string, unknown>, context: RequestContext) =>
        loadCoverage(context, await runQuery(decodeInput(CoverageQuery)(args)), team),
    }),
  )
}
