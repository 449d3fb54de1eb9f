// Shared fixtures of the targets tests: a host with the default plugins a target needs, and
// the few operations the tests do through the API.
import { aorPlugin } from "@teamops/aor"
import { competenciesPlugin } from "@teamops/competencies"
import { kpiPlugin } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { supportPlugin } from "@teamops/support"
import { type Dialect, openTestHost, type TestHost, type TestHostOptions } from "@teamops/testing"
import { targetsPlugin } from "../src/plugin.js"

export interface TargetsHost extends TestHost {
  readonly createTeam: (key: string) => Promise<void>
  /** Creates a person in `team`, hired on `hireDate`; answers their id. */
  readonly createPerson: (email: string, team: string, hireDate?: string) => Promise<string>
  readonly promote: (personId: string, level: string, effectiveOn: string) => Promise<void>
  readonly ingest: (events: ReadonlyArray<unknown>) => Promise<void>
  /** Sets targets as an admin; rejects on a failure payload. */
  readonly setTargets: (targets: ReadonlyArray<unknown>) => Promise<ReadonlyArray<any>>
}

/** A host with the support ladder, kpi and targets, on a fresh database of `dialect`. */
export const openTargets = async (dialect: Dialect, options: TestHostOptions = {}): Promise<TargetsHost> => {
  const host = await openTestHost(
    dialect,
    [orgPlugin, rolesPlugin, competenciesPlugin, aorPlugin, kpiPlugin, targetsPlugin, supportPlugin],
    options,
  )
  const mutation = async (name: string, inputType: string, input: unknown, selection: string) => {
    const data = await host.data(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ${selection} ... on Error { message } } }`,
      { input },
    )
    const result = data[name]
    if (result.__typename.endsWith("Success") === false) throw new Error(`${name}: ${JSON.stringify(result)}`)
    return result
  }
  return {
    ...host,
    createTeam: async (key) => {
      await mutation("createTeam", "CreateTeamInput", { key, name: key }, "")
    },
    createPerson: async (email, team, hireDate = "2026-01-05") => {
      const result = await mutation(
        "createPerson",
        "CreatePersonInput",
        { name: email, email, timeZone: "UTC", teamKey: team, hireDate },
        "... on CreatePersonSuccess { person { id } }",
      )
      return result.person.id
    },
    promote: async (personId, level, effectiveOn) => {
      await mutation(
        "promotePerson",
        "PromotePersonInput",
        { personId, ladderKey: "support", level, rationale: "Shown.", effectiveOn },
        "",
      )
    },
    ingest: async (events) => {
      await mutation("ingestEvents", "IngestEventsInput", { events }, "")
    },
    setTargets: async (targets) => {
      const result = await mutation(
        "setTargets",
        "SetTargetsInput",
        { targets },
        "... on SetTargetsSuccess { targets { id } }",
      )
      return result.targets
    },
  }
}

let n = 0
/**
 * A conversation of `team` created at `at` (RFC 3339), assigned to `email` at once and
 * answered by them `seconds` later.
 */
export const answered = (team: string, email: string, at: string, seconds: number) => {
  const id = `c${++n}`
  const start = Date.parse(at)
  const event = (type: string, offset: number, actor: object, extra: object = {}) => ({
    id: `${id}.${type}`,
    type,
    at: new Date(start + offset * 1000).toISOString(),
    actor,
    conversationId: id,
    ...extra,
  })
  const human = { kind: "human", email }
  return [
    event("conversation.created", 0, { kind: "customer" }),
    event("conversation.assigned", 0, { kind: "automation" }, { assignee: { email }, teamKey: team }),
    event("message.human", seconds, human),
  ]
}

/** A rated conversation: resolved after a minute, then rated `rating`. */
export const rated = (team: string, email: string, at: string, rating: number) => {
  const [created, assigned, reply] = answered(team, email, at, 30) as [any, any, any]
  const start = Date.parse(at)
  const later = (s: number) => new Date(start + s * 1000).toISOString()
  const id = created.conversationId
  return [
    created,
    assigned,
    reply,
    {
      id: `${id}.resolved`,
      type: "conversation.resolved",
      at: later(60),
      actor: { kind: "human", email },
      conversationId: id,
    },
    { id: `${id}.rated`, type: "csat.rated", at: later(120), actor: { kind: "customer" }, conversationId: id, rating },
  ]
}
