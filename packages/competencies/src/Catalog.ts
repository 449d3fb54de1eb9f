import { contribute, extensionPoint, Key, Name } from "@teamops/core"
import type { LadderDocument } from "@teamops/roles"
import { Schema } from "effect"

const Text = Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "expected a non-empty text" }))

/** A competency a plugin contributes to the catalog, whether or not a ladder uses it yet. */
export const CatalogEntry = Schema.Struct({ key: Key, name: Name, category: Name, description: Text })
export type CatalogEntry = typeof CatalogEntry.Type

export const competencyPoint = extensionPoint("competencies", "competency", CatalogEntry)

/** What contributors call: `competency({ key: "triage", name: "Triage", category: "Craft", description: "…" })`. */
export const competency = (value: typeof CatalogEntry.Encoded) => contribute(competencyPoint, value)

/** A competency of the catalog, with where it comes from. */
export interface CatalogCompetency extends CatalogEntry {
  /** The plugin that contributed it; null when only ladders define it. */
  readonly contributedBy: string | null
  /** The keys of the ladders whose latest published version has it, in key order. */
  readonly ladders: ReadonlyArray<string>
}

/**
 * The catalog: the contributed competencies (the first contribution of a key wins), then
 * those of every latest published ladder not contributed (the first ladder in key order
 * names it), each key once, ordered by key.
 */
export const catalogOf = (
  contributed: ReadonlyArray<{ readonly pluginId: string; readonly value: CatalogEntry }>,
  ladders: ReadonlyArray<{ readonly ladderKey: string; readonly document: LadderDocument }>,
): ReadonlyArray<CatalogCompetency> => {
  const byKey = new Map<string, { entry: CatalogEntry; contributedBy: string | null; ladders: Array<string> }>()
  for (const { pluginId, value } of contributed) {
    if (!byKey.has(value.key)) byKey.set(value.key, { entry: value, contributedBy: pluginId, ladders: [] })
  }
  const inOrder = [...ladders].sort((a, b) => (a.ladderKey < b.ladderKey ? -1 : a.ladderKey > b.ladderKey ? 1 : 0))
  for (const { ladderKey, document } of inOrder) {
    for (const c of document.competencies) {
      const known = byKey.get(c.key)
      if (known === undefined) byKey.set(c.key, { entry: c, contributedBy: null, ladders: [ladderKey] })
      else if (!known.ladders.includes(ladderKey)) known.ladders.push(ladderKey)
    }
  }
  return [...byKey.values()]
    .map(({ entry, contributedBy, ladders }) => ({
      key: entry.key,
      name: entry.name,
      category: entry.category,
      description: entry.description,
      contributedBy,
      ladders,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
