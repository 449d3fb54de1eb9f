import { ConflictError, Db, type DbError, type DbService, NotFoundError, type Page } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import type { OrgDatabase } from "./OrgDatabase.js"
import type { CreateTeamInput, Team, TeamId, UpdateTeamInput } from "./Team.js"

type Row = OrgDatabase["org_teams"]

const toTeam = (row: Row): Team => ({
  id: row.id as TeamId,
  key: row.key,
  name: row.name,
  description: row.description,
  parentId: row.parent_id as TeamId | null,
  defaultAnnualSalary: row.default_annual_salary,
})

export const noTeam = (key: string) => new NotFoundError({ entity: "Team", key, message: `no team with key "${key}"` })

/**
 * Whether a statement failed on a unique index. The checks before a write cannot see a
 * concurrent transaction's row (PostgreSQL), so the index has the last word.
 */
export const isUniqueViolation = (error: { readonly _tag: string }): error is DbError =>
  error._tag === "DbError" && (error as DbError).reason === "unique"

/**
 * Takes a lock, held to the end of the transaction, that runs the writes of one hierarchy
 * (team parents, managers) one at a time, so that each cycle check sees the writes before
 * it: PostgreSQL would otherwise let "a under b" and "b under a" both pass. SQLite already
 * runs one write transaction at a time.
 */
export const lockHierarchy = (db: DbService, name: string) =>
  db.dialect === "postgres"
    ? db.query((k) => sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(k))
    : Effect.void

const keyTaken = (key: string) => new ConflictError({ message: `a team with key "${key}" already exists` })

/** Where teams are kept. Reads of many teams take a list of ids, so that loaders batch them. */
export interface TeamRepoService {
  readonly create: (input: CreateTeamInput) => Effect.Effect<Team, ConflictError | NotFoundError | DbError>
  readonly update: (input: UpdateTeamInput) => Effect.Effect<Team, ConflictError | NotFoundError | DbError>
  readonly byKey: (key: string) => Effect.Effect<Team | undefined, DbError>
  /** The teams that have one of `keys`, in one statement; keys no team has are left out. */
  readonly byKeys: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Team>, DbError>
  readonly byIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Team>, DbError>
  /**
   * The teams that have one of `keys` and every team above them, in one statement: what a
   * check of the parent chains of these teams reads.
   */
  readonly withParents: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Team>, DbError>
  /** Every team, ordered by key, in one statement: what figures of the whole organisation read. */
  readonly all: Effect.Effect<ReadonlyArray<Team>, DbError>
  /** A page of teams ordered by key. */
  readonly list: (page: Page) => Effect.Effect<ReadonlyArray<Team>, DbError>
  readonly count: Effect.Effect<number, DbError>
  /** A page of the direct subteams of each parent, ordered by key. */
  readonly subteamsOf: (parentIds: ReadonlyArray<string>, page: Page) => Effect.Effect<ReadonlyArray<Team>, DbError>
  readonly subteamCounts: (parentIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, number>, DbError>
}

export class TeamRepo extends Context.Tag("@teamops/org/TeamRepo")<TeamRepo, TeamRepoService>() {
  static readonly layer = Layer.effect(
    TeamRepo,
    Effect.map(Db, (db) => makeTeamRepo(db)),
  )
}

const makeTeamRepo = (db: Context.Tag.Service<Db>): TeamRepoService => {
  const query = <A>(work: (k: Kysely<OrgDatabase>) => Promise<A>) => db.query(work)

  const byKey = (key: string) =>
    query((k) => k.selectFrom("org_teams").selectAll().where("key", "=", key).executeTakeFirst()).pipe(
      Effect.map((row) => (row ? toTeam(row) : undefined)),
    )

  const requireKey = (key: string) =>
    Effect.flatMap(byKey(key), (team) => (team ? Effect.succeed(team) : Effect.fail(noTeam(key))))

  // The chain of parents above `teamId`, itself included, in one recursive statement.
  const lineage = (teamId: string) =>
    query((k) =>
      k
        .withRecursive("up(id, parent_id)", (q) =>
          q
            .selectFrom("org_teams")
            .select(["id", "parent_id"])
            .where("id", "=", teamId)
            .unionAll(
              q.selectFrom("org_teams as t").innerJoin("up", "up.parent_id", "t.id").select(["t.id", "t.parent_id"]),
            ),
        )
        .selectFrom("up")
        .select("id")
        .execute(),
    ).pipe(Effect.map((rows) => rows.map((r) => r.id)))

  const create = (input: CreateTeamInput) =>
    db.transaction(
      Effect.gen(function* () {
        if (yield* byKey(input.key)) return yield* keyTaken(input.key)
        const parent = input.parentKey === undefined ? undefined : yield* requireKey(input.parentKey)
        const row: Row = {
          id: crypto.randomUUID(),
          key: input.key,
          name: input.name,
          description: input.description ?? null,
          parent_id: parent?.id ?? null,
          default_annual_salary: input.defaultAnnualSalary ?? null,
        }
        yield* query((k) => k.insertInto("org_teams").values(row).execute()).pipe(
          Effect.catchIf(isUniqueViolation, () => Effect.fail(keyTaken(input.key))),
        )
        return toTeam(row)
      }),
    )

  const update = (input: UpdateTeamInput) =>
    db.transaction(
      Effect.gen(function* () {
        if (input.parentKey != null) yield* lockHierarchy(db, "org.team-parents")
        const team = yield* requireKey(input.key)
        let parentId = team.parentId as string | null
        if (input.parentKey !== undefined) {
          const parent = input.parentKey === null ? null : yield* requireKey(input.parentKey)
          if (parent && (yield* lineage(parent.id)).includes(team.id)) {
            return yield* new ConflictError({
              message: `team "${input.parentKey}" cannot be the parent of "${input.key}": it is "${input.key}" or one of its subteams`,
            })
          }
          parentId = parent?.id ?? null
        }
        const changes = {
          name: input.name ?? team.name,
          description: input.description === undefined ? team.description : input.description,
          parent_id: parentId,
          default_annual_salary:
            input.defaultAnnualSalary === undefined ? team.defaultAnnualSalary : input.defaultAnnualSalary,
        }
        yield* query((k) => k.updateTable("org_teams").set(changes).where("id", "=", team.id).execute())
        return toTeam({ id: team.id, key: team.key, ...changes })
      }),
    )

  const afterKey = (page: Page) => page.after?.[0]

  return {
    create,
    update,
    byKey,
    byIds: (ids) =>
      ids.length === 0
        ? Effect.succeed([])
        : query((k) => k.selectFrom("org_teams").selectAll().where("id", "in", ids).execute()).pipe(
            Effect.map((rows) => rows.map(toTeam)),
          ),
    byKeys: (keys) =>
      keys.length === 0
        ? Effect.succeed([])
        : query((k) => k.selectFrom("org_teams").selectAll().where("key", "in", keys).execute()).pipe(
            Effect.map((rows) => rows.map(toTeam)),
          ),
    withParents: (keys) =>
      keys.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k
              .withRecursive("up(id)", (q) =>
                q
                  .selectFrom("org_teams")
                  .select("id")
                  .where("key", "in", keys)
                  .union(
                    q
                      .selectFrom("org_teams as t")
                      .innerJoin("up", "up.id", "t.id")
                      .select("t.parent_id as id")
                      .where("t.parent_id", "is not", null)
                      .$narrowType<{ id: string }>(),
                  ),
              )
              .selectFrom("org_teams")
              .selectAll()
              .where("id", "in", (q) => q.selectFrom("up").select("id"))
              .execute(),
          ).pipe(Effect.map((rows) => rows.map(toTeam))),
    all: query((k) => k.selectFrom("org_teams").selectAll().orderBy("key").execute()).pipe(
      Effect.map((rows) => rows.map(toTeam)),
    ),
    list: (page) =>
      query((k) => {
        const after = afterKey(page)
        return k
          .selectFrom("org_teams")
          .selectAll()
          .$if(after !== undefined, (q) => q.where("key", ">", after as string))
          .orderBy("key")
          .limit(page.limit + 1)
          .execute()
      }).pipe(Effect.map((rows) => rows.map(toTeam))),
    count: query((k) =>
      k
        .selectFrom("org_teams")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).pipe(Effect.map((r) => Number(r.n))),
    subteamsOf: (parentIds, page) =>
      parentIds.length === 0
        ? Effect.succeed([])
        : query((k) => {
            const after = afterKey(page)
            const ranked = k
              .selectFrom("org_teams")
              .selectAll()
              .select(sql<number>`row_number() over (partition by parent_id order by key)`.as("rank"))
              .where("parent_id", "in", parentIds)
              .$if(after !== undefined, (q) => q.where("key", ">", after as string))
              .as("ranked")
            return k
              .selectFrom(ranked)
              .select(["id", "key", "name", "description", "parent_id", "default_annual_salary"])
              .where("rank", "<=", page.limit + 1)
              .orderBy("parent_id")
              .orderBy("key")
              .execute()
          }).pipe(Effect.map((rows) => rows.map(toTeam))),
    subteamCounts: (parentIds) =>
      parentIds.length === 0
        ? Effect.succeed(new Map())
        : query((k) =>
            k
              .selectFrom("org_teams")
              .select(["parent_id", (eb) => eb.fn.countAll<number>().as("n")])
              .where("parent_id", "in", parentIds)
              .groupBy("parent_id")
              .execute(),
          ).pipe(Effect.map((rows) => new Map(rows.map((r) => [r.parent_id as string, Number(r.n)])))),
  }
}
