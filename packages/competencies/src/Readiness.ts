import type { LadderDocument, Level } from "@teamops/roles"
import { Schema } from "effect"
import { type RaterKind, raterKinds } from "./Assessment.js"
import { mapCompetency, type VersionChanges } from "./CompetencyMapping.js"

/** A competency as readiness names it. */
export const CompetencyInfo = Schema.Struct({
  key: Schema.String,
  name: Schema.String,
  category: Schema.String,
  description: Schema.String,
})
export type CompetencyInfo = typeof CompetencyInfo.Type

/** Where an item of evidence came from: an assessment, an area of responsibility, …. */
export const EvidenceOrigin = Schema.Struct({
  /** What kind of thing: `assessment` for evidence on a rating, `area` for work in an area. */
  kind: Schema.String,
  /** Which one: the assessment's global id, the area's key. */
  key: Schema.String,
  /** Its name for people. */
  name: Schema.String,
})
export type EvidenceOrigin = typeof EvidenceOrigin.Type

/** One item of evidence readiness counts for a competency, with where it came from. */
export const ReadinessEvidence = Schema.Struct({
  /** YYYY-MM-DD: when what it shows happened. */
  date: Schema.String,
  text: Schema.String,
  url: Schema.NullOr(Schema.String),
  source: EvidenceOrigin,
})
export type ReadinessEvidence = typeof ReadinessEvidence.Type

/** Where a person stands on one competency of the target level. */
export const CompetencyReadiness = Schema.Struct({
  competency: CompetencyInfo,
  /** The step the target level expects. */
  expected: Schema.String,
  /** The latest rating of each kind of rater (a step key), mapped forward; null when none. */
  self: Schema.NullOr(Schema.String),
  manager: Schema.NullOr(Schema.String),
  peer: Schema.NullOr(Schema.String),
  /**
   * Evidence on every assessment of the competency (under any of its earlier keys), and the
   * evidence other plugins contribute for it (work in an area that exercises it, …).
   */
  evidenceCount: Schema.Number,
  /**
   * The evidence counted, latest first. A snapshot kept before evidence was listed has none
   * listed, and its `evidenceCount` stays what it was.
   */
  evidence: Schema.optionalWith(Schema.Array(ReadinessEvidence), { default: () => [] }),
  /** Self and manager both rated, at the same step. */
  agree: Schema.Boolean,
  /** The manager's latest rating is at or above the expected step. */
  met: Schema.Boolean,
})
export type CompetencyReadiness = typeof CompetencyReadiness.Type

/** A competency not met: what is expected, and what the manager last rated (null: not rated). */
export const ReadinessGap = Schema.Struct({
  competency: CompetencyInfo,
  expected: Schema.String,
  assessed: Schema.NullOr(Schema.String),
})
export type ReadinessGap = typeof ReadinessGap.Type

/** Whether a person is ready for a level, and why; also the snapshot kept with a promotion. */
export const Readiness = Schema.Struct({
  ladderKey: Schema.String,
  version: Schema.Number,
  level: Schema.String,
  levelTitle: Schema.String,
  ready: Schema.Boolean,
  met: Schema.Number,
  total: Schema.Number,
  /** "ready for css2: all 7 competencies met", or what is missing. */
  explanation: Schema.String,
  /** The same in a sentence: "ready because …", "not ready because …". */
  because: Schema.String,
  gaps: Schema.Array(ReadinessGap),
  competencies: Schema.Array(CompetencyReadiness),
})
export type Readiness = typeof Readiness.Type

/** One rating that readiness may count: the latest of its kind for its version and key, at least. */
export interface Rating {
  readonly version: number
  readonly competency: string
  readonly raterKind: RaterKind
  readonly rating: string
  /** YYYY-MM-DD: the day the rating was observed; a later day is a later rating. */
  readonly observedOn: string
  readonly recordedAt: string
  /** Breaks ties between ratings recorded in the same millisecond: higher is later. */
  readonly order: number
}

/** How much evidence the assessments of one competency key of one version have. */
export interface EvidenceTally {
  readonly version: number
  readonly competency: string
  readonly count: number
  /** The items to list; when given, as many as `count`. */
  readonly items?: ReadonlyArray<ReadinessEvidence>
}

/** An item of evidence that names a competency of the catalog, not of a ladder version. */
export interface CatalogEvidence extends ReadinessEvidence {
  /** A key of the competency catalog. */
  readonly competency: string
}

/** The level to be ready for: a level of a published version, with that version's effective document. */
export interface ReadinessTarget {
  readonly ladderKey: string
  readonly version: number
  readonly ladder: LadderDocument
  readonly level: Level
}

const later = (a: Rating, b: Rating) =>
  a.observedOn !== b.observedOn
    ? a.observedOn > b.observedOn
    : a.recordedAt !== b.recordedAt
      ? a.recordedAt > b.recordedAt
      : a.order > b.order

const plural = (n: number) => `${n} ${n === 1 ? "competency" : "competencies"}`

const inWords = (parts: ReadonlyArray<string>) =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`

/**
 * Whether a person is ready for `target.level`, from their ratings (of the same ladder, any
 * version) and the evidence on them.
 *
 * Every rating is first mapped forward to the target version with the versions' competency
 * changes (see {@link mapCompetency}). Then, per competency the target level's matrix names,
 * in the order of the ladder's competencies:
 *
 * - `self`, `manager`, `peer`: the latest rating of that kind of rater (the latest by
 *   `observedOn`, then `recordedAt`, then `order`), whichever earlier key it was made under;
 * - `evidenceCount`: the evidence of every assessment that maps to the competency, and every
 *   item of `contributed` (evidence other plugins contribute) that names it: an item names
 *   the competency of the target version with its key, or, when that version has no such
 *   key, the competencies its key became through the versions' changes (so evidence naming
 *   a competency by a former key still counts); `evidence` lists them, latest first;
 * - `agree`: the self and the manager ratings both exist and are the same step;
 * - `met`: the manager's latest rating is at or above the expected step, by the order of the
 *   target version's scale (first step the least proficient). Only the manager's rating
 *   decides: a self or peer rating is shown but never meets an expectation on its own, and
 *   a rating whose step the target version's scale no longer has is not met.
 *
 * The person is `ready` when every competency is met (a level that expects none is met
 * trivially); `gaps` lists the others with the manager's latest rating, or null.
 */
export const assessReadiness = (
  target: ReadinessTarget,
  history: ReadonlyArray<VersionChanges>,
  ratings: ReadonlyArray<Rating>,
  evidence: ReadonlyArray<EvidenceTally>,
  contributed: ReadonlyArray<CatalogEvidence> = [],
): Readiness => {
  const { ladder, level } = target
  const forward = (version: number, key: string) => mapCompetency(key, version, history, target.version)

  const latest = new Map<string, Rating>()
  for (const rating of ratings) {
    if (rating.version > target.version) continue
    for (const key of forward(rating.version, rating.competency)) {
      const slot = `${key}\u0000${rating.raterKind}`
      const known = latest.get(slot)
      if (known === undefined || later(rating, known)) latest.set(slot, rating)
    }
  }
  const evidenceOf = new Map<string, number>()
  const itemsOf = new Map<string, Array<ReadinessEvidence>>()
  const add = (key: string, count: number, items: ReadonlyArray<ReadinessEvidence>) => {
    evidenceOf.set(key, (evidenceOf.get(key) ?? 0) + count)
    itemsOf.set(key, [...(itemsOf.get(key) ?? []), ...items])
  }
  for (const tally of evidence) {
    if (tally.version > target.version) continue
    for (const key of forward(tally.version, tally.competency)) add(key, tally.count, tally.items ?? [])
  }
  // A catalog key is today's name of a competency; one the target version lacks may be a
  // former key, followed through every version's changes.
  const known = new Set(ladder.competencies.map((c) => c.key))
  for (const { competency, date, text, url, source } of contributed) {
    const keys = known.has(competency) ? [competency] : forward(0, competency)
    for (const key of keys) add(key, 1, [{ date, text, url, source }])
  }

  const rank = (step: string | null) => (step === null ? -1 : ladder.scale.findIndex((s) => s.key === step))
  const entries = ladder.matrix[level.key] ?? {}
  const competencies: Array<CompetencyReadiness> = ladder.competencies.flatMap((c) => {
    const entry = entries[c.key]
    if (entry === undefined) return []
    const [self, manager, peer] = raterKinds.map((kind) => latest.get(`${c.key}\u0000${kind}`)?.rating ?? null)
    const managerRank = rank(manager ?? null)
    return [
      {
        competency: { key: c.key, name: c.name, category: c.category, description: c.description },
        expected: entry.expected,
        self: self ?? null,
        manager: manager ?? null,
        peer: peer ?? null,
        evidenceCount: evidenceOf.get(c.key) ?? 0,
        // Latest first; sort is stable, so items of one day keep the order they came in.
        evidence: [...(itemsOf.get(c.key) ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
        agree: self != null && manager != null && self === manager,
        met: managerRank >= 0 && managerRank >= rank(entry.expected),
      },
    ]
  })

  const gaps: Array<ReadinessGap> = competencies
    .filter((c) => !c.met)
    .map((c) => ({ competency: c.competency, expected: c.expected, assessed: c.manager }))
  const total = competencies.length
  const met = total - gaps.length
  const ready = gaps.length === 0
  const stepNote = (step: string) => (rank(step) < 0 ? `${step}, not a step of this version's scale` : step)

  const explanation = ready
    ? total === 0
      ? `ready for ${level.key}: the level expects no competencies`
      : `ready for ${level.key}: ${total === 1 ? "1 of 1 competency" : `all ${plural(total)}`} met`
    : `not ready for ${level.key}: ${met} of ${plural(total)} met; missing: ${gaps
        .map(
          (g) =>
            `${g.competency.key} (expected ${g.expected}, ${
              g.assessed === null ? "not assessed by a manager" : `manager rated ${stepNote(g.assessed)}`
            })`,
        )
        .join(", ")}`

  const because = ready
    ? total === 0
      ? `ready because ${level.key} expects no competencies`
      : `ready because the manager rated every competency at or above the expected step: ${inWords(
          competencies.map((c) => `${c.competency.key} ${c.manager} (expected ${c.expected})`),
        )}`
    : `not ready because ${inWords(
        gaps.map((g) =>
          g.assessed === null
            ? `${g.competency.key} has no manager rating (expected ${g.expected})`
            : `${g.competency.key} is rated ${stepNote(g.assessed)} by the manager, below the expected ${g.expected}`,
        ),
      )}`

  return {
    ladderKey: target.ladderKey,
    version: target.version,
    level: level.key,
    levelTitle: level.title,
    ready,
    met,
    total,
    explanation,
    because,
    gaps,
    competencies,
  }
}
