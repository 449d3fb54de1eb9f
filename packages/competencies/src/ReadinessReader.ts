import { Db, type DbError, encodeGlobalID, InputError, NotFoundError } from "@teamops/core"
import { LadderRepo, type LadderVersion } from "@teamops/roles"
import { Context, Effect, Either, Layer } from "effect"
import { AssessmentRepo, type LatestRating, type RatedEvidence } from "./AssessmentRepo.js"
import type { VersionChanges } from "./CompetencyMapping.js"
import { type ContributedEvidence, EvidenceSources } from "./EvidenceSources.js"
import { type NoNextLevel, nextLevelOfPerson, type PersonNextLevel } from "./NextLevel.js"
import { currentLevel, type LevelAt } from "./Promotion.js"
import { stepsOf } from "./PromotionRows.js"
import { assessReadiness, type EvidenceTally, type Readiness, type ReadinessEvidence } from "./Readiness.js"

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

/**
 * Reads readiness for many people at once: a fixed number of statements, whatever their
 * number. Besides the ratings, the evidence on them and every evidence source (see
 * `EvidenceSources`) is read once for all the people.
 */
export interface ReadinessReaderService {
  /**
   * The readiness of each request, in order: one statement for the ratings of every person,
   * one for the evidence on them, one call of each evidence source, one statement for the
   * versions of each distinct ladder. A ladder without a published version or a level the
   * latest version lacks answers a NotFoundError for that request. With `asOf` (YYYY-MM-DD),
   * of the ratings observed on that day or before, and of the evidence sources' evidence of
   * that day or before.
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
   * each distinct ladder of the current levels, one for the ratings of every person, one for
   * the evidence on them, one call of each evidence source. A person with no next level
   * answers why.
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
      const sources = yield* EvidenceSources

      type History = ReadonlyArray<LadderVersion & { version: number }>

      // The published versions of each ladder, oldest first: one statement for every ladder.
      const historiesOf = (ladderKeys: ReadonlyArray<string>) =>
        Effect.map(ladders.histories([...new Set(ladderKeys)]), (versions) => {
          const histories = new Map<string, Array<LadderVersion & { version: number }>>()
          for (const v of published(versions)) histories.set(v.ladderKey, [...(histories.get(v.ladderKey) ?? []), v])
          return histories as ReadonlyMap<string, History>
        })

      const byPersonOf = <A extends { readonly personId: string }>(items: ReadonlyArray<A>) => {
        const byPerson = new Map<string, Array<A>>()
        for (const item of items) {
          const list = byPerson.get(item.personId) ?? []
          list.push(item)
          byPerson.set(item.personId, list)
        }
        return byPerson as ReadonlyMap<string, ReadonlyArray<A>>
      }

      // What readiness reads of the people, by person: their latest ratings and the evidence
      // on their assessments (a statement each), and what every evidence source has for them
      // (one call each).
      const factsOf = (personIds: ReadonlyArray<string>, asOf?: string) => {
        const people = [...new Set(personIds)]
        return Effect.map(
          Effect.all([
            assessments.latestFor(people, asOf),
            assessments.evidenceOfPeople(people, asOf),
            sources.evidenceOf(people, asOf),
          ]),
          ([ratings, rated, contributed]) => ({
            ratings: byPersonOf(ratings),
            rated: byPersonOf(rated),
            contributed: byPersonOf(contributed),
          }),
        )
      }
      type Facts = Effect.Effect.Success<ReturnType<typeof factsOf>>
      const noFacts: Facts = { ratings: new Map(), rated: new Map(), contributed: new Map() }

      // Evidence on an assessment names where its rater said it came from, else the rating it backs.
      const listed = (e: RatedEvidence): ReadinessEvidence => ({
        date: e.date,
        text: e.text,
        url: e.url,
        source: {
          kind: "assessment",
          key: encodeGlobalID("Assessment", e.assessmentId),
          name: e.source ?? `${e.raterKind} rating of ${e.competency} (version ${e.version})`,
        },
      })

      const readinessAt = (
        history: History,
        facts: Facts,
        request: ReadinessRequest,
      ): Either.Either<Readiness, ReadinessFailure> => {
        const ratings: ReadonlyArray<LatestRating> = facts.ratings.get(request.personId) ?? []
        const rated: ReadonlyArray<RatedEvidence> = facts.rated.get(request.personId) ?? []
        const contributed: ReadonlyArray<ContributedEvidence> = facts.contributed.get(request.personId) ?? []
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
        // The same evidence as each rating's groupEvidence, item by item, so that it can be listed.
        const evidence = new Map<string, { version: number; competency: string; items: Array<ReadinessEvidence> }>()
        for (const e of rated) {
          if (e.ladderKey !== request.ladderKey) continue
          const slot = JSON.stringify([e.version, e.competency])
          const tally = evidence.get(slot) ?? { version: e.version, competency: e.competency, items: [] }
          tally.items.push(listed(e))
          evidence.set(slot, tally)
        }
        return Either.right(
          assessReadiness(
            { ladderKey: latest.ladderKey, version: latest.version, ladder: latest.effective, level },
            changes,
            own.map((r) => ({ ...r, order: r.id })),
            [...evidence.values()].map((t): EvidenceTally => ({ ...t, count: t.items.length })),
            contributed,
          ),
        )
      }

      const of: ReadinessReaderService["of"] = (requests, asOf) =>
        Effect.gen(function* () {
          if (requests.length === 0) return []
          const histories = yield* historiesOf(requests.map((r) => r.ladderKey))
          const facts = yield* factsOf(
            requests.map((r) => r.personId),
            asOf,
          )
          return requests.map((request) => readinessAt(histories.get(request.ladderKey) ?? [], facts, request))
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
          const facts = promotable.length === 0 ? noFacts : yield* factsOf(promotable)
          return people.map(({ personId }, i) => {
            const next = nexts[i] as PersonNextLevel
            if (next._tag === "NoNextLevel") return Either.left(next)
            return readinessAt(histories.get(next.ladderKey) ?? [], facts, {
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
