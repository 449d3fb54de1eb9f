import { GlobalId, Key, LocalDate, Name } from "@teamops/core"
import { Schema } from "effect"

export const AreaStatus = Schema.Literal("active", "retired")
export type AreaStatus = typeof AreaStatus.Type

/**
 * An area of responsibility: something a team needs looked after (a tool, a kind of content,
 * a process), given to one owner with the autonomy to decide within it.
 */
export interface Area {
  readonly id: string
  readonly key: string
  readonly name: string
  /** Why the area exists. */
  readonly purpose: string
  readonly teamId: string
  readonly category: string
  /** The hours a week expected of its owner. */
  readonly weeklyHours: number
  /** What the owner decides alone: the autonomy statement, one sentence each. */
  readonly decisions: ReadonlyArray<string>
  /** Keys of the competency catalog the work in the area exercises. */
  readonly competencies: ReadonlyArray<string>
  readonly reviewEveryDays: number
  readonly status: AreaStatus
  /** RFC 3339, UTC. */
  readonly createdAt: string
  readonly retiredAt: string | null
}

/** One person's ownership of an area, from `startedAt` until `endedAt` (null while it lasts). */
export interface Ownership {
  readonly id: string
  readonly areaId: string
  readonly personId: string
  /** The owner's team when the ownership began: a later move to another team orphans the area. */
  readonly teamId: string
  readonly startedAt: string
  readonly endedAt: string | null
  /** The note of the handover that began it. */
  readonly note: string
}

/** Someone helping in an area for some hours a week, without owning it. */
export interface Contribution {
  readonly id: string
  readonly areaId: string
  readonly personId: string
  readonly weeklyHours: number
  readonly startedAt: string
  readonly endedAt: string | null
}

/** Work done in an area by its owner or a contributor; evidence for the competencies it exercises. */
export interface AreaWork {
  readonly id: string
  readonly areaId: string
  readonly personId: string
  /** YYYY-MM-DD: when the work was done. */
  readonly date: string
  readonly text: string
  readonly url: string | null
  readonly recordedAt: string
}

/** What a person owns or contributes to now, with the hours it takes. */
export interface PersonArea {
  readonly personId: string
  readonly area: Area
  readonly role: "owner" | "contributor"
  readonly weeklyHours: number
  readonly since: string
}

const PersonRef = GlobalId("Person")

const text = (max: number) =>
  Schema.Trim.pipe(
    Schema.nonEmptyString({ message: () => "expected a non-empty text" }),
    Schema.maxLength(max, { message: () => `expected at most ${max} characters` }),
  )

export const Purpose = text(2000)
export const Note = text(2000)
export const WorkText = text(4000)

/** Hours a week: more than 0 and at most 40, so an area never takes more than a full week. */
export const AreaHours = Schema.Number.pipe(
  Schema.filter(
    (n) => (Number.isFinite(n) && n > 0 && n <= 40) || `expected hours a week above 0 and at most 40, got ${n}`,
  ),
)

/** An absolute http(s) URL. */
export const Url = Schema.Trim.pipe(
  Schema.filter((s) => {
    try {
      const url = new URL(s)
      if (url.protocol === "http:" || url.protocol === "https:") return true
    } catch {}
    return `expected an http or https URL such as "https://example.com/page", got ${JSON.stringify(s)}`
  }),
)

export const Decisions = Schema.Array(text(500))
export const CompetencyKeys = Schema.Array(Key)
export const ReviewEveryDays = Schema.Int.pipe(
  Schema.filter((n) => (n >= 1 && n <= 3650) || `expected a whole number of days from 1 to 3650, got ${n}`),
)

export const defaultReviewEveryDays = 90

export const CreateAreaInput = Schema.Struct({
  key: Key,
  name: Name,
  purpose: Purpose,
  teamKey: Key,
  category: Key,
  weeklyHours: AreaHours,
  decisions: Schema.optionalWith(Decisions, { nullable: true, default: () => [] }),
  competencies: Schema.optionalWith(CompetencyKeys, { nullable: true, default: () => [] }),
  reviewEveryDays: Schema.optionalWith(ReviewEveryDays, { nullable: true, default: () => defaultReviewEveryDays }),
})
export type CreateAreaInput = typeof CreateAreaInput.Type

/** A change to an area; a field left out stays as it is. */
export const UpdateAreaInput = Schema.Struct({
  key: Key,
  name: Schema.optionalWith(Name, { nullable: true }),
  purpose: Schema.optionalWith(Purpose, { nullable: true }),
  teamKey: Schema.optionalWith(Key, { nullable: true }),
  category: Schema.optionalWith(Key, { nullable: true }),
  weeklyHours: Schema.optionalWith(AreaHours, { nullable: true }),
  decisions: Schema.optionalWith(Decisions, { nullable: true }),
  competencies: Schema.optionalWith(CompetencyKeys, { nullable: true }),
  reviewEveryDays: Schema.optionalWith(ReviewEveryDays, { nullable: true }),
})
export type UpdateAreaInput = typeof UpdateAreaInput.Type

/**
 * A handover: `fromPersonId` is the owner it expects to replace (null for an area without
 * one), `toPersonId` the next owner (null releases the area, which then has none).
 */
export const HandOverAreaInput = Schema.Struct({
  areaKey: Key,
  fromPersonId: Schema.NullOr(PersonRef),
  toPersonId: Schema.NullOr(PersonRef),
  note: Note,
})
export type HandOverAreaInput = typeof HandOverAreaInput.Type

export const AddAreaContributorInput = Schema.Struct({
  areaKey: Key,
  personId: PersonRef,
  weeklyHours: AreaHours,
})
export type AddAreaContributorInput = typeof AddAreaContributorInput.Type

export const RemoveAreaContributorInput = Schema.Struct({ areaKey: Key, personId: PersonRef })
export type RemoveAreaContributorInput = typeof RemoveAreaContributorInput.Type

export const RecordAreaWorkInput = Schema.Struct({
  areaKey: Key,
  personId: PersonRef,
  date: LocalDate,
  text: WorkText,
  url: Schema.optionalWith(Url, { nullable: true }),
})
export type RecordAreaWorkInput = typeof RecordAreaWorkInput.Type

/** The input of `confirmArea` and `retireArea`: the area, by key. */
export const AreaKeyInput = Schema.Struct({ areaKey: Key })
export type AreaKeyInput = typeof AreaKeyInput.Type

/** The filter of `areas`. */
export interface AreaFilter {
  readonly teamId?: string | undefined
  readonly status?: AreaStatus | undefined
  readonly category?: string | undefined
  readonly ownerId?: string | undefined
}
