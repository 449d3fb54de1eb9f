import {
  ConflictError,
  Db,
  type DbError,
  InputError,
  NotFoundError,
  Outbox,
  officeHours,
  type Page,
  today,
  WeeklyHours,
  zone,
} from "@teamops/core"
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import { type Kysely, sql } from "kysely"
import type { OrgDatabase } from "./OrgDatabase.js"
import { ManagerChanged, PersonDeparted, PersonHired, PersonMoved } from "./OrgEvents.js"
import type {
  CancelDepartureInput,
  CreatePersonInput,
  PeopleFilter,
  Person,
  PersonId,
  PersonStatus,
  RecordDepartureInput,
  SetManagerInput,
  UpdatePersonInput,
} from "./Person.js"
import type { TeamId } from "./Team.js"
import { isUniqueViolation, lockHierarchy, noTeam } from "./TeamRepo.js"

type Row = OrgDatabase["org_people"]

const encodeHours = Schema.encodeSync(Schema.parseJson(WeeklyHours))
// Stored hours were decoded before they were written: reading them back needs no second check,
// which would cost more than the query on a page of people.
const readHours = (json: string) => JSON.parse(json) as WeeklyHours

const toPerson = (row: Row): Person => ({
  id: row.id as PersonId,
  name: row.name,
  email: row.email,
  timeZone: row.time_zone,
  workingHours: readHours(row.working_hours),
  hireDate: row.hire_date,
  teamId: row.team_id as TeamId,
  managerId: row.manager_id as PersonId | null,
  status: row.status,
  leftOn: row.left_on,
  annualSalary: row.annual_salary,
})

const noPerson = (id: string) => new NotFoundError({ entity: "Person", key: id, message: `no person with id "${id}"` })

type Failure = ConflictError | NotFoundError | InputError | DbError

/** Where people are kept. Reads of many people take lists of ids, so that loaders batch them. */
export interface PersonRepoService {
  readonly create: (input: CreatePersonInput) => Effect.Effect<Person, Failure>
  readonly update: (input: UpdatePersonInput) => Effect.Effect<Person, Failure>
  readonly setManager: (input: SetManagerInput) => Effect.Effect<Person, Failure>
  /** Records that a person left; refuses a person who already left (cancel that departure first). */
  readonly recordDeparture: (input: RecordDepartureInput) => Effect.Effect<Person, Failure>
  /** Undoes a departure: the person is active again, with no leave date; refuses a person who has not left. */
  readonly cancelDeparture: (input: CancelDepartureInput) => Effect.Effect<Person, Failure>
  readonly byIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Person>, DbError>
  readonly byEmail: (email: string) => Effect.Effect<Person | undefined, DbError>
  /** The people who have one of `emails` (lower case), in one statement; emails no person has are left out. */
  readonly byEmails: (emails: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Person>, DbError>
  /**
   * The people who have one of `emails` (lower case) and every manager above them, in one
   * statement: what a check of the manager chains of these people reads.
   */
  readonly withManagers: (emails: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Person>, DbError>
  /**
   * The key of the team of each person of `emails` (lower case), in one statement; emails no
   * person has are left out.
   */
  readonly teamKeysOf: (emails: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, string>, DbError>
  /**
   * The people who were here on at least one day from `from` to `to` (local dates, both
   * included): hired on or before `to`, and not gone before `from`. Of `teamIds` only, when
   * given; ordered by email; in one statement.
   */
  readonly presentDuring: (
    from: string,
    to: string,
    teamIds?: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<Person>, DbError>
  /** A page of people ordered by email. */
  readonly list: (page: Page, filter: PeopleFilter) => Effect.Effect<ReadonlyArray<Person>, DbError>
  readonly count: (filter: PeopleFilter) => Effect.Effect<number, DbError>
  /** A page of the members of each team, ordered by email, in one statement. */
  readonly membersOf: (
    teamIds: ReadonlyArray<string>,
    page: Page,
    status: PersonStatus | undefined,
  ) => Effect.Effect<ReadonlyArray<Person>, DbError>
  readonly memberCounts: (
    teamIds: ReadonlyArray<string>,
    status: PersonStatus | undefined,
  ) => Effect.Effect<ReadonlyMap<string, number>, DbError>
  /**
   * Every member of each team, active or gone, ordered by email, in one statement: what a figure
   * over a team's people over time reads (whether someone counted then is in their dates).
   */
  readonly everyMemberOf: (teamIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Person>, DbError>
}

export class PersonRepo extends Context.Tag("@teamops/org/PersonRepo")<PersonRepo, PersonRepoService>() {
  static readonly layer = Layer.effect(
    PersonRepo,
    Effect.zipWith(Db, Outbox, (db, outbox) => makePersonRepo(db, outbox)),
  )
}

const makePersonRepo = (db: Context.Tag.Service<Db>, outbox: Context.Tag.Service<Outbox>): PersonRepoService => {
  const query = <A>(work: (k: Kysely<OrgDatabase>) => Promise<A>) => db.query(work)

  const byId = (id: string) =>
    query((k) => k.selectFrom("org_people").selectAll().where("id", "=", id).executeTakeFirst()).pipe(
      Effect.flatMap((row) => (row ? Effect.succeed(toPerson(row)) : Effect.fail(noPerson(id)))),
    )

  const byEmail = (email: string) =>
    query((k) => k.selectFrom("org_people").selectAll().where("email", "=", email).executeTakeFirst()).pipe(
      Effect.map((row) => (row ? toPerson(row) : undefined)),
    )

  const teamIdOf = (key: string) =>
    query((k) => k.selectFrom("org_teams").select("id").where("key", "=", key).executeTakeFirst()).pipe(
      Effect.flatMap((row) => (row ? Effect.succeed(row.id) : Effect.fail(noTeam(key)))),
    )

  const emailTaken = (email: string) => new ConflictError({ message: `a person with email ${email} already exists` })

  const emailFree = (email: string, owner?: string) =>
    Effect.flatMap(byEmail(email), (found) =>
      found && found.id !== owner ? Effect.fail(emailTaken(email)) : Effect.void,
    )

  // The managers above `managerId`, nearest first, in one recursive statement; a chain
  // that reaches `personId` would close a cycle.
  const managersAbove = (managerId: string) =>
    query((k) =>
      k
        .withRecursive("up(id, email, manager_id, depth)", (q) =>
          q
            .selectFrom("org_people")
            .select(["id", "email", "manager_id", sql<number>`0`.as("depth")])
            .where("id", "=", managerId)
            .unionAll(
              q
                .selectFrom("org_people as p")
                .innerJoin("up", "up.manager_id", "p.id")
                .select(["p.id", "p.email", "p.manager_id", sql<number>`up.depth + 1`.as("depth")])
                .where(sql<boolean>`up.depth < 10000`),
            ),
        )
        .selectFrom("up")
        .select(["id", "email"])
        .orderBy("depth")
        .execute(),
    )

  const checkManager = (person: { id: string; email: string }, managerId: string) =>
    Effect.gen(function* () {
      if (managerId === person.id) {
        return yield* new ConflictError({ message: `${person.email} cannot be their own manager` })
      }
      yield* byId(managerId)
      const chain = yield* managersAbove(managerId)
      const closing = chain.findIndex((p) => p.id === person.id)
      if (closing >= 0) {
        const loop = [person.email, ...chain.slice(0, closing + 1).map((p) => p.email)]
        return yield* new ConflictError({
          message: `a manager cycle would form: ${loop.join(" is managed by ")}`,
        })
      }
    })

  const write = (id: string, changes: Partial<Row>) =>
    query((k) => k.updateTable("org_people").set(changes).where("id", "=", id).execute()).pipe(
      Effect.zipRight(byId(id)),
    )

  const create = (input: CreatePersonInput) =>
    db.transaction(
      Effect.gen(function* () {
        yield* emailFree(input.email)
        const teamId = yield* teamIdOf(input.teamKey)
        const id = crypto.randomUUID()
        if (input.managerId !== undefined) yield* checkManager({ id, email: input.email }, input.managerId)
        const row: Row = {
          id,
          name: input.name,
          email: input.email,
          time_zone: input.timeZone,
          working_hours: encodeHours(input.workingHours ?? officeHours),
          hire_date: input.hireDate ?? today(zone(input.timeZone), yield* DateTime.now),
          team_id: teamId,
          manager_id: input.managerId ?? null,
          status: "active",
          left_on: null,
          annual_salary: input.annualSalary ?? null,
        }
        yield* query((k) => k.insertInto("org_people").values(row).execute()).pipe(
          Effect.catchIf(isUniqueViolation, () => Effect.fail(emailTaken(row.email))),
        )
        yield* outbox.publish(PersonHired, id, { personId: id, email: row.email, teamId, hireDate: row.hire_date })
        if (row.manager_id !== null) {
          yield* outbox.publish(ManagerChanged, id, { personId: id, fromManagerId: null, toManagerId: row.manager_id })
        }
        return toPerson(row)
      }),
    )

  const update = (input: UpdatePersonInput) =>
    db.transaction(
      Effect.gen(function* () {
        const person = yield* byId(input.id)
        if (input.email !== undefined) yield* emailFree(input.email, person.id)
        const hireDate = input.hireDate ?? person.hireDate
        if (person.leftOn !== null && hireDate > person.leftOn) {
          return yield* new InputError({
            path: ["input", "hireDate"],
            message: `input.hireDate: ${hireDate} is after the leave date ${person.leftOn}`,
          })
        }
        const changes: Partial<Row> = {
          name: input.name ?? person.name,
          email: input.email ?? person.email,
          time_zone: input.timeZone ?? person.timeZone,
          working_hours: encodeHours(input.workingHours ?? person.workingHours),
          hire_date: hireDate,
          team_id: input.teamKey === undefined ? person.teamId : yield* teamIdOf(input.teamKey),
          annual_salary: input.annualSalary === undefined ? person.annualSalary : input.annualSalary,
        }
        const written = yield* write(person.id, changes).pipe(
          Effect.catchIf(isUniqueViolation, () => Effect.fail(emailTaken(changes.email as string))),
        )
        if (written.teamId !== person.teamId) {
          yield* outbox.publish(PersonMoved, person.id, {
            personId: person.id,
            fromTeamId: person.teamId,
            toTeamId: written.teamId,
          })
        }
        return written
      }),
    )

  const setManager = (input: SetManagerInput) =>
    db.transaction(
      Effect.gen(function* () {
        if (input.managerId !== null) yield* lockHierarchy(db, "org.managers")
        const person = yield* byId(input.personId)
        if (input.managerId !== null) yield* checkManager(person, input.managerId)
        const written = yield* write(person.id, { manager_id: input.managerId })
        if (written.managerId !== person.managerId) {
          yield* outbox.publish(ManagerChanged, person.id, {
            personId: person.id,
            fromManagerId: person.managerId,
            toManagerId: written.managerId,
          })
        }
        return written
      }),
    )

  const recordDeparture = (input: RecordDepartureInput) =>
    db.transaction(
      Effect.gen(function* () {
        const person = yield* byId(input.personId)
        if (person.status === "left") {
          return yield* new ConflictError({
            message: `${person.email} already left on ${person.leftOn}: cancel that departure before recording another`,
          })
        }
        if (input.leftOn < person.hireDate) {
          return yield* new InputError({
            path: ["input", "leftOn"],
            message: `input.leftOn: the leave date ${input.leftOn} is before the hire date ${person.hireDate}`,
          })
        }
        const written = yield* write(person.id, { status: "left", left_on: input.leftOn })
        yield* outbox.publish(PersonDeparted, person.id, {
          personId: person.id,
          email: person.email,
          leftOn: input.leftOn,
        })
        return written
      }),
    )

  const cancelDeparture = (input: CancelDepartureInput) =>
    db.transaction(
      Effect.gen(function* () {
        const person = yield* byId(input.personId)
        if (person.status !== "left") {
          return yield* new ConflictError({ message: `${person.email} has not left: there is no departure to cancel` })
        }
        return yield* write(person.id, { status: "active", left_on: null })
      }),
    )

  // The people of `emails` and the managers above them: the recursion follows manager_id up,
  // and `union` (not `union all`) stops at a row already found, even in a cycle.
  const withManagers = (emails: ReadonlyArray<string>) =>
    emails.length === 0
      ? Effect.succeed([])
      : query((k) =>
          k
            .withRecursive("up(id)", (q) =>
              q
                .selectFrom("org_people")
                .select("id")
                .where("email", "in", emails)
                .union(
                  q
                    .selectFrom("org_people as p")
                    .innerJoin("up", "up.id", "p.id")
                    .select("p.manager_id as id")
                    .where("p.manager_id", "is not", null)
                    .$narrowType<{ id: string }>(),
                ),
            )
            .selectFrom("org_people")
            .selectAll()
            .where("id", "in", (q) => q.selectFrom("up").select("id"))
            .execute(),
        ).pipe(Effect.map((rows) => rows.map(toPerson)))

  const filtered = (k: Kysely<OrgDatabase>, filter: PeopleFilter) =>
    k
      .selectFrom("org_people")
      .$if(filter.teamId !== undefined, (q) => q.where("team_id", "=", filter.teamId as string))
      .$if(filter.status !== undefined, (q) => q.where("status", "=", filter.status as PersonStatus))

  return {
    create,
    update,
    setManager,
    recordDeparture,
    cancelDeparture,
    byEmail,
    byEmails: (emails) =>
      emails.length === 0
        ? Effect.succeed([])
        : query((k) => k.selectFrom("org_people").selectAll().where("email", "in", emails).execute()).pipe(
            Effect.map((rows) => rows.map(toPerson)),
          ),
    withManagers,
    byIds: (ids) =>
      ids.length === 0
        ? Effect.succeed([])
        : query((k) => k.selectFrom("org_people").selectAll().where("id", "in", ids).execute()).pipe(
            Effect.map((rows) => rows.map(toPerson)),
          ),
    teamKeysOf: (emails) =>
      emails.length === 0
        ? Effect.succeed(new Map())
        : query((k) =>
            k
              .selectFrom("org_people as p")
              .innerJoin("org_teams as t", "t.id", "p.team_id")
              .select(["p.email", "t.key"])
              .where("p.email", "in", emails)
              .execute(),
          ).pipe(Effect.map((rows) => new Map(rows.map((r) => [r.email, r.key])))),
    presentDuring: (from, to, teamIds) =>
      teamIds?.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k
              .selectFrom("org_people")
              .selectAll()
              .where("hire_date", "<=", to)
              // leftOn is the last day worked: someone who left on `from` was still here that day.
              .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">=", from)]))
              .$if(teamIds !== undefined, (q) => q.where("team_id", "in", teamIds as ReadonlyArray<string>))
              .orderBy("email")
              .execute(),
          ).pipe(Effect.map((rows) => rows.map(toPerson))),
    list: (page, filter) =>
      query((k) => {
        const after = page.after?.[0]
        return filtered(k, filter)
          .selectAll()
          .$if(after !== undefined, (q) => q.where("email", ">", after as string))
          .orderBy("email")
          .limit(page.limit + 1)
          .execute()
      }).pipe(Effect.map((rows) => rows.map(toPerson))),
    count: (filter) =>
      query((k) =>
        filtered(k, filter)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ).pipe(Effect.map((r) => Number(r.n))),
    everyMemberOf: (teamIds) =>
      teamIds.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k.selectFrom("org_people").selectAll().where("team_id", "in", teamIds).orderBy("email").execute(),
          ).pipe(Effect.map((rows) => rows.map(toPerson))),
    membersOf: (teamIds, page, status) =>
      teamIds.length === 0
        ? Effect.succeed([])
        : query((k) => {
            const after = page.after?.[0]
            const ranked = filtered(k, { status })
              .selectAll()
              .select(sql<number>`row_number() over (partition by team_id order by email)`.as("rank"))
              .where("team_id", "in", teamIds)
              .$if(after !== undefined, (q) => q.where("email", ">", after as string))
              .as("ranked")
            return k
              .selectFrom(ranked)
              .selectAll()
              .where("rank", "<=", page.limit + 1)
              .orderBy("team_id")
              .orderBy("email")
              .execute()
          }).pipe(Effect.map((rows) => rows.map(toPerson))),
    memberCounts: (teamIds, status) =>
      teamIds.length === 0
        ? Effect.succeed(new Map())
        : query((k) =>
            filtered(k, { status })
              .select(["team_id", (eb) => eb.fn.countAll<number>().as("n")])
              .where("team_id", "in", teamIds)
              .groupBy("team_id")
              .execute(),
          ).pipe(Effect.map((rows) => new Map(rows.map((r) => [r.team_id, Number(r.n)])))),
  }
}
