import { type Builder, batchedConnection, type SchemaKit } from "@teamops/core"
import { Effect } from "effect"
import { personLoader, teamLoader } from "../OrgLoaders.js"
import type { PersonStatus } from "../Person.js"
import { PersonRepo } from "../PersonRepo.js"
import { TeamRepo } from "../TeamRepo.js"
import type { hoursTypes } from "./hours.js"
import { PersonRef, TeamRef } from "./refs.js"

// Salaries are sensitive: anyone but people partners and admins reads them as unknown.
const salaryNote = "Seen by people partners and admins; null for anyone else."

/** The `Team` and `Person` nodes. */
export const orgTypes = (
  builder: Builder,
  { invariant }: SchemaKit,
  { WeeklyHoursType }: ReturnType<typeof hoursTypes>,
) => {
  const PersonStatusEnum = builder.enumType("PersonStatus", {
    description: "Whether a person is still in the organisation.",
    values: { ACTIVE: { value: "active" }, LEFT: { value: "left" } } as const,
  })

  builder.node(TeamRef, {
    description: "A team: people working together, possibly inside a parent team.",
    id: { resolve: (team) => team.id },
    loadOne: (id, context) => teamLoader(context).load(id),
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      description: t.exposeString("description", { nullable: true }),
      defaultAnnualSalary: t.exposeFloat("defaultAnnualSalary", {
        nullable: true,
        description: `The annual salary of this team's people who have none of their own, for the cost of turnover. ${salaryNote}`,
        authScopes: { people: true },
        unauthorizedResolver: () => null,
      }),
      parent: t.field({
        type: TeamRef,
        nullable: true,
        resolve: (team, _, context) => (team.parentId === null ? null : teamLoader(context).load(team.parentId)),
      }),
      members: t.connection({
        type: PersonRef,
        description: "The people of this team, ordered by email.",
        args: { status: t.arg({ type: PersonStatusEnum, required: false }) },
        resolve: (team, args, context) => {
          const status = (args.status ?? undefined) as PersonStatus | undefined
          return batchedConnection(context, team.id, args, {
            owner: "org",
            name: `members:${status}`,
            page: (ids, page) => Effect.flatMap(PersonRepo, (r) => r.membersOf(ids, page, status)),
            counts: (ids) => Effect.flatMap(PersonRepo, (r) => r.memberCounts(ids, status)),
            parentOf: (p) => p.teamId,
            cursorOf: (p) => [p.email],
          })
        },
      }),
      subteams: t.connection({
        type: TeamRef,
        description: "The teams directly inside this one, ordered by key.",
        resolve: (team, args, context) =>
          batchedConnection(context, team.id, args, {
            owner: "org",
            name: "subteams",
            page: (ids, page) => Effect.flatMap(TeamRepo, (r) => r.subteamsOf(ids, page)),
            counts: (ids) => Effect.flatMap(TeamRepo, (r) => r.subteamCounts(ids)),
            parentOf: (s) => s.parentId ?? "",
            cursorOf: (s) => [s.key],
          }),
      }),
    }),
  })

  builder.node(PersonRef, {
    description: "Someone in the organisation, active or gone.",
    id: { resolve: (person) => person.id },
    loadOne: (id, context) => personLoader(context).load(id),
    fields: (t) => ({
      name: t.exposeString("name"),
      email: t.exposeString("email", { description: "Stored in lower case; unique regardless of case." }),
      timeZone: t.exposeString("timeZone", { description: "IANA time zone name, such as Europe/Athens." }),
      workingHours: t.field({ type: WeeklyHoursType, resolve: (p) => p.workingHours }),
      hireDate: t.exposeString("hireDate", { description: "YYYY-MM-DD" }),
      status: t.field({ type: PersonStatusEnum, resolve: (p) => p.status }),
      leftOn: t.exposeString("leftOn", {
        nullable: true,
        description: "YYYY-MM-DD, when the person left. Seen by people partners, the person and their managers.",
        authScopes: (person) => ({ people: true, careerOf: person.id }),
        unauthorizedResolver: () => null,
      }),
      annualSalary: t.exposeFloat("annualSalary", {
        nullable: true,
        description: `In the organisation's currency; null when not recorded. ${salaryNote}`,
        authScopes: { people: true },
        unauthorizedResolver: () => null,
      }),
      team: t.field({
        type: TeamRef,
        resolve: async (p, _, context) =>
          (await teamLoader(context).load(p.teamId)) ?? invariant(`team ${p.teamId} of person ${p.id} is missing`),
      }),
      manager: t.field({
        type: PersonRef,
        nullable: true,
        resolve: (p, _, context) => (p.managerId === null ? null : personLoader(context).load(p.managerId)),
      }),
    }),
  })

  return { PersonStatusEnum }
}
