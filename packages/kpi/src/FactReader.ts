import { Db, type DbError, type DbService, type Dialect, textList } from "@teamops/core"
import { PersonRepo, type PersonRepoService } from "@teamops/org"
import { Context, Effect, Layer } from "effect"
import type { ExpressionBuilder, Kysely } from "kysely"
import type { Complexity } from "./Event.js"
import type { KpiDatabase } from "./KpiDatabase.js"
import { sharedFacts } from "./SharedFacts.js"

/** The instants a report reads between: basis instants in `[from, to)`, events up to `asOf`. */
export interface Window {
  readonly from: number
  readonly to: number
  readonly asOf: number
}

/** A cycle with its owner as of the window's `asOf`. */
export type CycleRow = KpiDatabase["kpi_cycles"] & {
  readonly owner_email_now: string | null
  readonly owner_team_now: string | null
  /** The instant of the latest rating up to `asOf`, when asked for. */
  readonly rated_at?: number | null
}

export type CycleBasis = "start" | "resolution"

export interface ComplexityChange {
  readonly at: number
  readonly seq: number
  readonly complexity: Complexity
}

/**
 * The owners a request reports on: rows owned by anyone else may be left out of what is read
 * (a report still groups what it reads, so a scope only saves work). Absent: everyone.
 */
export interface FactScope {
  readonly teams?: ReadonlyArray<string>
  readonly people?: ReadonlyArray<string>
}

export interface FactReaderService {
  /** Cycles started up to `asOf` whose start or resolution (each as asked) falls in the window. */
  readonly cycles: (
    window: Window,
    bases: ReadonlyArray<CycleBasis>,
    options?: { readonly withRating?: boolean },
  ) => Effect.Effect<ReadonlyArray<CycleRow>, DbError>
  /** Reply pairs whose reply falls in the window, with the owner of their cycle. */
  readonly replies: (window: Window) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_replies"] & OwnerNow>, DbError>
  /** Ratings from `from` up to `asOf`, with the owner of the cycle they belong to. */
  readonly ratings: (window: Window) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_ratings"] & OwnerNow>, DbError>
  /** Assignment spans of the cycles resolved in the window. */
  readonly spansOfResolved: (window: Window) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_spans"]>, DbError>
  /** Assignment spans of these conversations. */
  readonly spansOf: (
    conversationIds: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_spans"]>, DbError>
  /** Assignment spans that meet `[start, end)`. */
  readonly spansBetween: (start: number, end: number) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_spans"]>, DbError>
  /** The complexity changes of these conversations up to `asOf`, in order. */
  readonly complexityOf: (
    conversationIds: ReadonlyArray<string>,
    asOf: number,
  ) => Effect.Effect<ReadonlyMap<string, ReadonlyArray<ComplexityChange>>, DbError>
  /** The complexity changes up to `asOf` of the conversations with a span that meets `[start, end)`. */
  readonly complexityOfSpansBetween: (
    start: number,
    end: number,
    asOf: number,
  ) => Effect.Effect<ReadonlyMap<string, ReadonlyArray<ComplexityChange>>, DbError>
  /** Reviews in the window, with the team of the conversation at the review and the reviewee's own team. */
  readonly reviews: (window: Window) => Effect.Effect<ReadonlyArray<ReviewRow>, DbError>
  readonly proactive: (window: Window) => Effect.Effect<ReadonlyArray<KpiDatabase["kpi_proactive"]>, DbError>
  /** Article views in the window, each saying whether its customer started a conversation within 24 hours. */
  readonly views: (window: Window) => Effect.Effect<ReadonlyArray<ViewRow>, DbError>
  /**
   * The values of a plugin metric observed in the window, each with its subject's team: the
   * team observed, or the person's own team in the organisation (null for someone unknown).
   */
  readonly observations: (window: Window, metric: string) => Effect.Effect<ReadonlyArray<ObservationRow>, DbError>
  /**
   * The people of the organisation who have one of `emails`, with their team's key, hire date
   * and zone: what metrics about people's careers (days to productive) read beside the log.
   */
  readonly people: (emails: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<PersonFact>, DbError>
  /** The instant of the earliest event up to `asOf`. */
  readonly earliest: (asOf: number) => Effect.Effect<number | undefined, DbError>
  /**
   * A reader for the reports of one request: it reads only what `scope` owns, and reads each
   * fact once however many metrics ask for it (see {@link sharedFacts}).
   */
  readonly shared: (scope?: FactScope) => FactReaderService
}

export interface OwnerNow {
  readonly resolved_at: number | null
  readonly owner_email: string | null
  readonly owner_team: string | null
  readonly owner_email_now: string | null
  readonly owner_team_now: string | null
}

export type ReviewRow = KpiDatabase["kpi_reviews"] & {
  readonly conversation_team: string | null
  readonly reviewee_team: string | null
}

/** A person as metrics see them. */
export interface PersonFact {
  readonly email: string
  readonly teamKey: string | null
  /** YYYY-MM-DD. */
  readonly hireDate: string
  readonly timeZone: string
}

export type ObservationRow = KpiDatabase["kpi_observations"] & { readonly team: string | null }

export type ViewRow = KpiDatabase["kpi_article_views"] & { readonly followed: number }

export class FactReader extends Context.Tag("@teamops/kpi/FactReader")<FactReader, FactReaderService>() {
  static readonly layer = Layer.effect(
    FactReader,
    Effect.zipWith(Db, PersonRepo, (db, people) => makeFactReader(db, people, {})),
  )
}

const day = 86_400_000

type Eb = ExpressionBuilder<KpiDatabase & { c: KpiDatabase["kpi_cycles"] }, "c">

/**
 * The assignment in force at `asOf` of the cycle's conversation (person or team), looked up
 * only for a cycle still open then: a resolved cycle keeps the owner it ended with.
 */
const assignedAt = (eb: Eb, column: "person_email" | "team_key", asOf: number) =>
  eb
    .case()
    .when("c.resolved_at", "<=", asOf)
    .then(null)
    .else(
      eb
        .selectFrom("kpi_assignments as a")
        .select(`a.${column}`)
        .whereRef("a.conversation_id", "=", "c.conversation_id")
        .where("a.at", "<=", asOf)
        .orderBy("a.at", "desc")
        .orderBy("a.seq", "desc")
        .limit(1),
    )
    .end()

/**
 * Whether the cycle `c` is owned within `scope` as of `asOf`: by the owner it ended with once
 * resolved, else by its assignment then (the rule of `ownerOf`). `undefined` for everyone.
 */
const ownedWithin = (eb: Eb, dialect: Dialect, scope: FactScope, asOf: number) => {
  const terms = (
    [
      ["teams", "owner_team", "team_key"],
      ["people", "owner_email", "person_email"],
    ] as const
  ).flatMap(([key, ended, assigned]) => {
    const owners = scope[key]
    if (owners === undefined) return []
    const list = textList(dialect, owners) as never
    return [
      eb.or([
        eb.and([eb("c.resolved_at", "<=", asOf), eb(`c.${ended}`, "in", list)]),
        eb.and([
          eb.or([eb("c.resolved_at", "is", null), eb("c.resolved_at", ">", asOf)]),
          eb(assignedAt(eb, assigned, asOf), "in", list),
        ]),
      ]),
    ]
  })
  return terms.length === 0 ? undefined : eb.and(terms)
}

const makeFactReader = (db: DbService, people: PersonRepoService, scope: FactScope): FactReaderService => {
  const query = <A>(work: (k: Kysely<KpiDatabase>) => Promise<A>) => db.query(work)
  const owned = (eb: Eb, asOf: number) => ownedWithin(eb, db.dialect, scope, asOf) ?? eb.lit(true)
  const ids = (values: ReadonlyArray<string>) => textList(db.dialect, values) as never

  const ownerNow = (eb: Eb, asOf: number) => [
    assignedAt(eb, "person_email", asOf).as("owner_email_now"),
    assignedAt(eb, "team_key", asOf).as("owner_team_now"),
  ]

  /** Cycles started up to `asOf` whose basis instants fall in the window. */
  const inWindow = (eb: Eb, window: Window, bases: ReadonlyArray<CycleBasis>) =>
    eb.and([
      eb("c.start_at", "<=", window.asOf),
      eb.or(
        bases.map((basis) =>
          basis === "start"
            ? eb.and([eb("c.start_at", ">=", window.from), eb("c.start_at", "<", window.to)])
            : eb.and([
                eb("c.resolved_at", ">=", window.from),
                eb("c.resolved_at", "<", window.to),
                eb("c.resolved_at", "<=", window.asOf),
              ]),
        ),
      ),
      owned(eb, window.asOf),
    ])

  /** Rows of a per-cycle table whose `column` is in `[from, to)` and up to `asOf`, with their cycle's owner. */
  const withOwner = <T extends "kpi_replies" | "kpi_ratings">(
    table: T,
    window: Window,
    column: "human_at" | "at",
    to: number,
  ): Effect.Effect<ReadonlyArray<KpiDatabase[T] & OwnerNow>, DbError> =>
    db.query((k: Kysely<any>) =>
      k
        .selectFrom(`${table as string} as r`)
        .innerJoin("kpi_cycles as c", (j: any) =>
          j.onRef("c.conversation_id", "=", "r.conversation_id").onRef("c.cycle", "=", "r.cycle"),
        )
        .selectAll("r")
        .select(["c.resolved_at", "c.owner_email", "c.owner_team"])
        .select((eb: Eb) => ownerNow(eb, window.asOf))
        .where(`r.${column}`, ">=", window.from)
        .where(`r.${column}`, "<", to)
        .where(`r.${column}`, "<=", window.asOf)
        .where((eb: Eb) => owned(eb, window.asOf))
        .execute(),
    ) as Effect.Effect<ReadonlyArray<any>, DbError>

  /** Spans that meet `[start, end)`: those ending after `start`, and those still running. */
  const spansMeeting = (k: Kysely<KpiDatabase>, start: number, end: number) => {
    const mine = (q: any) =>
      q
        .$if(scope.teams !== undefined, (w: any) => w.where("s.team_key", "in", ids(scope.teams ?? [])))
        .$if(scope.people !== undefined, (w: any) => w.where("s.person_email", "in", ids(scope.people ?? [])))
    const spans = k.selectFrom("kpi_spans as s").selectAll("s").where("s.start_at", "<", end)
    return mine(spans.where("s.end_at", ">", start)).unionAll(mine(spans.where("s.end_at", "is", null)))
  }

  /** Complexity changes up to `asOf` by conversation, in order, of the rows a statement read. */
  const byConversation = (rows: ReadonlyArray<KpiDatabase["kpi_complexity"]>) => {
    const out = new Map<string, Array<ComplexityChange>>()
    for (const row of rows) {
      const list = out.get(row.conversation_id) ?? []
      list.push({ at: Number(row.at), seq: Number(row.seq), complexity: row.complexity as Complexity })
      out.set(row.conversation_id, list)
    }
    return out
  }

  const reader: FactReaderService = {
    cycles: (window, bases, options = {}) =>
      query((k) =>
        k
          .selectFrom("kpi_cycles as c")
          .selectAll("c")
          .select((eb) => ownerNow(eb, window.asOf))
          .$if(options.withRating === true, (q) =>
            q.select((eb) =>
              eb
                .selectFrom("kpi_ratings as r")
                .select((r) => r.fn.max("r.at").as("at"))
                .whereRef("r.conversation_id", "=", "c.conversation_id")
                .whereRef("r.cycle", "=", "c.cycle")
                .where("r.at", "<=", window.asOf)
                .as("rated_at"),
            ),
          )
          .where((eb) => inWindow(eb, window, bases))
          .execute(),
      ) as Effect.Effect<ReadonlyArray<CycleRow>, DbError>,

    replies: (window) => withOwner("kpi_replies", window, "human_at", window.to),

    // A later rating in the window can replace an earlier one: read up to `asOf`, not `to`.
    ratings: (window) => withOwner("kpi_ratings", window, "at", Number.MAX_SAFE_INTEGER),

    spansOfResolved: (window) =>
      query((k) =>
        k
          .selectFrom("kpi_spans as s")
          .innerJoin("kpi_cycles as c", (j) =>
            j.onRef("c.conversation_id", "=", "s.conversation_id").onRef("c.cycle", "=", "s.cycle"),
          )
          .selectAll("s")
          .where((eb) => inWindow(eb, window, ["resolution"]))
          .execute(),
      ),

    spansOf: (conversationIds) =>
      conversationIds.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k.selectFrom("kpi_spans").selectAll().where("conversation_id", "in", ids(conversationIds)).execute(),
          ),

    spansBetween: (start, end) => query((k) => spansMeeting(k, start, end).execute()),

    complexityOf: (conversationIds, asOf) =>
      conversationIds.length === 0
        ? Effect.succeed(new Map())
        : query((k) =>
            k
              .selectFrom("kpi_complexity")
              .selectAll()
              .where("conversation_id", "in", ids(conversationIds))
              .where("at", "<=", asOf)
              .orderBy("conversation_id")
              .orderBy("at")
              .orderBy("seq")
              .execute(),
          ).pipe(Effect.map(byConversation)),

    complexityOfSpansBetween: (start, end, asOf) =>
      query((k) =>
        k
          .selectFrom("kpi_complexity as x")
          .selectAll("x")
          .where("x.conversation_id", "in", (eb) =>
            eb.selectFrom(spansMeeting(k, start, end).as("m")).select("m.conversation_id"),
          )
          .where("x.at", "<=", asOf)
          .orderBy("x.conversation_id")
          .orderBy("x.at")
          .orderBy("x.seq")
          .execute(),
      ).pipe(Effect.map(byConversation)),
    // The reviewee's own team comes from org, for the reviews whose conversation has none.
    reviews: (window) =>
      Effect.gen(function* () {
        const rows = yield* db.query((k: Kysely<any>) =>
          k
            .selectFrom("kpi_reviews as r")
            .selectAll("r")
            .select((eb: ExpressionBuilder<any, any>) =>
              eb
                .selectFrom("kpi_assignments as a")
                .select("a.team_key")
                .whereRef("a.conversation_id", "=", "r.conversation_id")
                .where((w: ExpressionBuilder<any, any>) =>
                  w.or([
                    w("a.at", "<", w.ref("r.at")),
                    w.and([w("a.at", "=", w.ref("r.at")), w("a.seq", "<", w.ref("r.seq"))]),
                  ]),
                )
                .orderBy("a.at", "desc")
                .orderBy("a.seq", "desc")
                .limit(1)
                .as("conversation_team"),
            )
            .where("r.at", ">=", window.from)
            .where("r.at", "<", window.to)
            .where("r.at", "<=", window.asOf)
            .execute(),
        )
        const teamless = [...new Set(rows.filter((r) => r.conversation_team == null).map((r) => r.reviewee as string))]
        const teams = teamless.length === 0 ? new Map<string, string>() : yield* people.teamKeysOf(teamless)
        return rows.map((r) => ({
          ...r,
          reviewee_team: teams.get(r.reviewee) ?? null,
        })) as unknown as ReadonlyArray<ReviewRow>
      }),

    proactive: (window) =>
      query((k) =>
        k
          .selectFrom("kpi_proactive")
          .selectAll()
          .where("at", ">=", window.from)
          .where("at", "<", window.to)
          .where("at", "<=", window.asOf)
          .$if(scope.teams !== undefined, (q) => q.where("team_key", "in", ids(scope.teams ?? [])))
          .$if(scope.people !== undefined, (q) => q.where("person_email", "in", ids(scope.people ?? [])))
          .execute(),
      ),

    views: (window) =>
      query((k) =>
        k
          .selectFrom("kpi_article_views as v")
          .selectAll("v")
          .select((eb) =>
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom("kpi_conversations as c")
                    .select("c.conversation_id")
                    .whereRef("c.customer_id", "=", "v.customer_id")
                    .whereRef("c.created_at", ">=", "v.at")
                    .where("c.created_at", "<=", eb("v.at", "+", day))
                    .where("c.created_at", "<=", window.asOf),
                ),
              )
              .then(1)
              .else(0)
              .end()
              .as("followed"),
          )
          .where("v.at", ">=", window.from)
          .where("v.at", "<", window.to)
          .where("v.at", "<=", window.asOf)
          .execute(),
      ) as Effect.Effect<ReadonlyArray<ViewRow>, DbError>,

    observations: (window, metric) =>
      Effect.gen(function* () {
        const rows = yield* query((k) =>
          k
            .selectFrom("kpi_observations")
            .selectAll()
            .where("metric", "=", metric)
            .where("at", ">=", window.from)
            .where("at", "<", window.to)
            .where("at", "<=", window.asOf)
            .$if(scope.people !== undefined, (q) => q.where("person_email", "in", ids(scope.people ?? [])))
            .execute(),
        )
        const emails = [...new Set(rows.flatMap((r) => (r.person_email === null ? [] : [r.person_email])))]
        const teams = emails.length === 0 ? new Map<string, string>() : yield* people.teamKeysOf(emails)
        return rows.map((r) => ({
          ...r,
          at: Number(r.at),
          seq: Number(r.seq),
          value: Number(r.value),
          team: r.person_email === null ? r.team_key : (teams.get(r.person_email) ?? null),
        }))
      }),

    people: (emails) =>
      Effect.gen(function* () {
        if (emails.length === 0) return []
        const found = yield* people.byEmails(emails)
        const teams = yield* people.teamKeysOf(found.map((p) => p.email))
        return found.map((p) => ({
          email: p.email,
          teamKey: teams.get(p.email) ?? null,
          hireDate: p.hireDate,
          timeZone: p.timeZone,
        }))
      }),

    earliest: (asOf) =>
      query((k) =>
        k
          .selectFrom("kpi_events")
          .select((eb) => eb.fn.min("at").as("at"))
          .where("at", "<=", asOf)
          .executeTakeFirst(),
      ).pipe(Effect.map((row) => (row?.at == null ? undefined : Number(row.at)))),

    shared: (within = {}) => sharedFacts(makeFactReader(db, people, within)),
  }
  return reader
}
