import { type Builder, decodeInput, groupedLoader, type SchemaKit } from "@teamops/core"
import { Effect } from "effect"
import { OrgSettings } from "../OrgConfig.js"
import type { Person } from "../Person.js"
import { PersonRepo } from "../PersonRepo.js"
import type { Team } from "../Team.js"
import { TeamRepo } from "../TeamRepo.js"
import {
  type Departure,
  type PersonTenure,
  type TenureBand,
  type Workforce,
  WorkforcePeriod,
  workforceOf,
} from "../Workforce.js"
import { PersonRef, TeamRef } from "./refs.js"

interface TeamWorkforce {
  readonly team: Team
  readonly workforce: Workforce
}

interface OrganisationWorkforce {
  readonly organisation: Workforce
  readonly teams: ReadonlyArray<TeamWorkforce>
}

const moneyNote = "Seen by people partners and admins; null for anyone else."

/** The salary that stands for a person in the cost of turnover: their own, else their team's default. */
const salaryOf = (teams: ReadonlyMap<string, Team>) => (person: Person) =>
  person.annualSalary ?? teams.get(person.teamId)?.defaultAnnualSalary ?? null

const periodOf = (args: { readonly from: string; readonly to: string }) => decodeInput(WorkforcePeriod)(args)

/** The people of each team here during `period`: those of every team of a response, in one statement. */
const presentDuring = (period: WorkforcePeriod) =>
  groupedLoader(
    "org",
    `presentDuring:${period.from}:${period.to}`,
    (teamIds) => Effect.flatMap(PersonRepo, (r) => r.presentDuring(period.from, period.to, teamIds)),
    (person: Person) => person.teamId,
  )

/**
 * The figures of the whole organisation and of every team, from two statements whatever the
 * number of teams: every team, and everyone here during the period.
 */
const organisationWorkforce = (args: { from: string; to: string }) =>
  Effect.gen(function* () {
    const period = yield* periodOf(args)
    const { replacementCostRate } = yield* OrgSettings
    const teams = yield* Effect.flatMap(TeamRepo, (r) => r.all)
    const people = yield* Effect.flatMap(PersonRepo, (r) => r.presentDuring(period.from, period.to))
    const salary = salaryOf(new Map(teams.map((team) => [team.id as string, team])))
    const ofTeam = new Map<string, Array<Person>>()
    for (const person of people) ofTeam.set(person.teamId, [...(ofTeam.get(person.teamId) ?? []), person])
    return {
      organisation: workforceOf(people, period, salary, replacementCostRate),
      teams: teams.map((team) => ({
        team,
        workforce: workforceOf(ofTeam.get(team.id) ?? [], period, salary, replacementCostRate),
      })),
    } satisfies OrganisationWorkforce
  })

/** `Team.workforce` and the `workforce` query, with the salary fields' rules. */
export const workforceSchema = (builder: Builder, { runQuery }: SchemaKit) => {
  const TenureBandEnum = builder.enumType("TenureBand", {
    description: "How long a person has been here, in days; a year is 365 days.",
    values: {
      UNDER_90_DAYS: { value: "under-90-days", description: "Fewer than 90 days." },
      FROM_90_DAYS_TO_1_YEAR: { value: "90-days-to-1-year", description: "90 to 364 days." },
      FROM_1_TO_2_YEARS: { value: "1-to-2-years", description: "365 to 729 days." },
      FROM_2_TO_5_YEARS: { value: "2-to-5-years", description: "730 to 1824 days." },
      FROM_5_YEARS: { value: "5-years", description: "1825 days and more." },
    } as const,
  })

  const PersonTenureType = builder.objectRef<PersonTenure>("PersonTenure").implement({
    description: "A person here during the period, and how long they had been here at its end (or when they left).",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (tenure) => tenure.person }),
      tenureDays: t.exposeInt("days", {
        description: "Days from the hire date to the period's last day or the leave date.",
      }),
      band: t.field({ type: TenureBandEnum, resolve: (tenure) => tenure.band }),
    }),
  })

  const TenureBandCountType = builder.objectRef<{ band: TenureBand; count: number }>("TenureBandCount").implement({
    fields: (t) => ({
      band: t.field({ type: TenureBandEnum, resolve: (row) => row.band }),
      count: t.exposeInt("count"),
    }),
  })

  const WorkforceTenureType = builder.objectRef<Workforce>("WorkforceTenure").implement({
    description: "How long the people of the period had been here.",
    fields: (t) => ({
      people: t.field({ type: [PersonTenureType], description: "Ordered by email.", resolve: (w) => w.tenure }),
      bands: t.field({
        type: [TenureBandCountType],
        description: "Every band, shortest first, with how many of `people` it holds.",
        resolve: (w) => w.tenureBands,
      }),
    }),
  })

  const DepartureType = builder.objectRef<Departure>("WorkforceDeparture").implement({
    description: "A person whose leave date falls in the period.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (departure) => departure.person }),
      leftOn: t.exposeString("leftOn", { description: "YYYY-MM-DD, the last day they worked here." }),
      tenureDays: t.exposeInt("days", { description: "Days from the hire date to the leave date." }),
      annualSalary: t.exposeFloat("annualSalary", {
        nullable: true,
        description: `The salary their leaving is costed at: their own, else their team's default; null when neither is known. ${moneyNote}`,
        authScopes: { people: true },
        unauthorizedResolver: () => null,
      }),
    }),
  })

  const WorkforceType = builder.objectRef<Workforce>("Workforce").implement({
    description: "Headcount, tenure and turnover over a period of local dates, both included (docs/workforce.md).",
    fields: (t) => ({
      from: t.string({ description: "YYYY-MM-DD, the period's first day.", resolve: (w) => w.period.from }),
      to: t.string({ description: "YYYY-MM-DD, the period's last day.", resolve: (w) => w.period.to }),
      headcountAtStart: t.exposeInt("headcountAtStart", { description: "People here on `from`." }),
      headcountAtEnd: t.exposeInt("headcountAtEnd", { description: "People here on `to`." }),
      averageHeadcount: t.exposeFloat("averageHeadcount", {
        description: "The mean, over the days of the period, of the people here that day.",
      }),
      tenure: t.field({
        type: WorkforceTenureType,
        description: "Everyone here on at least one day of the period, with their tenure and its band.",
        resolve: (w) => w,
      }),
      departures: t.field({
        type: [DepartureType],
        description: "The people whose leave date falls in the period, ordered by email.",
        resolve: (w) => w.departures,
      }),
      turnoverRate: t.exposeFloat("turnoverRate", {
        nullable: true,
        description: "Departures divided by the average headcount; null when nobody was here.",
      }),
      turnoverCost: t.exposeFloat("turnoverCost", {
        nullable: true,
        description:
          "The known annual salaries of the departures times `replacementCostRate`, to the cent: 0 without departures, null when no departure's salary is known. " +
          moneyNote,
        authScopes: { people: true },
        unauthorizedResolver: () => null,
      }),
      uncostedDepartures: t.exposeInt("uncostedDepartures", {
        nullable: true,
        description: `Departures whose salary is not known, which \`turnoverCost\` leaves out. ${moneyNote}`,
        authScopes: { people: true },
        unauthorizedResolver: () => null,
      }),
      replacementCostRate: t.exposeFloat("replacementCostRate", {
        description:
          "What replacing a person costs as a share of their annual salary (`pluginConfig.org`; 0.21 by default).",
      }),
    }),
  })

  const TeamWorkforceType = builder.objectRef<TeamWorkforce>("TeamWorkforce").implement({
    fields: (t) => ({
      team: t.field({ type: TeamRef, resolve: (row) => row.team }),
      workforce: t.field({ type: WorkforceType, resolve: (row) => row.workforce }),
    }),
  })

  const OrganisationWorkforceType = builder.objectRef<OrganisationWorkforce>("OrganisationWorkforce").implement({
    fields: (t) => ({
      organisation: t.field({
        type: WorkforceType,
        description: "Everyone in the organisation.",
        resolve: (row) => row.organisation,
      }),
      teams: t.field({
        type: [TeamWorkforceType],
        description: "Every team, ordered by key, with the figures of its own people (not those of its subteams).",
        resolve: (row) => row.teams,
      }),
    }),
  })

  builder.objectField(TeamRef, "workforce", (t) =>
    t.field({
      type: WorkforceType,
      nullable: true,
      description:
        "Headcount, tenure and turnover of this team's people (as their teams are now) over a period. Seen by the team's managers, people partners, `metrics:read` and admins; null for anyone else.",
      authScopes: (team) => ({ managesTeam: team.id, people: true, scope: "metrics:read" }),
      unauthorizedResolver: () => null,
      args: {
        from: t.arg.string({ required: true, description: "YYYY-MM-DD, the period's first day." }),
        to: t.arg.string({ required: true, description: "YYYY-MM-DD, the period's last day, on or after `from`." }),
      },
      resolve: async (team, args, context) => {
        const { period, settings } = await runQuery(Effect.all({ period: periodOf(args), settings: OrgSettings }))
        const people = await presentDuring(period)(context).load(team.id)
        return workforceOf(people, period, salaryOf(new Map([[team.id, team]])), settings.replacementCostRate)
      },
    }),
  )

  builder.queryField("workforce", (t) =>
    t.field({
      type: OrganisationWorkforceType,
      description:
        "Headcount, tenure and turnover of the whole organisation and of every team over a period. For people partners, `metrics:read` and admins.",
      authScopes: { people: true, scope: "metrics:read" },
      args: {
        from: t.arg.string({ required: true, description: "YYYY-MM-DD, the period's first day." }),
        to: t.arg.string({ required: true, description: "YYYY-MM-DD, the period's last day, on or after `from`." }),
      },
      resolve: (_, args) => runQuery(organisationWorkforce(args)),
    }),
  )
}
