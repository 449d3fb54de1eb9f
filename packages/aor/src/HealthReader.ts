import { currentLevel, PromotionRepo } from "@teamops/competencies"
import type { DbError } from "@teamops/core"
import { type Person, PersonRepo } from "@teamops/org"
import { Array as Arr, Context, Effect, Layer } from "effect"
import type { AorConfig } from "./AorConfig.js"
import { type AreaHealth, areaHealth, type HealthFacts } from "./AreaHealth.js"
import { AreaRepo } from "./AreaRepo.js"

/** Enough for every person of an organisation in one read: the report counts everyone. */
const everyone = { limit: 1_000_000, after: undefined }

/** Area health for many teams at once, from one read of the facts whatever their number. */
export interface HealthReaderService {
  /** The report of each team (by id; null: the whole organisation), as of `asOf` (RFC 3339, UTC). */
  readonly of: (
    teamIds: ReadonlyArray<string | null>,
    asOf: string,
  ) => Effect.Effect<ReadonlyArray<AreaHealth>, DbError>
}

export class HealthReader extends Context.Tag("@teamops/aor/HealthReader")<HealthReader, HealthReaderService>() {
  static readonly layer = (config: AorConfig) =>
    Layer.effect(
      HealthReader,
      Effect.gen(function* () {
        const areas = yield* AreaRepo
        const people = yield* PersonRepo
        const promotions = yield* PromotionRepo

        // Seven statements: areas, owners, contributions, the two kinds of activity, people, levels.
        const factsAt = (asOf: string) =>
          Effect.gen(function* () {
            const active = yield* areas.activeAt(asOf)
            const ids = active.map((a) => a.id)
            const owners = yield* areas.ownersOf(ids, asOf)
            const contributions = yield* areas.contributorsOf(ids, asOf)
            const activity = yield* areas.activity(asOf)
            const all = yield* people.list(everyone, {})
            const steps = yield* promotions.stepsOfPeople(all.map((p) => p.id))
            const levels = new Map<string, string>()
            for (const [personId, own] of Object.entries(Arr.groupBy(steps, (step) => step.personId))) {
              const level = currentLevel(own)
              if (level !== undefined) levels.set(personId, level.level)
            }
            const facts: HealthFacts = {
              asOf,
              areas: active,
              owners,
              contributions,
              activity,
              people: new Map(all.map((p): [string, Person] => [p.id, p])),
              levels,
            }
            return facts
          })

        return {
          of: (teamIds, asOf) =>
            teamIds.length === 0
              ? Effect.succeed([])
              : Effect.map(factsAt(asOf), (facts) => teamIds.map((teamId) => areaHealth(facts, { teamId }, config))),
        }
      }),
    )
}
