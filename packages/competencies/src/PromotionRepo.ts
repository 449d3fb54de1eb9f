import { ConflictError, Db, type DbError, type InputError, NotFoundError, Outbox } from "@teamops/core"
import { PersonRepo } from "@teamops/org"
import { LadderRepo } from "@teamops/roles"
import { Context, DateTime, Effect, Either, Layer } from "effect"
import type { Kysely } from "kysely"
import { dayOfHistory, personExists, publishedVersion } from "./AssessmentRepo.js"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import { PersonPromoted } from "./CompetencyEvents.js"
import {
  chronological,
  currentLevel,
  type PromotePersonInput,
  type Promotion,
  type PromotionStep,
} from "./Promotion.js"
import { encodeReadiness, promotionsOf, stepsOf, toPromotion } from "./PromotionRows.js"
import { ReadinessReader } from "./ReadinessReader.js"

type Failure = InputError | NotFoundError | ConflictError | DbError

/** Where level changes are kept; append-only, so a person's level history stays whole. */
export interface PromotionRepoService {
  /**
   * Moves a person to a level of the latest published version of a ladder, keeping the
   * readiness for that level at this moment (with `effectiveOn`, of the ratings observed by
   * that day). Refuses a person who left (or, for a promotion of the past, one effective
   * after they left), a level the person already holds, an unknown ladder or level, and an
   * `effectiveOn` in the future, before the hire date or before the latest promotion.
   */
  readonly promote: (input: PromotePersonInput) => Effect.Effect<Promotion, Failure>
  /** Every promotion of the people, oldest first per person, in one statement. */
  readonly ofPeople: (personIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<Promotion>, DbError>
  /** The same without the readiness snapshots. */
  readonly stepsOfPeople: (personIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<PromotionStep>, DbError>
}

export class PromotionRepo extends Context.Tag("@teamops/competencies/PromotionRepo")<
  PromotionRepo,
  PromotionRepoService
>() {
  static readonly layer = Layer.effect(
    PromotionRepo,
    Effect.gen(function* () {
      const db = yield* Db
      const people = yield* PersonRepo
      const ladders = yield* LadderRepo
      const readiness = yield* ReadinessReader
      const outbox = yield* Outbox
      const query = <A>(work: (k: Kysely<CompetenciesDatabase>) => Promise<A>) => db.query(work)

      const promote = (input: PromotePersonInput) =>
        db.transaction(
          Effect.gen(function* () {
            const person = yield* personExists(people, input.personId)
            const effectiveOn = yield* dayOfHistory(person, input.effectiveOn, "effectiveOn")
            if (person.status === "left" && (input.effectiveOn === undefined || effectiveOn > (person.leftOn ?? ""))) {
              return yield* new ConflictError({
                message:
                  input.effectiveOn === undefined
                    ? `${person.email} left on ${person.leftOn}: a person who left cannot be promoted`
                    : `${person.email} left on ${person.leftOn}: a promotion effective on ${effectiveOn}, after they left, cannot be recorded`,
              })
            }
            const ladder = yield* publishedVersion(ladders, input.ladderKey, undefined)
            const level = ladder.effective.levels.find((l) => l.key === input.level)
            if (level === undefined) {
              return yield* new NotFoundError({
                entity: "Level",
                key: input.level,
                message: `ladder "${ladder.ladderKey}" version ${ladder.version} has no level "${input.level}" (levels: ${ladder.effective.levels.map((l) => l.key).join(", ")})`,
              })
            }
            const history = yield* promotionsOf(db, [person.id])
            const latest = chronological(history).at(-1)
            if (latest !== undefined && effectiveOn < latest.effectiveOn) {
              return yield* new ConflictError({
                message: `${person.email} was promoted to "${latest.to}" of ladder "${latest.ladderKey}" on ${latest.effectiveOn}: a promotion effective on ${effectiveOn} would come before it, and promotions are recorded in order`,
              })
            }
            const current = currentLevel(history)
            if (current !== undefined && current.ladderKey === ladder.ladderKey && current.level === level.key) {
              return yield* new ConflictError({
                message: `${person.email} is already at level "${level.key}" of ladder "${ladder.ladderKey}"`,
              })
            }
            const [snapshot] = yield* readiness.of(
              [{ personId: person.id, ladderKey: ladder.ladderKey, level: level.key }],
              input.effectiveOn,
            )
            if (snapshot === undefined) return yield* Effect.dieMessage("readiness answered nothing")
            if (Either.isLeft(snapshot)) return yield* snapshot.left
            const row = {
              person_id: person.id,
              ladder_key: ladder.ladderKey,
              version: ladder.version,
              from_ladder_key: current?.ladderKey ?? null,
              from_version: current?.version ?? null,
              from_level: current?.level ?? null,
              to_level: level.key,
              rationale: input.rationale,
              readiness: encodeReadiness(snapshot.right),
              at: DateTime.formatIso(yield* DateTime.now),
              effective_on: effectiveOn,
            }
            const { id } = yield* query((k) =>
              k.insertInto("competencies_promotions").values(row).returning("id").executeTakeFirstOrThrow(),
            )
            yield* outbox.publish(PersonPromoted, person.id, {
              personId: person.id,
              ladderKey: row.ladder_key,
              fromLadderKey: row.from_ladder_key,
              fromLevel: row.from_level,
              toLevel: row.to_level,
              effectiveOn,
            })
            return toPromotion({ ...row, id: Number(id) })
          }),
        )

      return {
        promote,
        ofPeople: (personIds) => promotionsOf(db, personIds),
        stepsOfPeople: (personIds) => stepsOf(db, personIds),
      }
    }),
  )
}
