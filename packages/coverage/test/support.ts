// Shared fixtures of the coverage tests: a host with the plugins coverage reads, and the few
// operations the tests do through the API.
import { aorPlugin } from "@teamops/aor"
import { competenciesPlugin } from "@teamops/competencies"
import { kpiPlugin } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { supportPlugin } from "@teamops/support"
import { targetsPlugin } from "@teamops/targets"
import { type Dialect, openTestHost, type TestHost } from "@teamops/testing"
import { coveragePlugin } from "../src/plugin.js"

export interface PersonFixture {
  readonly timeZone?: string
  readonly hireDate?: string
  readonly workingHours?: Record<string, ReadonlyArray<{ start: string; end: string }>>
  readonly managerId?: string
}

export interface CoverageHost extends TestHost {
  readonly createTeam: (key: string, timeZone?: string) => Promise<void>
  /** Creates a person of `team`; answers their id. */
  readonly createPerson: (email: string, team: string, fixture?: PersonFixture) => Promise<string>
  readonly promote: (personId: string, level: string) => Promise<void>
  readonly leave: (personId: string, leftOn: string) => Promise<void>
  /** Conversations of `team`, each created at one of `instants` and assigned to it at once. */
  readonly conversations: (team: string, instants: ReadonlyArray<string>) => Promise<void>
  readonly ingest: (events: ReadonlyArray<unknown>) => Promise<void>
  /** The coverage of `team` as the admin reads it. */
  readonly coverage: (team: string, args: string, selection?: string) => Promise<any>
}

let conversation = 0

/** A host of org, roles, competencies, aor, kpi, targets, support (its ladder) and coverage on a fresh database of `dialect`. */
export const openCoverage = async (dialect: Dialect): Promise<CoverageHost> => {
  const host = await openTestHost(dialect, [
    orgPlugin,
    rolesPlugin,
    competenciesPlugin,
    aorPlugin,
    kpiPlugin,
    targetsPlugin,
    supportPlugin,
    coveragePlugin,
  ])
  const mutation = async (name: string, inputType: string, input: unknown, selection = "") => {
    const data = await host.data(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ${selection} ... on Error { message } } }`,
      { input },
    )
    const result = data[name]
    if (result.__typename.endsWith("Success") === false) throw new Error(`${name}: ${JSON.stringify(result)}`)
    return result
  }
  const ingest = async (events: ReadonlyArray<unknown>) => {
    await mutation("ingestEvents", "IngestEventsInput", { events })
  }
  return {
    ...host,
    createTeam: async (key, timeZone) => {
      await mutation("createTeam", "CreateTeamInput", { key, name: key })
      if (timeZone !== undefined) {
        const calendar = { timeZone, weekly: { mon: [["09:00", "17:00"]] } }
        await mutation("setTeamCalendar", "SetTeamCalendarInput", { teamKey: key, calendar })
      }
    },
    createPerson: async (email, team, fixture = {}) => {
      const input = { name: email, email, timeZone: "UTC", teamKey: team, hireDate: "2025-01-06", ...fixture }
      const result = await mutation(
        "createPerson",
        "CreatePersonInput",
        input,
        "... on CreatePersonSuccess { person { id } }",
      )
      return result.person.id
    },
    promote: async (personId, level) => {
      await mutation("promotePerson", "PromotePersonInput", {
        personId,
        ladderKey: "support",
        level,
        rationale: "Shown.",
        effectiveOn: "2025-06-02",
      })
    },
    leave: async (personId, leftOn) => {
      await mutation("recordDeparture", "RecordDepartureInput", { personId, leftOn })
    },
    conversations: async (team, instants) => {
      await ingest(
        instants.flatMap((at) => {
          const id = `conversation-${++conversation}`
          return [
            { id: `${id}.created`, type: "conversation.created", at, actor: { kind: "customer" }, conversationId: id },
            {
              id: `${id}.assigned`,
              type: "conversation.assigned",
              at,
              actor: { kind: "automation" },
              conversationId: id,
              assignee: null,
              teamKey: team,
            },
          ]
        }),
      )
    },
    ingest,
    coverage: async (
      team,
      args,
      selection = "timeZone start end intervals { start staffed demand } gaps { start staffed demand } tracks { track intervals { start staffed demand } gaps { start staffed demand } }",
    ) => {
      const data = await host.data(`{ team(key: "${team}") { coverage(${args}) { ${selection} } } }`)
      return data.team.coverage
    },
  }
}

/** The interval of a coverage that starts at `start` (RFC 3339 in UTC, milliseconds written). */
export const at = (intervals: ReadonlyArray<any>, start: string) => {
  const found = intervals.find((i) => i.start === new Date(start).toISOString())
  if (found === undefined) throw new Error(`no interval starts at ${start}`)
  return found
}

/** The staffed counts at each of `starts`. */
export const staffedAt = (intervals: ReadonlyArray<any>, starts: ReadonlyArray<string>) =>
  starts.map((s) => at(intervals, s).staffed)
