import type { CompetencyChange } from "@teamops/roles"

/** The competency changes one published version made since the version before it. */
export interface VersionChanges {
  readonly version: number
  readonly changes: ReadonlyArray<CompetencyChange>
}

/**
 * What one version's changes make of a key: a rename `a -> b` makes `a` into `b`, a split
 * `a -> [b, c]` makes it into `b` and `c`, a merge `[a, b] -> c` makes each of `a` and `b`
 * into `c`, a remove `a` makes it into nothing. The changes of one version apply together, not one after the other (a version
 * that renames `a -> b` and `b -> a` swaps them); the first change naming a key wins. A key
 * no change names stays as it is.
 */
export const applyChanges = (key: string, changes: ReadonlyArray<CompetencyChange>): ReadonlyArray<string> => {
  for (const change of changes) {
    if ("rename" in change) {
      if (change.rename.from === key) return [change.rename.to]
    } else if ("split" in change) {
      if (change.split.from === key) return [...change.split.into]
    } else if ("merge" in change) {
      if (change.merge.from.includes(key)) return [change.merge.into]
    } else if (change.remove === key) return []
  }
  return [key]
}

/**
 * The keys a competency key of version `from` has in version `to` (`to` >= `from`): the
 * changes of every version after `from` up to `to`, in version order, applied to each key
 * in turn. The answer has no duplicates and keeps the order of first appearance (a split
 * into `b, c` answers `[b, c]`); a key that a later version drops still maps to itself,
 * and simply finds nothing in that version's matrix.
 */
export const mapCompetency = (
  key: string,
  from: number,
  history: ReadonlyArray<VersionChanges>,
  to: number = Number.POSITIVE_INFINITY,
): ReadonlyArray<string> => {
  let keys: ReadonlyArray<string> = [key]
  const later = history.filter((v) => v.version > from && v.version <= to).sort((a, b) => a.version - b.version)
  for (const { changes } of later) {
    keys = [...new Set(keys.flatMap((k) => applyChanges(k, changes)))]
  }
  return keys
}

/**
 * Every key of an earlier version (`candidates`: the keys each version knows) that maps
 * forward to `target` in version `to`, with the version it belongs to; version `to`'s own
 * key included. Used to find the old ratings of a competency.
 */
export const keysMappingTo = (
  target: string,
  to: number,
  history: ReadonlyArray<VersionChanges>,
  candidates: ReadonlyArray<{ readonly version: number; readonly keys: ReadonlyArray<string> }>,
): ReadonlyArray<{ readonly version: number; readonly competency: string }> =>
  candidates.flatMap(({ version, keys }) =>
    version > to
      ? []
      : keys
          .filter((key) => mapCompetency(key, version, history, to).includes(target))
          .map((competency) => ({ version, competency })),
  )
