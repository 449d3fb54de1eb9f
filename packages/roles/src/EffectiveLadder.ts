import type { Competency, LadderDocument, Matrix } from "./Ladder.js"

/**
 * What a version reads as when it extends a base ladder: the base's scale (unless the
 * version has one of its own), the base's competencies with the version's overriding them
 * by key, and per level the base's matrix entries with the version's overriding them per
 * competency. Tracks, levels, roles and transitions are the version's own; the matrix keeps
 * only the version's levels.
 */
export const effectiveLadder = (doc: LadderDocument, base: LadderDocument | undefined): LadderDocument => {
  if (base === undefined) return doc
  const own = new Map(doc.competencies.map((c) => [c.key, c]))
  const competencies: Array<Competency> = [
    ...base.competencies.map((c) => own.get(c.key) ?? c),
    ...doc.competencies.filter((c) => !base.competencies.some((b) => b.key === c.key)),
  ]
  const matrix: Record<string, Matrix[string]> = {}
  for (const level of doc.levels) {
    const entries = { ...(base.matrix[level.key] ?? {}), ...(doc.matrix[level.key] ?? {}) }
    if (Object.keys(entries).length > 0) matrix[level.key] = entries
  }
  return { ...doc, scale: doc.scale.length > 0 ? doc.scale : base.scale, competencies, matrix }
}
