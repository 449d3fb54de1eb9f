import { GlobalId, Key, LocalDate } from "@teamops/core"
import { Schema } from "effect"
import type { Readiness } from "./Readiness.js"

/** A level of a ladder version, as a promotion names it. */
export interface LevelAt {
  readonly ladderKey: string
  readonly version: number
  readonly level: string
}

/**
 * A change of level: from the level the person held (null for the first one) to a level of
 * a published ladder version, with the reason and the readiness as it was at that moment.
 */
export interface Promotion {
  readonly id: string
  readonly personId: string
  readonly ladderKey: string
  readonly version: number
  /** The level held before, which may be of another ladder or version; null for the first level. */
  readonly from: LevelAt | null
  readonly to: string
  readonly rationale: string
  /** The readiness for `to` when the promotion was recorded. */
  readonly readiness: Readiness
  /** RFC 3339, UTC, to the millisecond: when the promotion was recorded. */
  readonly at: string
  /** YYYY-MM-DD: the day the new level took effect; level history and time in level follow it. */
  readonly effectiveOn: string
}

/** A promotion without its readiness snapshot: what levels, and time in level, are read from. */
export type PromotionStep = Omit<Promotion, "readiness">

export const Rationale = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "expected a non-empty text: say why" }),
  Schema.maxLength(4000, { message: () => "expected at most 4000 characters" }),
)

/** The arguments of `promotePerson`: always to a level of the latest published version. */
export const PromotePersonInput = Schema.Struct({
  personId: GlobalId("Person"),
  ladderKey: Key,
  level: Key,
  rationale: Rationale,
  /**
   * The day the new level took effect, for a promotion of the past; defaults to today in the
   * person's time zone. Neither in the future, nor before the person's hire date, nor before
   * their latest promotion.
   */
  effectiveOn: Schema.optionalWith(LocalDate, { nullable: true }),
})
export type PromotePersonInput = typeof PromotePersonInput.Type

/**
 * Orders promotions oldest first: by the day they took effect, then by when they were
 * recorded, then by id, which grows with each record.
 */
export const chronological = <P extends PromotionStep>(promotions: ReadonlyArray<P>): ReadonlyArray<P> =>
  [...promotions].sort((a, b) =>
    a.effectiveOn !== b.effectiveOn
      ? a.effectiveOn < b.effectiveOn
        ? -1
        : 1
      : a.at !== b.at
        ? a.at < b.at
          ? -1
          : 1
        : Number(a.id) - Number(b.id),
  )

/** A person's current level: the level of their latest promotion; undefined before the first. */
export const currentLevel = (promotions: ReadonlyArray<PromotionStep>): LevelAt | undefined => {
  const latest = chronological(promotions).at(-1)
  return latest === undefined ? undefined : { ladderKey: latest.ladderKey, version: latest.version, level: latest.to }
}

const dayMillis = 24 * 60 * 60 * 1000

/** Whole days from one `YYYY-MM-DD` date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / dayMillis)

/**
 * Whole days from the day the latest promotion took effect to `today` (`YYYY-MM-DD`, in the
 * person's time zone): 0 on that day; undefined before the first promotion.
 */
export const daysInLevel = (promotions: ReadonlyArray<PromotionStep>, today: string): number | undefined => {
  const latest = chronological(promotions).at(-1)
  if (latest === undefined) return undefined
  return Math.max(0, daysBetween(latest.effectiveOn, today))
}
