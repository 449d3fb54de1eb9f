import {
  ConflictError,
  Db,
  type DbError,
  type DbService,
  InputError,
  NotFoundError,
  type Page,
  today,
  zone,
} from "@teamops/core"
import { type Person, PersonRepo, type PersonRepoService } from "@teamops/org"
import { LadderRepo, type LadderRepoService, type LadderVersion } from "@teamops/roles"
import { Context, DateTime, Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import {
  type Assessment,
  type AssessmentFilter,
  type AssessmentWithEvidence,
  historyDayProblem,
  type RaterKind,
  type RecordAssessmentInput,
} from "./Assessment.js"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import type { AddEvidenceInput, Evidence, EvidenceFields } from "./Evidence.js"

type AssessmentRow = CompetenciesDatabase["competencies_assessments"]
type EvidenceRow = CompetenciesDatabase["competencies_evidence"]

const toAssessment = (
  row: Omit<AssessmentRow, "id" | "withdrawn_at"> & { id: number; withdrawn_at?: string | null },
): Assessment => ({
  id: String(row.id),
  personId: row.person_id,
  ladderKey: row.ladder_key,
  version: Number(row.version),
  competency: row.competency,
  raterKind: row.rater_kind,
  rating: row.rating,
  note: row.note,
  raterEmail: row.rater_email,
  recordedAt: row.recorded_at,
  observedOn: row.observed_on,
  withdrawnAt: row.withdrawn_at ?? null,
})

const toEvidence = (row: Omit<EvidenceRow, "id"> & { id: number }): Evidence => ({
  id: String(row.id),
  assessmentId: String(row.assessment_id),
  kind: row.kind,
  url: row.url,
  text: row.text,
  date: row.date,
  source: row.source,
  addedAt: row.added_at,
})

/** The latest rating of one kind for one (ladder, version, competency) of a person, for readiness. */
export interface LatestRating {
  readonly id: number
  readonly personId: string
  readonly ladderKey: string
  readonly version: number
  readonly competency: string
  readonly raterKind: RaterKind
  readonly rating: string
  readonly observedOn: string
  readonly recordedAt: string
  /** The evidence on every assessment of that (person, ladder, version, competency), all raters. */
  readonly groupEvidence: number
}

/** An item of evidence with the assessment it backs, for readiness. */
export interface RatedEvidence extends Evidence {
  readonly personId: string
  readonly ladderKey: string
  readonly version: number
  readonly competency: string
  readonly raterKind: RaterKind
}

export const noPerson = (id: string) =>
  new NotFoundError({ entity: "Person", key: id, message: `no person with id "${id}"` })

/**
 * The published version named (the latest when `version` is undefined), or a
 * NotFoundError naming the ladder or the version.
 */
export const publishedVersion = (ladders: LadderRepoService, ladderKey: string, version: number | undefined) =>
  Effect.flatMap(ladders.published(ladderKey, version), (found) =>
    found !== undefined && found.version !== null
      ? Effect.succeed(found as LadderVersion & { readonly version: number })
      : Effect.fail(
          version === undefined
            ? new NotFoundError({
                entity: "Ladder",
                key: ladderKey,
                message: `no published ladder "${ladderKey}"`,
              })
            : new NotFoundError({
                entity: "LadderVersion",
                key: `${ladderKey}@${version}`,
                message: `ladder "${ladderKey}" has no published version ${version}`,
              }),
        ),
  )

/**
 * The day something of a person's history happened (`given`), or today in their time zone:
 * refused in the future and before their hire date, at the input field `field`.
 */
export const dayOfHistory = (person: Person, given: string | undefined, field: string) =>
  Effect.gen(function* () {
    const now = today(zone(person.timeZone), yield* DateTime.now)
    if (given === undefined) return now
    const problem = historyDayProblem(person, given, now)
    if (problem !== undefined) {
      return yield* new InputError({ path: ["input", field], message: `input.${field}: ${problem}` })
    }
    return given
  })

/** Fails unless the person exists. */
export const personExists = (people: PersonRepoService, personId: string) =>
  Effect.flatMap(people.byIds([personId]), ([person]) =>
    person === undefined ? Effect.fail(noPerson(personId)) : Effect.succeed(person),
  )

type Failure = InputError | NotFoundError | ConflictError | DbError

/**
 * Where assessments and their evidence are kept. Nothing is ever removed: a new rating is a
 * new assessment, and a withdrawn one is only marked, so the history of every rating stays.
 */
export interface AssessmentRepoService {
  /** Checks the rating against the ladder version and records it with its evidence, in one transaction. */
  readonly record: (input: RecordAssessmentInput) => Effect.Effect<AssessmentWithEvidence, Failure>
  /**
   * Withdraws an assessment given by `raterEmail`: it stays, marked, and leaves readiness.
   * Someone else's assessment is not found; one withdrawn already is a conflict.
   */
  readonly withdraw: (assessmentId: string, raterEmail: string) => Effect.Effect<AssessmentWithEvidence, Failure>
  /**
   * Adds one item of evidence to an assessment given by `raterEmail`; answers the assessment
   * with all its evidence. Someone else's assessment is not found.
   */
  readonly addEvidence: (input: AddEvidenceInput, raterEmail: string) => Effect.Effect<AssessmentWithEvidence, Failure>
  readonly byIds: (ids: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Assessment>, DbError>
  /** Every assessment of the people, in the order recorded, in one statement. */
  readonly ofPeople: (personIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Assessment>, DbError>
  /** The evidence of the assessments, oldest first, in one statement. */
  readonly evidenceOf: (assessmentIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Evidence>, DbError>
  /**
   * The evidence on the standing (not withdrawn) assessments of the people, oldest first, in
   * one statement; with `asOf` (YYYY-MM-DD), on the assessments observed on that day or before.
   * The same evidence `latestFor` counts in `groupEvidence`.
   */
  readonly evidenceOfPeople: (
    personIds: ReadonlyArray<string>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<RatedEvidence>, DbError>
  /** A page of the assessments of each person, latest observed first, in one statement. */
  readonly listFor: (
    personIds: ReadonlyArray<string>,
    page: Page,
    filter: AssessmentFilter,
  ) => Effect.Effect<ReadonlyArray<Assessment>, DbError>
  /** How many assessments each person has (absent: none), in one statement. */
  readonly countsFor: (
    personIds: ReadonlyArray<string>,
    filter: AssessmentFilter,
  ) => Effect.Effect<ReadonlyMap<string, number>, DbError>
  /**
   * For each person, the latest rating of each kind of rater per (ladder, version,
   * competency) (the latest observed, then the latest recorded), with the evidence of that
   * group, in one statement; with `asOf` (YYYY-MM-DD), of the ratings observed on that day or
   * before.
   */
  readonly latestFor: (
    personIds: ReadonlyArray<string>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<LatestRating>, DbError>
}

export class AssessmentRepo extends Context.Tag("@teamops/competencies/AssessmentRepo")<
  AssessmentRepo,
  AssessmentRepoService
>() {
  static readonly layer = Layer.effect(
    AssessmentRepo,
    Effect.all([Db, PersonRepo, LadderRepo]).pipe(
      Effect.map(([db, people, ladders]) => makeAssessmentRepo(db, people, ladders)),
    ),
  )
}

const makeAssessmentRepo = (
  db: DbService,
  people: PersonRepoService,
  ladders: LadderRepoService,
): AssessmentRepoService => {
  const query = <A>(work: (k: Kysely<CompetenciesDatabase>) => Promise<A>) => db.query(work)
  const now = Effect.map(DateTime.now, DateTime.formatIso)

  const byIds = (ids: ReadonlyArray<string>) => {
    const numeric = ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number)
    return numeric.length === 0
      ? Effect.succeed([])
      : query((k) => k.selectFrom("competencies_assessments").selectAll().where("id", "in", numeric).execute()).pipe(
          Effect.map((rows) => rows.map(toAssessment)),
        )
  }

  const evidenceOf = (assessmentIds: ReadonlyArray<string>) => {
    const numeric = assessmentIds.filter((id) => /^\d{1,15}$/.test(id)).map(Number)
    return numeric.length === 0
      ? Effect.succeed([])
      : query((k) =>
          k
            .selectFrom("competencies_evidence")
            .selectAll()
            .where("assessment_id", "in", numeric)
            .orderBy("assessment_id")
            .orderBy("id")
            .execute(),
        ).pipe(Effect.map((rows) => rows.map(toEvidence)))
  }

  const withEvidence = (assessment: Assessment) =>
    Effect.map(evidenceOf([assessment.id]), (evidence) => ({ ...assessment, evidence }))

  const insertEvidence = (assessmentId: number, items: ReadonlyArray<EvidenceFields>) =>
    items.length === 0
      ? Effect.void
      : Effect.flatMap(now, (addedAt) =>
          query((k) =>
            k
              .insertInto("competencies_evidence")
              .values(
                items.map((e) => ({
                  assessment_id: assessmentId,
                  kind: e.kind,
                  url: e.url ?? null,
                  text: e.text,
                  date: e.date,
                  source: e.source ?? null,
                  added_at: addedAt,
                })),
              )
              .execute(),
          ),
        ).pipe(Effect.asVoid)

  const record = (input: RecordAssessmentInput) =>
    db.transaction(
      Effect.gen(function* () {
        const person = yield* personExists(people, input.personId)
        const observedOn = yield* dayOfHistory(person, input.observedOn, "observedOn")
        const ladder = yield* publishedVersion(ladders, input.ladderKey, input.version)
        const { competencies, scale } = ladder.effective
        if (!competencies.some((c) => c.key === input.competency)) {
          return yield* new NotFoundError({
            entity: "Competency",
            key: input.competency,
            message: `ladder "${ladder.ladderKey}" version ${ladder.version} has no competency "${input.competency}" (known: ${competencies.map((c) => c.key).join(", ")})`,
          })
        }
        if (!scale.some((s) => s.key === input.rating)) {
          return yield* new InputError({
            path: ["input", "rating"],
            message: `input.rating: "${input.rating}" is not a step of the scale of ladder "${ladder.ladderKey}" version ${ladder.version} (steps: ${scale.map((s) => s.key).join(", ")})`,
          })
        }
        const row = {
          person_id: input.personId,
          ladder_key: ladder.ladderKey,
          version: ladder.version,
          competency: input.competency,
          rater_kind: input.raterKind,
          rating: input.rating,
          note: input.note === undefined || input.note === "" ? null : input.note,
          rater_email: input.raterEmail ?? null,
          recorded_at: yield* now,
          observed_on: observedOn,
        }
        const { id } = yield* query((k) =>
          k.insertInto("competencies_assessments").values(row).returning("id").executeTakeFirstOrThrow(),
        )
        yield* insertEvidence(Number(id), input.evidence ?? [])
        return yield* withEvidence(toAssessment({ ...row, id: Number(id) }))
      }),
    )

  const noAssessment = (id: string) =>
    new NotFoundError({ entity: "Assessment", key: id, message: `no assessment with id "${id}"` })

  const withdraw = (assessmentId: string, raterEmail: string) =>
    db.transaction(
      Effect.gen(function* () {
        const [assessment] = yield* byIds([assessmentId])
        if (assessment === undefined || assessment.raterEmail !== raterEmail) return yield* noAssessment(assessmentId)
        if (assessment.withdrawnAt !== null) {
          return yield* new ConflictError({
            message: `assessment ${assessmentId} was withdrawn already, at ${assessment.withdrawnAt}`,
          })
        }
        const withdrawnAt = yield* now
        yield* query((k) =>
          k
            .updateTable("competencies_assessments")
            .set({ withdrawn_at: withdrawnAt })
            .where("id", "=", Number(assessment.id))
            .execute(),
        )
        return yield* withEvidence({ ...assessment, withdrawnAt })
      }),
    )

  const addEvidence = (input: AddEvidenceInput, raterEmail: string) =>
    db.transaction(
      Effect.gen(function* () {
        const [assessment] = yield* byIds([input.assessmentId])
        if (assessment === undefined || assessment.raterEmail !== raterEmail) {
          return yield* noAssessment(input.assessmentId)
        }
        yield* insertEvidence(Number(assessment.id), [input])
        return yield* withEvidence(assessment)
      }),
    )

  const filtered = (k: Kysely<CompetenciesDatabase>, personIds: ReadonlyArray<string>, filter: AssessmentFilter) =>
    k
      .selectFrom("competencies_assessments")
      .where("person_id", "in", personIds)
      .$if(filter.matches !== undefined, (q) =>
        q.where((eb) =>
          eb.or(
            (filter.matches ?? []).map((m) =>
              eb.and([
                eb("ladder_key", "=", m.ladderKey),
                eb("version", "=", m.version),
                eb("competency", "=", m.competency),
              ]),
            ),
          ),
        ),
      )

  // No person, or a filter that matches nothing: no statement at all.
  const nothing = (personIds: ReadonlyArray<string>, filter: AssessmentFilter) =>
    personIds.length === 0 || filter.matches?.length === 0

  return {
    record,
    withdraw,
    addEvidence,
    byIds,
    ofPeople: (personIds) =>
      personIds.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k
              .selectFrom("competencies_assessments")
              .selectAll()
              .where("person_id", "in", personIds)
              .orderBy("id")
              .execute(),
          ).pipe(Effect.map((rows) => rows.map(toAssessment))),
    evidenceOf,
    evidenceOfPeople: (personIds, asOf) =>
      personIds.length === 0
        ? Effect.succeed([])
        : query((k) =>
            k
              .selectFrom("competencies_evidence as e")
              .innerJoin("competencies_assessments as a", "a.id", "e.assessment_id")
              .selectAll("e")
              .select(["a.person_id", "a.ladder_key", "a.version", "a.competency", "a.rater_kind"])
              .where("a.person_id", "in", personIds)
              .where("a.withdrawn_at", "is", null)
              .$if(asOf !== undefined, (q) => q.where("a.observed_on", "<=", asOf as string))
              .orderBy("e.id")
              .execute(),
          ).pipe(
            Effect.map((rows) =>
              rows.map((r) => ({
                ...toEvidence(r),
                personId: r.person_id,
                ladderKey: r.ladder_key,
                version: Number(r.version),
                competency: r.competency,
                raterKind: r.rater_kind,
              })),
            ),
          ),
    listFor: (personIds, page, filter) => {
      const [afterDay, afterId] = page.after ?? []
      const after = afterDay === undefined ? undefined : { day: afterDay, id: afterId ?? "" }
      if (nothing(personIds, filter) || (after !== undefined && !/^\d{1,15}$/.test(after.id))) return Effect.succeed([])
      return query((k) => {
        const ranked = filtered(k, personIds, filter)
          .selectAll()
          .select(sql<number>`row_number() over (partition by person_id order by observed_on desc, id desc)`.as("rank"))
          .$if(after !== undefined, (q) =>
            q.where((eb) =>
              eb.or([
                eb("observed_on", "<", after?.day as string),
                eb.and([eb("observed_on", "=", after?.day as string), eb("id", "<", Number(after?.id))]),
              ]),
            ),
          )
          .as("ranked")
        return k
          .selectFrom(ranked)
          .selectAll()
          .where("rank", "<=", page.limit + 1)
          .orderBy("person_id")
          .orderBy("observed_on", "desc")
          .orderBy("id", "desc")
          .execute()
      }).pipe(Effect.map((rows) => rows.map(toAssessment)))
    },
    countsFor: (personIds, filter) =>
      nothing(personIds, filter)
        ? Effect.succeed(new Map())
        : query((k) =>
            filtered(k, personIds, filter)
              .select(["person_id", (eb) => eb.fn.countAll<number>().as("n")])
              .groupBy("person_id")
              .execute(),
          ).pipe(Effect.map((rows) => new Map(rows.map((r) => [r.person_id, Number(r.n)])))),
    latestFor: (personIds, asOf) =>
      personIds.length === 0
        ? Effect.succeed([])
        : query((k) => {
            const people = sql.join(personIds.map((id) => sql`${id}`))
            return sql<{
              id: number
              person_id: string
              ladder_key: string
              version: number
              competency: string
              rater_kind: RaterKind
              rating: string
              observed_on: string
              recorded_at: string
              group_evidence: number
            }>`
              select id, person_id, ladder_key, version, competency, rater_kind, rating, observed_on, recorded_at, group_evidence
              from (
                select a.id, a.person_id, a.ladder_key, a.version, a.competency, a.rater_kind, a.rating, a.observed_on,
                  a.recorded_at,
                  row_number() over (
                    partition by a.person_id, a.ladder_key, a.version, a.competency, a.rater_kind
                    order by a.observed_on desc, a.recorded_at desc, a.id desc
                  ) as latest,
                  sum(coalesce(e.n, 0)) over (
                    partition by a.person_id, a.ladder_key, a.version, a.competency
                  ) as group_evidence
                from competencies_assessments a
                left join (
                  select assessment_id, count(*) as n from competencies_evidence
                  where assessment_id in (select id from competencies_assessments where person_id in (${people}))
                  group by assessment_id
                ) e on e.assessment_id = a.id
                where a.person_id in (${people}) and a.withdrawn_at is null${asOf === undefined ? sql`` : sql` and a.observed_on <= ${asOf}`}
              ) ranked
              where latest = 1
              order by person_id, id`
              .execute(k)
              .then((result) => result.rows)
          }).pipe(
            Effect.map((rows) =>
              rows.map((r) => ({
                id: Number(r.id),
                personId: r.person_id,
                ladderKey: r.ladder_key,
                version: Number(r.version),
                competency: r.competency,
                raterKind: r.rater_kind,
                rating: r.rating,
                observedOn: r.observed_on,
                recordedAt: r.recorded_at,
                groupEvidence: Number(r.group_evidence),
              })),
            ),
          ),
  }
}
