import { Db, type DbError, InputError, NotFoundError } from "@teamops/core"
import { LadderRepo, type LadderVersion } from "@teamops/roles"
import { Context, Effect, Either, Layer } from "effect"
import { AssessmentRepo, type LatestRating } from "./AssessmentRepo.js"
import type { VersionChanges } from "./CompetencyMapping.js"
import { type NoNextLevel, nextLevelOfPerson, type PersonNextLevel } from "./NextLevel.js"
import { currentLevel, type LevelAt } from "./Promotion.js"
import { stepsOf } from "./PromotionRows.js"
import { assessReadiness, type EvidenceTally, type Readiness } from "./Readiness.js"

/** Readiness of one person for one level of the latest published version of a ladder. */
export interface ReadinessRequest {
  readonly personId: string
  readonly ladderKey: string
  readonly level: string
}

export type ReadinessFailure = NotFoundError | InputError

/** A person and their current level (undefined before the first promotion). */
export interface PersonAtLevel {
  readonly personId: string
  readonly current: LevelAt | undefined
}

/** Reads readiness for many people at once: a fixed number of statements, whatever their number. */
export interface ReadinessReaderService {
  /**
   * The readiness of each request, in order: one statement for the ratings of every person,
   * one for the versions of each distinct ladder. A ladder without a published version or a
   * level the latest version lacks answers a NotFoundError for that request. With `asOf`
   * (YYYY-MM-DD), of the ratings observed on that day or before.
   */
  readonly of: (
    requests: ReadonlyArray<ReadinessRequest>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<Either.Either<Readiness, ReadinessFailure>>, DbError>
  /**
   * The readiness of each person for level `level` of `ladderKey`; without a ladder, of the
   * ladder of the person's current level, else of the only ladder whose latest version has
   * the level (none: a NotFoundError; several: an InputError at `ladder`).
   */
  readonly forPeople: (
    personIds: ReadonlyArray<string>,
    level: string,
    ladderKey: string | undefined,
  ) => Effect.Effect<ReadonlyArray<Either.Either<Readiness, ReadinessFailure>>, DbError>
  /**
   * The next level from each current level (see `nextLevel`), in the latest published
   * version of its ladder: one statement for the latest versions, none when no one has a
   * current level.
   */
  readonly nextLevels: (
    currents: ReadonlyArray<LevelAt | undefined>,
  ) => Effect.Effect<ReadonlyArray<PersonNextLevel>, DbError>
  /**
   * The readiness of each person for their next level: one statement for the versions of
   * each distinct ladder of the current levels, one for the ratings of every person. A
   * person with no next level answers why.
   */
  readonly forNextLevel: (
    people: ReadonlyArray<PersonAtLevel>,
  ) => Effect.Effect<ReadonlyArray<Either.Either<Readiness, ReadinessFailure | NoNextLevel>>, DbError>
}

const published = (history: ReadonlyArray<LadderVersion>) =>
  history.filter((v): v is LadderVersion & { version: number } => v.version !== null)

export class ReadinessReader extends Context.Tag("@teamops/competencies/ReadinessReader")<
  ReadinessReader,
  ReadinessReaderService
>() {
  static readonly layer = Layer.effect(
    ReadinessReader,
    Effect.gen(function* () {
      const db = yield* Db
      const ladders = yield* LadderRepo
      const assessments = yield* AssessmentRepo

      type History = ReadonlyArray<LadderVersion & { version: number }>

      // The published versions of each ladder, oldest first: one statement for every ladder.
      const historiesOf = (ladderKeys: ReadonlyArray<string>) =>
        Effect.map(ladders.histories([...new Set(ladderKeys)]), (versions) => {
          const histories = new Map<string, Array<LadderVersion & { version: number }>>()
          for (const v of published(versions)) histories.set(v.ladderKey, [...(histories.get(v.ladderKey) ?? []), v])
          return histories as ReadonlyMap<string, History>
        })

      // The latest ratings of the people, by person: one statement.
      const ratingsOf = (personIds: ReadonlyArray<string>, asOf?: string) =>
        Effect.map(assessments.latestFor([...new Set(personIds)], asOf), (ratings) => {
          const byPerson = new Map<string, Array<LatestRating>>()
          for (const rating of ratings) {
            const list = byPerson.get(rating.personId) ?? []
            list.push(rating)
            byPerson.set(rating.personId, list)
          }
          return byPerson
        })

      const readinessAt = (
        history: History,
        ratings: ReadonlyArray<LatestRating>,
        request: ReadinessRequest,
      ): Either.Either<Readiness, ReadinessFailure> => {
        const latest = history.at(-1)
        if (latest === undefined) {
          return Either.left(
            new NotFoundError({
              entity: "Ladder",
              key: request.ladderKey,
              message: `no published ladder "${request.ladderKey}"`,
            }),
          )
        }
        const level = latest.effective.levels.find((l) => l.key === request.level)
        if (level === undefined) {
          return Either.left(
            new NotFoundError({
              entity: "Level",
              key: request.level,
              message: `ladder "${latest.ladderKey}" version ${latest.version} has no level "${request.level}" (levels: ${latest.effective.levels.map((l) => l.key).join(", ")})`,
            }),
          )
        }
        const changes: Array<VersionChanges> = history.map((v) => ({
          version: v.version,
          changes: v.document.changes,
        }))
        const own = ratings.filter((r) => r.ladderKey === request.ladderKey)
        const evidence = new Map<string, EvidenceTally>()
        for (const r of own) {
          evidence.set(JSON.stringify([r.version, r.competency]), {
            version: r.version,
            competency: r.competency,
            count: r.groupEvidence,
          })
        }
        return Either.right(
          assessReadiness(
            { ladderKey: latest.ladderKey, version: latest.version, ladder: latest.effective, level },
            changes,
            own.map((r) => ({ ...r, order: r.id })),
            [...evidence.values()],
          ),
        )
      }

      const of: ReadinessReaderService["of"] = (requests, asOf) =>
        Effect.gen(function* () {
          if (requests.length === 0) return []
          const histories = yield* historiesOf(requests.map((r) => r.ladderKey))
          const byPerson = yield* ratingsOf(
            requests.map((r) => r.personId),
            asOf,
          )
          return requests.map((request) =>
            readinessAt(histories.get(request.ladderKey) ?? [], byPerson.get(request.personId) ?? [], request),
          )
        })

      const nextLevels: ReadinessReaderService["nextLevels"] = (currents) =>
        Effect.gen(function* () {
          const latest = currents.some((c) => c !== undefined)
            ? new Map((yield* ladders.latest).map((v) => [v.ladderKey, v]))
            : new Map<string, LadderVersion>()
          return currents.map((current) => {
            const version = current === undefined ? undefined : latest.get(current.ladderKey)
            return nextLevelOfPerson(
              current,
              version === undefined || version.version === null
                ? undefined
                : { ladderKey: version.ladderKey, version: version.version, ladder: version.effective },
            )
          })
        })

      const forNextLevel: ReadinessReaderService["forNextLevel"] = (people) =>
        Effect.gen(function* () {
          const histories = yield* historiesOf(people.flatMap((p) => (p.current ? [p.current.ladderKey] : [])))
          const nexts = people.map(({ current }) => {
            const latest = current === undefined ? undefined : histories.get(current.ladderKey)?.at(-1)
            return nextLevelOfPerson(
              current,
              latest && { ladderKey: latest.ladderKey, version: latest.version, ladder: latest.effective },
            )
          })
          const promotable = people.filter((_, i) => nexts[i]?._tag === "next").map((p) => p.personId)
          const byPerson =
            promotable.length === 0 ? new Map<string, Array<LatestRating>>() : yield* ratingsOf(promotable)
          return people.map(({ personId }, i) => {
            const next = nexts[i] as PersonNextLevel
            if (next._tag === "NoNextLevel") return Either.left(next)
            return readinessAt(histories.get(next.ladderKey) ?? [], byPerson.get(personId) ?? [], {
              personId,
              ladderKey: next.ladderKey,
              level: next.level.key,
            })
          })
        })

      const forPeople: ReadinessReaderService["forPeople"] = (personIds, level, ladderKey) =>
        Effect.gen(function* () {
          if (ladderKey !== undefined) return yield* of(personIds.map((personId) => ({ personId, ladderKey, level })))
          const promotions = yield* stepsOf(db, personIds)
          const ladderOf = new Map<string, string>()
          for (const personId of personIds) {
            const current = currentLevel(promotions.filter((p) => p.personId === personId))
            if (current !== undefined) ladderOf.set(personId, current.ladderKey)
          }
          let fallback: Either.Either<string, ReadinessFailure> | undefined
          if (ladderOf.size < personIds.length) {
            const having = (yield* ladders.latest)
              .filter((v) => v.effective.levels.some((l) => l.key === level))
              .map((v) => v.ladderKey)
            fallback =
              having.length === 1
                ? Either.right(having[0] as string)
                : Either.left(
                    having.length === 0
                      ? new NotFoundError({
                          entity: "Level",
                          key: level,
                          message: `no published ladder has a level "${level}"`,
                        })
                      : new InputError({
                          path: ["ladder"],
                          message: `several ladders have a level "${level}" (${having.join(", ")}): name one with ladder`,
                        }),
                  )
          }
          const resolved = personIds.map((personId) => {
            const own = ladderOf.get(personId)
            return own !== undefined ? Either.right(own) : (fallback as Either.Either<string, ReadinessFailure>)
          })
          const requests = personIds.flatMap((personId, i) => {
            const ladder = resolved[i] as Either.Either<string, ReadinessFailure>
            return Either.isRight(ladder) ? [{ personId, ladderKey: ladder.right, level }] : []
          })
          const answers = yield* of(requests)
          let next = 0
          return resolved.map((ladder) =>
            Either.isRight(ladder)
              ? (answers[next++] as Either.Either<Readiness, ReadinessFailure>)
              : Either.left(ladder.left),
          )
        })

      return { of, forPeople, nextLevels, forNextLevel }
    }),
  )
}
