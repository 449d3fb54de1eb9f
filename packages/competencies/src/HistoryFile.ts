import { Email, Key, LocalDate } from "@teamops/core"
import { byPlace, listOf, objectOf } from "@teamops/org"
import { Schema } from "effect"
import { Note, RaterKind, VersionNumber } from "./Assessment.js"
import { EvidenceFields } from "./Evidence.js"
import { Rationale } from "./Promotion.js"

// A history file tells the past of people on the ladders: the promotions they had and the
// assessments they were given, with the days they happened. Its fields are those of
// `promotePerson` and `recordAssessment`, with people and raters named by email
// (`personEmail`, `raterEmail`) rather than by id, and the days required.

const Rater = RaterKind.annotations({
  message: (issue) => ({
    message: `expected "self", "manager" or "peer", got ${JSON.stringify(issue.actual)}`,
    override: true,
  }),
})

const promotionFields = {
  personEmail: Email,
  ladderKey: Key,
  level: Key,
  effectiveOn: LocalDate,
  rationale: Rationale,
}

const assessmentFields = {
  personEmail: Email,
  ladderKey: Key,
  competency: Key,
  raterKind: Rater,
  rating: Key,
  observedOn: LocalDate,
}

const assessmentOptions = {
  /** Defaults to the latest published version of the ladder. */
  version: Schema.optional(VersionNumber),
  /** The email of a person of the organisation. */
  raterEmail: Schema.optional(Email),
  note: Schema.optional(Note),
  evidence: Schema.optional(Schema.Array(EvidenceFields)),
}

/** A promotion of the past: to a level of the latest published version of a ladder, on a day. */
export const HistoryPromotion = Schema.Struct(promotionFields)
export type HistoryPromotion = typeof HistoryPromotion.Type

/** An assessment of the past, observed on a day. */
export const HistoryAssessment = Schema.Struct({ ...assessmentFields, ...assessmentOptions })
export type HistoryAssessment = typeof HistoryAssessment.Type

/** A promotion of a file with problems, with the fields that could be read. */
export const PartialPromotion = Schema.Struct({
  personEmail: Schema.optional(Email),
  ladderKey: Schema.optional(Key),
  level: Schema.optional(Key),
  effectiveOn: Schema.optional(LocalDate),
  rationale: Schema.optional(Rationale),
})
export type PartialPromotion = typeof PartialPromotion.Type

/** An assessment of a file with problems, with the fields that could be read. */
export const PartialAssessment = Schema.Struct({
  personEmail: Schema.optional(Email),
  ladderKey: Schema.optional(Key),
  competency: Schema.optional(Key),
  raterKind: Schema.optional(Rater),
  rating: Schema.optional(Key),
  observedOn: Schema.optional(LocalDate),
  ...assessmentOptions,
})
export type PartialAssessment = typeof PartialAssessment.Type

/** A history file: promotions and assessments of the past, both lists optional. */
export const HistoryFile = objectOf(
  "an object with the lists promotions and assessments",
  Schema.Struct({
    promotions: listOf(
      "a list of promotions",
      objectOf(
        "a promotion: an object with personEmail, ladderKey, level, effectiveOn and rationale",
        HistoryPromotion,
      ),
    ),
    assessments: listOf(
      "a list of assessments",
      objectOf(
        "an assessment: an object with personEmail, ladderKey, competency, raterKind, rating and observedOn",
        HistoryAssessment,
      ),
    ),
  }),
)
export type HistoryFile = typeof HistoryFile.Type

/** Orders the problems of a history file as the file reads. */
export const inHistoryOrder = byPlace(["promotions", "assessments"], {
  promotions: Object.keys(promotionFields),
  assessments: [
    "personEmail",
    "ladderKey",
    "version",
    "competency",
    "raterKind",
    "raterEmail",
    "rating",
    "observedOn",
    "note",
    "evidence",
  ],
})
