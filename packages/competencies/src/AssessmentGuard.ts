import { Db, type DbService } from "@teamops/core"
import {
  type CompetencyChange,
  LadderRepo,
  type LadderRepoService,
  type PublishGuard,
  PublishGuards,
} from "@teamops/roles"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import { keysMappingTo } from "./CompetencyMapping.js"

/** The competency keys a change says what became of. */
const accountedFor = (change: CompetencyChange): ReadonlyArray<string> =>
  "rename" in change
    ? [change.rename.from]
    : "split" in change
      ? [change.split.from]
      : "merge" in change
        ? change.merge.from
        : [change.remove]

/**
 * A new version may not drop a competency that has assessments without saying, in its
 * `changes`, what became of it (renamed, split, merged or removed): its ratings would map to
 * nothing without anyone having decided so.
 */
const keepsAssessments =
  (db: DbService, ladders: LadderRepoService): PublishGuard =>
  ({ latest, next }) =>
    Effect.gen(function* () {
      if (latest === undefined || latest.version === null) return []
      const present = new Set(next.effective.competencies.map((c) => c.key))
      const explained = new Set(next.document.changes.flatMap(accountedFor))
      const dropped = latest.effective.competencies.filter((c) => !present.has(c.key) && !explained.has(c.key))
      if (dropped.length === 0) return []
      const history = yield* ladders.history(latest.ladderKey)
      const recorded = yield* db.query((k: Kysely<CompetenciesDatabase>) =>
        k
          .selectFrom("competencies_assessments")
          .select(["version", "competency", (eb) => eb.fn.countAll<number>().as("n")])
          .where("ladder_key", "=", latest.ladderKey)
          .groupBy(["version", "competency"])
          .execute(),
      )
      const changes = history.map((v) => ({ version: v.version as number, changes: v.document.changes }))
      const candidates = history.map((v) => ({
        version: v.version as number,
        keys: [...new Set(recorded.filter((r) => r.version === v.version).map((r) => r.competency))],
      }))
      return dropped.flatMap((competency) => {
        const under = keysMappingTo(competency.key, latest.version as number, changes, candidates)
        const count = recorded
          .filter((r) => under.some((u) => u.version === r.version && u.competency === r.competency))
          .reduce((sum, r) => sum + Number(r.n), 0)
        if (count === 0) return []
        const assessments = count === 1 ? "1 assessment" : `${count} assessments`
        return [
          {
            path: "competencies",
            message: `competency "${competency.key}" of version ${latest.version} has ${assessments} and is not in this version: say in changes what became of it (rename, split, merge or remove)`,
          },
        ]
      })
    })

/** roles' publication rules, with the one of assessments. */
export const assessmentGuardLayer = Layer.effect(
  PublishGuards,
  Effect.gen(function* () {
    const guards = yield* PublishGuards
    return guards.with(keepsAssessments(yield* Db, yield* LadderRepo))
  }),
)
