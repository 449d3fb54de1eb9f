import {
  type Builder,
  ConflictError,
  connectionOf,
  decodeInput,
  GlobalId,
  InputError,
  loaderOf,
  NotFoundError,
  objectRef,
  pageOf,
  type RequestContext,
  type SchemaKit,
  type TimeRange,
  type WeeklyHours,
  weekdays,
} from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import { GraphQLError } from "graphql"
import {
  CreatePersonInput,
  type Person,
  type PersonStatus,
  RecordDepartureInput,
  SetManagerInput,
  UpdatePersonInput,
} from "./Person.js"
import { PersonRepo, type PersonRepoService } from "./PersonRepo.js"
import { CreateTeamInput, type Team, UpdateTeamInput } from "./Team.js"
import { TeamRepo, type TeamRepoService } from "./TeamRepo.js"

/** The GraphQL `Team` type; other plugins add fields to it with `builder.objectField(TeamRef, …)`. */
export const TeamRef = objectRef<Team>("Team")
/** The GraphQL `Person` type; other plugins add fields to it with `builder.objectField(PersonRef, …)`. */
export const PersonRef = objectRef<Person>("Person")

const mutationErrors = [InputError, NotFoundError, ConflictError]

/** Puts loaded items back in the order of the keys asked for (`null` where none). */
const inOrder = <T>(keys: ReadonlyArray<string>, items: ReadonlyArray<T>, keyOf: (item: T) => string) => {
  const byKey = new Map(items.map((item) => [keyOf(item), item]))
  return keys.map((key) => byKey.get(key) ?? null)
}

/** Groups loaded items by their parent key, one (possibly empty) list per key asked for. */
const groupedBy = <T>(keys: ReadonlyArray<string>, items: ReadonlyArray<T>, keyOf: (item: T) => string) => {
  const groups = new Map<string, Array<T>>(keys.map((key) => [key, []]))
  for (const item of items) groups.get(keyOf(item))?.push(item)
  return keys.map((key) => groups.get(key) ?? [])
}

/** The org types, queries and mutations. */
export const orgSchema = (builder: Builder, { run }: SchemaKit) => {
  const teams = <A, E>(f: (repo: TeamRepoService) => Effect.Effect<A, E>) => run(Effect.flatMap(TeamRepo, f))
  const people = <A, E>(f: (repo: PersonRepoService) => Effect.Effect<A, E>) => run(Effect.flatMap(PersonRepo, f))

  const teamById = (context: RequestContext) =>
    loaderOf<string, Team | null>(context, "org.teamById", (ids) =>
      teams((r) => r.byIds(ids)).then((found) => inOrder(ids, found, (t) => t.id)),
    )
  const personById = (context: RequestContext) =>
    loaderOf<string, Person | null>(context, "org.personById", (ids) =>
      people((r) => r.byIds(ids)).then((found) => inOrder(ids, found, (p) => p.id)),
    )

  const PersonStatusEnum = builder.enumType("PersonStatus", {
    description: "Whether a person is still in the organisation.",
    values: { ACTIVE: { value: "active" }, LEFT: { value: "left" } } as const,
  })

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

  builder.node(TeamRef, {
    description: "A team: people working together, possibly inside a parent team.",
    id: { resolve: (team) => team.id },
    loadOne: (id, context) => teamById(context).load(id),
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      description: t.exposeString("description", { nullable: true }),
      parent: t.field({
        type: TeamRef,
        nullable: true,
        resolve: (team, _, context) => (team.parentId === null ? null : teamById(context).load(team.parentId)),
      }),
      members: t.connection({
        type: PersonRef,
        description: "The people of this team, ordered by email.",
        args: { status: t.arg({ type: PersonStatusEnum, required: false }) },
        resolve: async (team, args, context) => {
          const page = pageOf(args)
          const status = (args.status ?? undefined) as PersonStatus | undefined
          const key = JSON.stringify([page, status])
          const members = await loaderOf<string, Array<Person>>(context, `org.members:${key}`, (ids) =>
            people((r) => r.membersOf(ids, page, status)).then((found) => groupedBy(ids, found, (p) => p.teamId)),
          ).load(team.id)
          const counts = loaderOf<string, number>(context, `org.memberCounts:${status}`, (ids) =>
            people((r) => r.memberCounts(ids, status)).then((found) => ids.map((id) => found.get(id) ?? 0)),
          )
          return connectionOf(
            members,
            page,
            (p) => [p.email],
            () => counts.load(team.id),
          )
        },
      }),
      subteams: t.connection({
        type: TeamRef,
        description: "The teams directly inside this one, ordered by key.",
        resolve: async (team, args, context) => {
          const page = pageOf(args)
          const subteams = await loaderOf<string, Array<Team>>(context, `org.subteams:${JSON.stringify(page)}`, (ids) =>
            teams((r) => r.subteamsOf(ids, page)).then((found) => groupedBy(ids, found, (s) => s.parentId ?? "")),
          ).load(team.id)
          const counts = loaderOf<string, number>(context, "org.subteamCounts", (ids) =>
            teams((r) => r.subteamCounts(ids)).then((found) => ids.map((id) => found.get(id) ?? 0)),
          )
          return connectionOf(
            subteams,
            page,
            (s) => [s.key],
            () => counts.load(team.id),
          )
        },
      }),
    }),
  })

  builder.node(PersonRef, {
    description: "Someone in the organisation, active or gone.",
    id: { resolve: (person) => person.id },
    loadOne: (id, context) => personById(context).load(id),
    fields: (t) => ({
      name: t.exposeString("name"),
      email: t.exposeString("email", { description: "Stored in lower case; unique regardless of case." }),
      timeZone: t.exposeString("timeZone", { description: "IANA time zone name, such as Europe/Athens." }),
      workingHours: t.field({ type: WeeklyHoursType, resolve: (p) => p.workingHours }),
      hireDate: t.exposeString("hireDate", { description: "YYYY-MM-DD" }),
      status: t.field({ type: PersonStatusEnum, resolve: (p) => p.status }),
      leftOn: t.exposeString("leftOn", { nullable: true, description: "YYYY-MM-DD, when the person left." }),
      team: t.field({
        type: TeamRef,
        resolve: async (p, _, context) => {
          const team = await teamById(context).load(p.teamId)
          if (team === null) throw new Error(`team ${p.teamId} of person ${p.id} is missing`)
          return team
        },
      }),
      manager: t.field({
        type: PersonRef,
        nullable: true,
        resolve: (p, _, context) => (p.managerId === null ? null : personById(context).load(p.managerId)),
      }),
    }),
  })

  builder.queryFields((t) => ({
    teams: t.connection({
      type: TeamRef,
      description: "Every team, ordered by key.",
      resolve: (_, args) => {
        const page = pageOf(args)
        return teams((r) => r.list(page)).then((rows) =>
          connectionOf(
            rows,
            page,
            (team) => [team.key],
            () => teams((r) => r.count),
          ),
        )
      },
    }),
    team: t.field({
      type: TeamRef,
      nullable: true,
      args: { key: t.arg.string({ required: true }) },
      resolve: (_, args) => teams((r) => r.byKey(args.key)).then((team) => team ?? null),
    }),
    people: t.connection({
      type: PersonRef,
      description: "People, ordered by email, optionally of one team or status.",
      args: {
        teamKey: t.arg.string({ required: false }),
        status: t.arg({ type: PersonStatusEnum, required: false }),
      },
      resolve: async (_, args) => {
        const page = pageOf(args)
        const team = args.teamKey == null ? undefined : await teams((r) => r.byKey(args.teamKey as string))
        if (args.teamKey != null && team === undefined)
          throw new GraphQLError(`teamKey: no team with key "${args.teamKey}"`)
        const filter = { teamId: team?.id, status: (args.status ?? undefined) as PersonStatus | undefined }
        const rows = await people((r) => r.list(page, filter))
        return connectionOf(
          rows,
          page,
          (p) => [p.email],
          () => people((r) => r.count(filter)),
        )
      },
    }),
    person: t.field({
      type: PersonRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_, args, context) => {
        const id = Schema.decodeEither(GlobalId("Person"))(String(args.id))
        if (Either.isLeft(id)) throw new GraphQLError(`id: expected the id of a Person, got ${JSON.stringify(args.id)}`)
        return personById(context).load(id.right)
      },
    }),
  }))

  const errors = (name: string, dataField: string) => ({
    types: mutationErrors,
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: dataField },
  })

  const CreateTeamInputType = builder.inputType("CreateTeamInput", {
    fields: (t) => ({
      key: t.string({ required: true, description: "Lower-kebab key, such as support-emea." }),
      name: t.string({ required: true }),
      description: t.string({ required: false }),
      parentKey: t.string({ required: false }),
    }),
  })
  const UpdateTeamInputType = builder.inputType("UpdateTeamInput", {
    description: "Fields left out stay as they are; `parentKey: null` and `description: null` clear them.",
    fields: (t) => ({
      key: t.string({ required: true }),
      name: t.string({ required: false }),
      description: t.string({ required: false }),
      parentKey: t.string({ required: false }),
    }),
  })
  const CreatePersonInputType = builder.inputType("CreatePersonInput", {
    fields: (t) => ({
      name: t.string({ required: true }),
      email: t.string({ required: true }),
      timeZone: t.string({ required: true, description: "IANA time zone name, such as Europe/Athens." }),
      teamKey: t.string({ required: true }),
      hireDate: t.string({ required: false, description: "YYYY-MM-DD; defaults to today in the person's time zone." }),
      workingHours: t.field({
        type: WeeklyHoursInput,
        required: false,
        description: "Defaults to Monday to Friday, 09:00-17:00 local time.",
      }),
      managerId: t.id({ required: false }),
    }),
  })
  const UpdatePersonInputType = builder.inputType("UpdatePersonInput", {
    description: "Fields left out stay as they are.",
    fields: (t) => ({
      id: t.id({ required: true }),
      name: t.string({ required: false }),
      email: t.string({ required: false }),
      timeZone: t.string({ required: false }),
      teamKey: t.string({ required: false }),
      hireDate: t.string({ required: false }),
      workingHours: t.field({ type: WeeklyHoursInput, required: false }),
    }),
  })
  const SetManagerInputType = builder.inputType("SetManagerInput", {
    description: "`managerId: null` removes the manager.",
    fields: (t) => ({ personId: t.id({ required: true }), managerId: t.id({ required: false }) }),
  })
  const RecordDepartureInputType = builder.inputType("RecordDepartureInput", {
    fields: (t) => ({
      personId: t.id({ required: true }),
      leftOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    }),
  })

  // Nullable GraphQL inputs arrive as `undefined` when left out, which the schemas read as "unchanged".
  const decoded = <A, I, B, E>(
    schema: Schema.Schema<A, I, never>,
    raw: unknown,
    then: (input: A) => Effect.Effect<B, E, any>,
  ) => run(Effect.flatMap(decodeInput(schema, ["input"])(raw), then))

  builder.mutationFields((t) => ({
    createTeam: t.field({
      type: TeamRef,
      args: { input: t.arg({ type: CreateTeamInputType, required: true }) },
      errors: errors("CreateTeam", "team"),
      resolve: (_, { input }) => decoded(CreateTeamInput, input, (i) => Effect.flatMap(TeamRepo, (r) => r.create(i))),
    }),
    updateTeam: t.field({
      type: TeamRef,
      args: { input: t.arg({ type: UpdateTeamInputType, required: true }) },
      errors: errors("UpdateTeam", "team"),
      resolve: (_, { input }) => decoded(UpdateTeamInput, input, (i) => Effect.flatMap(TeamRepo, (r) => r.update(i))),
    }),
    createPerson: t.field({
      type: PersonRef,
      args: { input: t.arg({ type: CreatePersonInputType, required: true }) },
      errors: errors("CreatePerson", "person"),
      resolve: (_, { input }) =>
        decoded(CreatePersonInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.create(i))),
    }),
    updatePerson: t.field({
      type: PersonRef,
      args: { input: t.arg({ type: UpdatePersonInputType, required: true }) },
      errors: errors("UpdatePerson", "person"),
      resolve: (_, { input }) =>
        decoded(UpdatePersonInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.update(i))),
    }),
    setManager: t.field({
      type: PersonRef,
      args: { input: t.arg({ type: SetManagerInputType, required: true }) },
      errors: errors("SetManager", "person"),
      resolve: (_, { input }) =>
        decoded(SetManagerInput, { ...input, managerId: input.managerId ?? null }, (i) =>
          Effect.flatMap(PersonRepo, (r) => r.setManager(i)),
        ),
    }),
    recordDeparture: t.field({
      type: PersonRef,
      args: { input: t.arg({ type: RecordDepartureInputType, required: true }) },
      errors: errors("RecordDeparture", "person"),
      resolve: (_, { input }) =>
        decoded(RecordDepartureInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.recordDeparture(i))),
    }),
  }))
}
