import type { DbError } from "@teamops/core"
import { LadderRepo, type LadderVersion } from "@teamops/roles"
import { Context, Effect, Layer } from "effect"
import type { CompetencyAt } from "./Assessment.js"
import { keysMappingTo, mapCompetency, type VersionChanges } from "./CompetencyMapping.js"

/**
 * Competency keys across the published versions of ladders: what a key recorded against an
 * old version is called now, and which old keys stand for a key of today. Reads every ladder
 * asked about in one statement.
 */
export interface CompetencyHistoryService {
  /** The keys each `(ladderKey, version, competency)` has in the latest version of its ladder. */
  readonly currentKeys: (
    recorded: ReadonlyArray<CompetencyAt>,
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<string>>, DbError>
  /**
   * For each competency key of today, every `(ladderKey, version, key)` of every ladder whose
   * key maps forward to it in that ladder's latest version: where its old ratings are.
   */
  readonly recordedAs: (
    competencies: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<CompetencyAt>>, DbError>
}

const changesOf = (versions: ReadonlyArray<LadderVersion>): Array<VersionChanges> =>
  versions.flatMap((v) => (v.version === null ? [] : [{ version: v.version, changes: v.document.changes }]))

/** Every key a version knows: its competencies, and the keys its changes turned into others. */
const keysOf = (version: LadderVersion) => [
  ...version.effective.competencies.map((c) => c.key),
  ...version.document.changes.flatMap((c) =>
    "rename" in c ? [c.rename.from] : "split" in c ? [c.split.from] : "merge" in c ? c.merge.from : [c.remove],
  ),
]

const byLadder = (versions: ReadonlyArray<LadderVersion>) => {
  const grouped = new Map<string, Array<LadderVersion>>()
  for (const v of versions) grouped.set(v.ladderKey, [...(grouped.get(v.ladderKey) ?? []), v])
  return grouped
}

export class CompetencyHistory extends Context.Tag("@teamops/competencies/CompetencyHistory")<
  CompetencyHistory,
  CompetencyHistoryService
>() {
  static readonly layer = Layer.effect(
    CompetencyHistory,
    Effect.map(LadderRepo, (ladders) => ({
      currentKeys: (recorded) =>
        Effect.map(ladders.histories([...new Set(recorded.map((r) => r.ladderKey))]), (versions) => {
          const histories = byLadder(versions)
          return recorded.map((r) =>
            mapCompetency(r.competency, r.version, changesOf(histories.get(r.ladderKey) ?? [])),
          )
        }),
      recordedAs: (competencies) =>
        Effect.gen(function* () {
          const latest = yield* ladders.latest
          const histories = byLadder(yield* ladders.histories(latest.map((l) => l.ladderKey)))
          return competencies.map((competency) =>
            latest.flatMap((ladder) => {
              const versions = histories.get(ladder.ladderKey) ?? []
              const candidates = versions.map((v) => ({ version: v.version as number, keys: keysOf(v) }))
              return keysMappingTo(competency, ladder.version ?? 0, changesOf(versions), candidates).map((m) => ({
                ladderKey: ladder.ladderKey,
                ...m,
              }))
            }),
          )
        }),
    })),
  )
}
