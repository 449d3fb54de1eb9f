import { Contributions, type DbError } from "@teamops/core"
import { type MetricStatistics, Metrics } from "@teamops/kpi"
import { Context, Effect, Layer } from "effect"
import { defaultTargetPoint } from "./DefaultTarget.js"
import type { Target } from "./Target.js"
import { TargetRepo } from "./TargetRepo.js"
import type { TargetsConfig } from "./TargetsConfig.js"

/** What judging a row needs: every version of every target, and how each metric is read. */
export interface TargetBookService {
  /** The plugins' defaults, then every version set, in the order they were set. */
  readonly versions: Effect.Effect<ReadonlyArray<Target>, DbError>
  /** The statistics of a metric a target may judge. */
  readonly statisticsOf: (metric: string) => MetricStatistics
  /** The fewest values a figure of `metric` must stand on to be judged (ratings, for CSAT). */
  readonly minimumCount: (metric: string) => number
}

export class TargetBook extends Context.Tag("@teamops/targets/TargetBook")<TargetBook, TargetBookService>() {
  static readonly layer = (config: TargetsConfig) =>
    Layer.effect(
      TargetBook,
      Effect.gen(function* () {
        const repo = yield* TargetRepo
        const metrics = yield* Metrics
        const defaults = (yield* Contributions).of(defaultTargetPoint).map(
          ({ pluginId, value }): Target => ({
            id: null,
            metric: value.metric,
            statistic: value.statistic,
            scope: { kind: "organisation", key: null },
            complexity: value.complexity ?? null,
            good: value.good,
            acceptable: value.acceptable ?? null,
            effectiveFrom: null,
            contributedBy: pluginId,
          }),
        )
        return {
          versions: Effect.map(repo.all, (set) => [...defaults, ...set]),
          statisticsOf: (metric) => metrics.definition(metric)?.statistics ?? {},
          minimumCount: (metric) => (metric === "csat_score" ? config.minRatings : 0),
        }
      }),
    )
}
