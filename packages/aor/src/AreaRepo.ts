import { CompetencyCatalog } from "@teamops/competencies"
import { ConflictError, Db, type DbError, InputError, NotFoundError, type Page } from "@teamops/core"
import { type Person, PersonRepo, TeamRepo } from "@teamops/org"
import { Clock, Context, Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import type { AorDatabase } from "./AorDatabase.js"
import type {
  AddAreaContributorInput,
  Area,
  AreaFilter,
  AreaWork,
  Contribution,
  CreateAreaInput,
  HandOverAreaInput,
  Ownership,
  PersonArea,
  RecordAreaWorkInput,
  RemoveAreaContributorInput,
  UpdateAreaInput,
} from "./Area.js"
import { categoryProblem, competenciesProblem, teamProblem } from "./AreaChecks.js"
import { storedIds, toArea, toContribution, toOwnership, toWork } from "./AreaRows.js"
import { AreaCategories } from "./Categories.js"

export type AreaFailure = InputError | NotFoundError | ConflictError | DbError

/** When an area was last looked after: its latest work (a date) and latest confirmation (an instant). */
export interface AreaActivity {
  readonly areaId: string
  readonly lastWorkOn: string | null
  readonly lastConfirmedAt: string | null
}

/** Where areas, their owners, contributors and work are kept. Reads take lists, so that loaders batch them. */
export interface AreaRepoService {
  readonly create: (input: CreateAreaInput) => Effect.Effect<Area, AreaFailure>
  readonly update: (input: UpdateAreaInput) => Effect.Effect<Area, AreaFailure>
  /** Closes the current ownership and opens the next in one transaction; refuses when the expected owner is not the owner. */
  readonly handOver: (input: HandOverAreaInput) => Effect.Effect<Area, AreaFailure>
  readonly addContributor: (input: AddAreaContributorInput) => Effect.Effect<Area, AreaFailure>
  readonly removeContributor: (input: RemoveAreaContributorInput) => Effect.Effect<Area, AreaFailure>
  readonly recordWork: (input: RecordAreaWorkInput) => Effect.Effect<Area, AreaFailure>
  /** Records that `personId`, the owner, checked that the area's definition and owner are still right. */
  readonly confirm: (areaKey: string, personId: string) => Effect.Effect<Area, AreaFailure>
  /** Retires an area: its ownership and contributions end, its history stays. */
  readonly retire: (areaKey: string) => Effect.Effect<Area, AreaFailure>
  readonly byKeys: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Area>, DbError>
  readonly byIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Area>, DbError>
  /** A page of areas ordered by key. */
  readonly list: (page: Page, filter: AreaFilter) => Effect.Effect<ReadonlyArray<Area>, DbError>
  readonly count: (filter: AreaFilter) => Effect.Effect<number, DbError>
  /** Areas that existed and were not retired at `asOf` (RFC 3339, UTC). */
  readonly activeAt: (asOf: string) => Effect.Effect<ReadonlyArray<Area>, DbError>
  /** The ownerships of the areas open at `asOf` (default: open now). */
  readonly ownersOf: (areaIds: ReadonlyArray<string>, asOf?: string) => Effect.Effect<ReadonlyArray<Ownership>, DbError>
  /** Every ownership of the areas, oldest first. */
  readonly historyOf: (areaIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Ownership>, DbError>
  /** The contributions of the areas open at `asOf` (default: open now). */
  readonly contributorsOf: (
    areaIds: ReadonlyArray<string>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<Contribution>, DbError>
  /** Every contribution of the areas, oldest first. */
  readonly contributionHistoryOf: (
    areaIds: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<Contribution>, DbError>
  /** A page of the work of each area, latest first, in one statement. */
  readonly workOf: (areaIds: ReadonlyArray<string>, page: Page) => Effect.Effect<ReadonlyArray<AreaWork>, DbError>
  readonly workCounts: (areaIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, number>, DbError>
  /** The work people did in areas, up to `asOf` (YYYY-MM-DD) when given, with the areas. */
  readonly workOfPeople: (
    personIds: ReadonlyArray<string>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<{ readonly work: AreaWork; readonly area: Area }>, DbError>
  /** What each person owns or contributes to now, in one statement. */
  readonly areasOf: (personIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<PersonArea>, DbError>
  /** The latest work and confirmation of every area, up to `asOf`. */
  readonly activity: (asOf: string) => Effect.Effect<ReadonlyArray<AreaActivity>, DbError>
}

const noArea = (key: string) => new NotFoundError({ entity: "Area", key, message: `no area with key "${key}"` })
const noPerson = (id: string) => new NotFoundError({ entity: "Person", key: id, message: `no person with id "${id}"` })
const keyTaken = (key: string) => new ConflictError({ message: `an area with key "${key}" already exists` })
const isUnique = (error: { readonly _tag: string }): error is DbError =>
  error._tag === "DbError" && (error as DbError).reason === "unique"

const personLabel = (person: Person) => `${person.name} (${person.email})`
const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

export class AreaRepo extends Context.Tag("@teamops/aor/AreaRepo")<AreaRepo, AreaRepoService>() {
  static readonly layer = Layer.effect(
    AreaRepo,
    Effect.gen(function* () {
      const db = yield* Db
      const teams = yield* TeamRepo
      const people = yield* PersonRepo
      const catalog = yield* CompetencyCatalog
      const categories = yield* AreaCategories
      const query = <A>(work: (k: Kysely<AorDatabase>) => Promise<A>) => db.query(work)

      const byKey = (key: string) =>
        query((k) => k.selectFrom("aor_areas").selectAll().where("key", "=", key).executeTakeFirst()).pipe(
          Effect.map((row) => (row ? toArea(row) : undefined)),
        )

      // Takes the area's row for the rest of the transaction, so that writes to one area (two
      // handovers sent at once) run one after the other and each sees the one before it.
      // SQLite runs one transaction at a time already.
      const lockArea = (key: string) =>
        Effect.flatMap(
          query((k) => {
            const select = k.selectFrom("aor_areas").selectAll().where("key", "=", key)
            return (db.dialect === "postgres" ? select.forUpdate() : select).executeTakeFirst()
          }),
          (row) => (row ? Effect.succeed(toArea(row)) : Effect.fail(noArea(key))),
        )

      const activeArea = (key: string) =>
        Effect.flatMap(lockArea(key), (area) =>
          area.status === "retired"
            ? Effect.fail(new ConflictError({ message: `area "${key}" is retired` }))
            : Effect.succeed(area),
        )

      const teamIdOf = (teamKey: string, path: ReadonlyArray<string>) =>
        Effect.flatMap(teams.byKey(teamKey), (team) =>
          team
            ? Effect.succeed(team.id)
            : Effect.fail(
                new NotFoundError({
                  entity: "Team",
                  key: teamKey,
                  message: `${path.join(".")}: ${teamProblem(teamKey)}`,
                }),
              ),
        )

      const checkCategory = (category: string) => {
        const problem = categoryProblem(categories, category)
        return problem === undefined
          ? Effect.void
          : Effect.fail(new InputError({ path: ["input", "category"], message: `input.category: ${problem}` }))
      }

      const checkCompetencies = (keys: ReadonlyArray<string>) =>
        keys.length === 0
          ? Effect.void
          : Effect.flatMap(catalog.list, (known) => {
              const problem = competenciesProblem(known, keys)
              return problem === undefined
                ? Effect.void
                : Effect.fail(
                    new InputError({ path: ["input", "competencies"], message: `input.competencies: ${problem}` }),
                  )
            })

      /** The person, who must be active to own or contribute. */
      const activePerson = (personId: string, field: string) =>
        Effect.gen(function* () {
          const [person] = yield* people.byIds([personId])
          if (person === undefined) return yield* noPerson(personId)
          if (person.status !== "active") {
            return yield* new InputError({
              path: ["input", field],
              message: `input.${field}: ${personLabel(person)} has left`,
            })
          }
          return person
        })

      const openOwnership = (areaId: string) =>
        query((k) =>
          k
            .selectFrom("aor_ownerships")
            .selectAll()
            .where("area_id", "=", Number(areaId))
            .where("ended_at", "is", null)
            .executeTakeFirst(),
        ).pipe(Effect.map((row) => (row ? toOwnership(row) : undefined)))

      const openContribution = (areaId: string, personId: string) =>
        query((k) =>
          k
            .selectFrom("aor_contributions")
            .selectAll()
            .where("area_id", "=", Number(areaId))
            .where("person_id", "=", personId)
            .where("ended_at", "is", null)
            .executeTakeFirst(),
        ).pipe(Effect.map((row) => (row ? toContribution(row) : undefined)))

      const endContribution = (areaId: string, personId: string, at: string) =>
        query((k) =>
          k
            .updateTable("aor_contributions")
            .set({ ended_at: at })
            .where("area_id", "=", Number(areaId))
            .where("person_id", "=", personId)
            .where("ended_at", "is", null)
            .execute(),
        )

      const reread = (areaId: string) =>
        Effect.flatMap(
          query((k) =>
            k.selectFrom("aor_areas").selectAll().where("id", "=", Number(areaId)).executeTakeFirstOrThrow(),
          ),
          (row) => Effect.succeed(toArea(row)),
        )

      const create: AreaRepoService["create"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            if (yield* byKey(input.key)) return yield* keyTaken(input.key)
            const teamId = yield* teamIdOf(input.teamKey, ["input", "teamKey"])
            yield* checkCategory(input.category)
            yield* checkCompetencies(input.competencies)
            const at = yield* nowIso
            const row = yield* query((k) =>
              k
                .insertInto("aor_areas")
                .values({
                  key: input.key,
                  name: input.name,
                  purpose: input.purpose,
                  team_id: teamId,
                  category: input.category,
                  weekly_hours: input.weeklyHours,
                  decisions: JSON.stringify(input.decisions),
                  competencies: JSON.stringify(input.competencies),
                  review_every_days: input.reviewEveryDays,
                  status: "active",
                  created_at: at,
                  retired_at: null,
                })
                .returningAll()
                .executeTakeFirstOrThrow(),
            ).pipe(Effect.catchIf(isUnique, () => Effect.fail(keyTaken(input.key))))
            return toArea(row)
          }),
        )

      const update: AreaRepoService["update"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* lockArea(input.key)
            const teamId =
              input.teamKey === undefined ? undefined : yield* teamIdOf(input.teamKey, ["input", "teamKey"])
            if (input.category !== undefined) yield* checkCategory(input.category)
            if (input.competencies !== undefined) yield* checkCompetencies(input.competencies)
            yield* query((k) =>
              k
                .updateTable("aor_areas")
                .set({
                  ...(input.name === undefined ? {} : { name: input.name }),
                  ...(input.purpose === undefined ? {} : { purpose: input.purpose }),
                  ...(teamId === undefined ? {} : { team_id: teamId }),
                  ...(input.category === undefined ? {} : { category: input.category }),
                  ...(input.weeklyHours === undefined ? {} : { weekly_hours: input.weeklyHours }),
                  ...(input.decisions === undefined ? {} : { decisions: JSON.stringify(input.decisions) }),
                  ...(input.competencies === undefined ? {} : { competencies: JSON.stringify(input.competencies) }),
                  ...(input.reviewEveryDays === undefined ? {} : { review_every_days: input.reviewEveryDays }),
                })
                .where("id", "=", Number(area.id))
                .execute(),
            )
            return yield* reread(area.id)
          }),
        )

      /** The refusal of a handover whose expected owner is not the owner, naming who is. */
      const notTheOwner = (area: Area, actual: Ownership | undefined) =>
        Effect.gen(function* () {
          if (actual === undefined) {
            return yield* new ConflictError({
              message: `area "${area.key}" has no owner: handing it over needs fromPersonId null`,
            })
          }
          const [owner] = yield* people.byIds([actual.personId])
          const who = owner ? personLabel(owner) : actual.personId
          return yield* new ConflictError({
            message: `area "${area.key}" is owned by ${who}, not by the owner the handover expected`,
          })
        })

      const handOver: AreaRepoService["handOver"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* activeArea(input.areaKey)
            const current = yield* openOwnership(area.id)
            if ((current?.personId ?? null) !== input.fromPersonId) return yield* notTheOwner(area, current)
            if (input.toPersonId !== null && input.toPersonId === input.fromPersonId) {
              return yield* new InputError({
                path: ["input", "toPersonId"],
                message: `input.toPersonId: already the owner of area "${area.key}"`,
              })
            }
            const next = input.toPersonId === null ? undefined : yield* activePerson(input.toPersonId, "toPersonId")
            const at = yield* nowIso
            if (current !== undefined) {
              yield* query((k) =>
                k.updateTable("aor_ownerships").set({ ended_at: at }).where("id", "=", Number(current.id)).execute(),
              )
            }
            if (next !== undefined) {
              // An owner is not also a contributor: their contribution ends where the ownership begins.
              yield* endContribution(area.id, next.id, at)
              yield* query((k) =>
                k
                  .insertInto("aor_ownerships")
                  .values({
                    area_id: Number(area.id),
                    person_id: next.id,
                    team_id: next.teamId,
                    started_at: at,
                    ended_at: null,
                    note: input.note,
                  })
                  .execute(),
              ).pipe(
                // The index of open ownerships refused a second owner: another handover came first.
                Effect.catchIf(isUnique, () =>
                  Effect.fail(new ConflictError({ message: `area "${area.key}" was handed over by another request` })),
                ),
              )
            }
            return area
          }),
        )

      const addContributor: AreaRepoService["addContributor"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* activeArea(input.areaKey)
            const person = yield* activePerson(input.personId, "personId")
            if ((yield* openOwnership(area.id))?.personId === person.id) {
              return yield* new InputError({
                path: ["input", "personId"],
                message: `input.personId: ${personLabel(person)} owns area "${area.key}"`,
              })
            }
            const at = yield* nowIso
            // A new number of hours ends the contribution as it was and starts it again.
            yield* endContribution(area.id, person.id, at)
            yield* query((k) =>
              k
                .insertInto("aor_contributions")
                .values({
                  area_id: Number(area.id),
                  person_id: person.id,
                  weekly_hours: input.weeklyHours,
                  started_at: at,
                  ended_at: null,
                })
                .execute(),
            )
            return area
          }),
        )

      const removeContributor: AreaRepoService["removeContributor"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* lockArea(input.areaKey)
            if ((yield* openContribution(area.id, input.personId)) === undefined) {
              return yield* new InputError({
                path: ["input", "personId"],
                message: `input.personId: not a contributor of area "${area.key}"`,
              })
            }
            yield* endContribution(area.id, input.personId, yield* nowIso)
            return area
          }),
        )

      const recordWork: AreaRepoService["recordWork"] = (input) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* activeArea(input.areaKey)
            const owner = yield* openOwnership(area.id)
            if (
              owner?.personId !== input.personId &&
              (yield* openContribution(area.id, input.personId)) === undefined
            ) {
              return yield* new InputError({
                path: ["input", "personId"],
                message: `input.personId: neither the owner nor a contributor of area "${area.key}"`,
              })
            }
            const at = yield* nowIso
            yield* query((k) =>
              k
                .insertInto("aor_work")
                .values({
                  area_id: Number(area.id),
                  person_id: input.personId,
                  date: input.date,
                  text: input.text,
                  url: input.url ?? null,
                  recorded_at: at,
                })
                .execute(),
            )
            return area
          }),
        )

      const confirm: AreaRepoService["confirm"] = (areaKey, personId) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* activeArea(areaKey)
            if ((yield* openOwnership(area.id))?.personId !== personId) {
              return yield* new ConflictError({ message: `only the owner of area "${areaKey}" confirms it` })
            }
            const at = yield* nowIso
            yield* query((k) =>
              k
                .insertInto("aor_confirmations")
                .values({ area_id: Number(area.id), person_id: personId, confirmed_at: at })
                .execute(),
            )
            return area
          }),
        )

      const retire: AreaRepoService["retire"] = (areaKey) =>
        db.transaction(
          Effect.gen(function* () {
            const area = yield* activeArea(areaKey)
            const at = yield* nowIso
            const id = Number(area.id)
            yield* query((k) =>
              k
                .updateTable("aor_ownerships")
                .set({ ended_at: at })
                .where("area_id", "=", id)
                .where("ended_at", "is", null)
                .execute(),
            )
            yield* query((k) =>
              k
                .updateTable("aor_contributions")
                .set({ ended_at: at })
                .where("area_id", "=", id)
                .where("ended_at", "is", null)
                .execute(),
            )
            yield* query((k) =>
              k.updateTable("aor_areas").set({ status: "retired", retired_at: at }).where("id", "=", id).execute(),
            )
            return yield* reread(area.id)
          }),
        )

      const filtered = (k: Kysely<AorDatabase>, filter: AreaFilter) => {
        let q = k.selectFrom("aor_areas as a")
        if (filter.teamId !== undefined) q = q.where("a.team_id", "=", filter.teamId)
        if (filter.status !== undefined) q = q.where("a.status", "=", filter.status)
        if (filter.category !== undefined) q = q.where("a.category", "=", filter.category)
        if (filter.ownerId !== undefined) {
          const ownerId = filter.ownerId
          q = q.where((eb) =>
            eb.exists(
              eb
                .selectFrom("aor_ownerships as o")
                .select("o.id")
                .whereRef("o.area_id", "=", "a.id")
                .where("o.person_id", "=", ownerId)
                .where("o.ended_at", "is", null),
            ),
          )
        }
        return q
      }

      const openAt = <T extends { started_at: string; ended_at: string | null }>(
        rows: ReadonlyArray<T>,
        asOf?: string,
      ) =>
        asOf === undefined
          ? rows.filter((r) => r.ended_at === null)
          : rows.filter((r) => r.started_at <= asOf && (r.ended_at === null || r.ended_at > asOf))

      return {
        create,
        update,
        handOver,
        addContributor,
        removeContributor,
        recordWork,
        confirm,
        retire,
        byKeys: (keys) =>
          keys.length === 0
            ? Effect.succeed([])
            : query((k) => k.selectFrom("aor_areas").selectAll().where("key", "in", keys).execute()).pipe(
                Effect.map((rows) => rows.map(toArea)),
              ),
        byIds: (ids) =>
          storedIds(ids).length === 0
            ? Effect.succeed([])
            : query((k) => k.selectFrom("aor_areas").selectAll().where("id", "in", storedIds(ids)).execute()).pipe(
                Effect.map((rows) => rows.map(toArea)),
              ),
        list: (page, filter) =>
          query((k) => {
            let q = filtered(k, filter).selectAll("a")
            if (page.after?.[0] !== undefined) q = q.where("a.key", ">", page.after[0])
            return q
              .orderBy("a.key")
              .limit(page.limit + 1)
              .execute()
          }).pipe(Effect.map((rows) => rows.map(toArea))),
        count: (filter) =>
          query((k) =>
            filtered(k, filter)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow(),
          ).pipe(Effect.map((r) => Number(r.n))),
        activeAt: (asOf) =>
          query((k) =>
            k
              .selectFrom("aor_areas")
              .selectAll()
              .where("created_at", "<=", asOf)
              .where((eb) => eb.or([eb("retired_at", "is", null), eb("retired_at", ">", asOf)]))
              .orderBy("key")
              .execute(),
          ).pipe(Effect.map((rows) => rows.map(toArea))),
        ownersOf: (areaIds, asOf) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed([])
            : query((k) => {
                const q = k.selectFrom("aor_ownerships").selectAll().where("area_id", "in", storedIds(areaIds))
                return (
                  asOf === undefined ? q.where("ended_at", "is", null) : q.where("started_at", "<=", asOf)
                ).execute()
              }).pipe(Effect.map((rows) => openAt(rows, asOf).map(toOwnership))),
        historyOf: (areaIds) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed([])
            : query((k) =>
                k
                  .selectFrom("aor_ownerships")
                  .selectAll()
                  .where("area_id", "in", storedIds(areaIds))
                  .orderBy("started_at")
                  .orderBy("id")
                  .execute(),
              ).pipe(Effect.map((rows) => rows.map(toOwnership))),
        contributorsOf: (areaIds, asOf) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed([])
            : query((k) => {
                const q = k.selectFrom("aor_contributions").selectAll().where("area_id", "in", storedIds(areaIds))
                return (asOf === undefined ? q.where("ended_at", "is", null) : q.where("started_at", "<=", asOf))
                  .orderBy("started_at")
                  .orderBy("id")
                  .execute()
              }).pipe(Effect.map((rows) => openAt(rows, asOf).map(toContribution))),
        contributionHistoryOf: (areaIds) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed([])
            : query((k) =>
                k
                  .selectFrom("aor_contributions")
                  .selectAll()
                  .where("area_id", "in", storedIds(areaIds))
                  .orderBy("started_at")
                  .orderBy("id")
                  .execute(),
              ).pipe(Effect.map((rows) => rows.map(toContribution))),
        workOf: (areaIds, page) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed([])
            : query((k) =>
                k
                  .with("ranked", (w) =>
                    w
                      .selectFrom("aor_work")
                      .selectAll()
                      .select(sql<number>`row_number() over (partition by area_id order by date desc, id desc)`.as("n"))
                      .where("area_id", "in", storedIds(areaIds))
                      .$if(page.after !== undefined, (q) =>
                        q.where(sql<boolean>`(date, id) < (${page.after?.[0] ?? ""}, ${Number(page.after?.[1] ?? 0)})`),
                      ),
                  )
                  .selectFrom("ranked")
                  .selectAll()
                  .where("n", "<=", page.limit + 1)
                  .orderBy("area_id")
                  .orderBy("date", "desc")
                  .orderBy("id", "desc")
                  .execute(),
              ).pipe(Effect.map((rows) => rows.map(toWork))),
        workCounts: (areaIds) =>
          storedIds(areaIds).length === 0
            ? Effect.succeed(new Map())
            : query((k) =>
                k
                  .selectFrom("aor_work")
                  .select(["area_id", (eb) => eb.fn.countAll<number>().as("n")])
                  .where("area_id", "in", storedIds(areaIds))
                  .groupBy("area_id")
                  .execute(),
              ).pipe(Effect.map((rows) => new Map(rows.map((r) => [String(r.area_id), Number(r.n)])))),
        workOfPeople: (personIds, asOf) =>
          personIds.length === 0
            ? Effect.succeed([])
            : query((k) =>
                k
                  .selectFrom("aor_work as w")
                  .innerJoin("aor_areas as a", "a.id", "w.area_id")
                  .selectAll("a")
                  .select([
                    "w.id as work_id",
                    "w.person_id as work_person_id",
                    "w.date as work_date",
                    "w.text as work_text",
                    "w.url as work_url",
                    "w.recorded_at as work_recorded_at",
                  ])
                  .where("w.person_id", "in", personIds)
                  .$if(asOf !== undefined, (q) => q.where("w.date", "<=", asOf as string))
                  .orderBy("w.date")
                  .orderBy("w.id")
                  .execute(),
              ).pipe(
                Effect.map((rows) =>
                  rows.map((r) => ({
                    area: toArea(r),
                    work: toWork({
                      id: r.work_id,
                      area_id: r.id,
                      person_id: r.work_person_id,
                      date: r.work_date,
                      text: r.work_text,
                      url: r.work_url,
                      recorded_at: r.work_recorded_at,
                    }),
                  })),
                ),
              ),
        areasOf: (personIds) =>
          personIds.length === 0
            ? Effect.succeed([])
            : query((k) =>
                k
                  .selectFrom("aor_ownerships as o")
                  .innerJoin("aor_areas as a", "a.id", "o.area_id")
                  .selectAll("a")
                  .select([
                    "o.person_id as holder",
                    sql<string>`'owner'`.as("role"),
                    "a.weekly_hours as hours",
                    "o.started_at as since",
                  ])
                  .where("o.person_id", "in", personIds)
                  .where("o.ended_at", "is", null)
                  .unionAll((eb) =>
                    eb
                      .selectFrom("aor_contributions as c")
                      .innerJoin("aor_areas as a", "a.id", "c.area_id")
                      .selectAll("a")
                      .select([
                        "c.person_id as holder",
                        sql<string>`'contributor'`.as("role"),
                        "c.weekly_hours as hours",
                        "c.started_at as since",
                      ])
                      .where("c.person_id", "in", personIds)
                      .where("c.ended_at", "is", null),
                  )
                  .orderBy("key")
                  .execute(),
              ).pipe(
                Effect.map((rows) =>
                  rows.map(
                    (r): PersonArea => ({
                      personId: r.holder,
                      area: toArea(r),
                      role: r.role as PersonArea["role"],
                      weeklyHours: Number(r.hours),
                      since: r.since,
                    }),
                  ),
                ),
              ),
        activity: (asOf) =>
          Effect.gen(function* () {
            const day = asOf.slice(0, 10)
            const work = yield* query((k) =>
              k
                .selectFrom("aor_work")
                .select(["area_id", (eb) => eb.fn.max("date").as("last")])
                .where("date", "<=", day)
                .groupBy("area_id")
                .execute(),
            )
            const confirmed = yield* query((k) =>
              k
                .selectFrom("aor_confirmations")
                .select(["area_id", (eb) => eb.fn.max("confirmed_at").as("last")])
                .where("confirmed_at", "<=", asOf)
                .groupBy("area_id")
                .execute(),
            )
            const byArea = new Map<string, { lastWorkOn: string | null; lastConfirmedAt: string | null }>()
            const slot = (id: number) => {
              const key = String(id)
              const known = byArea.get(key) ?? { lastWorkOn: null, lastConfirmedAt: null }
              byArea.set(key, known)
              return known
            }
            for (const r of work) slot(r.area_id).lastWorkOn = r.last as string
            for (const r of confirmed) slot(r.area_id).lastConfirmedAt = r.last as string
            return [...byArea].map(([areaId, a]) => ({ areaId, ...a }))
          }),
      }
    }),
  )
}
