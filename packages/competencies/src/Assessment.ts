import { Email, GlobalId, Key, LocalDate } from "@teamops/core"
import { Schema } from "effect"
import { type Evidence, EvidenceFields } from "./Evidence.js"

/** Who gave a rating: the person themselves, their manager, or a peer. */
export const RaterKind = Schema.Literal("self", "manager", "peer")
export type RaterKind = typeof RaterKind.Type

export const raterKinds: ReadonlyArray<RaterKind> = ["self", "manager", "peer"]

/**
 * One rating of one competency of one person, by one kind of rater, against one published
 * ladder version. Assessments are append-only: a new rating is a new assessment, and the
 * history of ratings is kept. `rating` is a step key of that version's scale.
 */
export interface Assessment {
  readonly id: string
  readonly personId: string
  readonly ladderKey: string
  /** The published version the rating was made against; reads map it forward. */
  readonly version: number
  readonly competency: string
  readonly raterKind: RaterKind
  readonly rating: string
  readonly note: string | null
  readonly raterEmail: string | null
  /** RFC 3339, UTC, to the millisecond. */
  readonly recordedAt: string
  /** YYYY-MM-DD: the day the rating was observed; the latest rating is the latest observed. */
  readonly observedOn: string
  /** When its rater withdrew it (it then leaves readiness); null while it stands. */
  readonly withdrawnAt: string | null
}

/** An assessment with its evidence, oldest first. */
export interface AssessmentWithEvidence extends Assessment {
  readonly evidence: ReadonlyArray<Evidence>
}

/** A rater's note: trimmed, at most 4000 characters. */
export const Note = Schema.Trim.pipe(Schema.maxLength(4000, { message: () => "expected at most 4000 characters" }))

const PersonRef = GlobalId("Person")

/** A version number of a ladder: 1 or more. */
export const VersionNumber = Schema.Int.pipe(Schema.positive({ message: () => "expected a version of 1 or more" }))

/**
 * Why a day of a person's history (an assessment observed, a promotion effective) cannot be
 * recorded: in the future (after `today`, in the person's time zone) or before the hire date.
 */
export const historyDayProblem = (
  person: { readonly email: string; readonly hireDate: string },
  day: string,
  today: string,
): string | undefined =>
  day > today
    ? `${day} is in the future (today is ${today} for ${person.email})`
    : day < person.hireDate
      ? `${day} is before the hire date ${person.hireDate} of ${person.email}`
      : undefined

/** The arguments of `recordAssessment`; checked against the ladder version by the store. */
export const RecordAssessmentInput = Schema.Struct({
  personId: PersonRef,
  ladderKey: Key,
  /** Defaults to the latest published version of the ladder. */
  version: Schema.optionalWith(VersionNumber, { nullable: true }),
  competency: Key,
  raterKind: RaterKind,
  rating: Key,
  note: Schema.optionalWith(Note, { nullable: true }),
  raterEmail: Schema.optionalWith(Email, { nullable: true }),
  evidence: Schema.optionalWith(Schema.Array(EvidenceFields), { nullable: true }),
  /**
   * The day the rating was observed, for a rating of the past; defaults to today in the
   * person's time zone. Neither in the future nor before the person's hire date.
   */
  observedOn: Schema.optionalWith(LocalDate, { nullable: true }),
})
export type RecordAssessmentInput = typeof RecordAssessmentInput.Type

/**
 * The arguments of `recordAssessment` over the API: the rater and their kind are the caller
 * (see {@link raterKindOf}), never read from the input.
 */
export const RateInput = RecordAssessmentInput.pipe(Schema.omit("raterKind", "raterEmail"))

/** What the rater is to the person rated: themselves, above them in the reporting lines, or anyone else. */
export const raterKindOf = (rater: { readonly self: boolean; readonly manages: boolean }): RaterKind =>
  rater.self ? "self" : rater.manages ? "manager" : "peer"

export const WithdrawAssessmentInput = Schema.Struct({ assessmentId: GlobalId("Assessment") })

/** The filter of a person's assessments. */
export interface AssessmentFilter {
  /**
   * Only the assessments of these (ladder, version, competency) triples; undefined for
   * every assessment. The GraphQL layer fills it with every triple that maps forward to a
   * competency key, so that the filter finds ratings made under a competency's old name.
   */
  readonly matches?: ReadonlyArray<CompetencyAt> | undefined
}

/** A competency key as it was in one version of a ladder. */
export interface CompetencyAt {
  readonly ladderKey: string
  readonly version: number
  readonly competency: string
}
