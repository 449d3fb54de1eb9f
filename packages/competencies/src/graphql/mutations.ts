import {
  type Builder,
  ConflictError,
  InputError,
  NotFoundError,
  payload,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect } from "effect"
import { RecordAssessmentInput } from "../Assessment.js"
import { AssessmentRepo } from "../AssessmentRepo.js"
import { AddEvidenceInput } from "../Evidence.js"
import { PromotePersonInput } from "../Promotion.js"
import { PromotionRepo } from "../PromotionRepo.js"
import { AssessmentRef, type competenciesTypes } from "./types.js"

const failures = [InputError, NotFoundError, ConflictError]

/** Recording assessments and their evidence, and promoting people. */
export const competenciesMutations = (
  builder: Builder,
  { run }: SchemaKit,
  { RaterKindEnum, EvidenceKindEnum, PromotionType }: ReturnType<typeof competenciesTypes>,
) => {
  const evidenceFields = (t: any) => ({
    kind: t.field({ type: EvidenceKindEnum, required: true }),
    url: t.string({ required: false, description: "Required for a link; a note has none." }),
    text: t.string({ required: true }),
    date: t.string({ required: true, description: "YYYY-MM-DD: when what it shows happened." }),
    source: t.string({ required: false, description: "Where it came from, such as an area of responsibility." }),
  })
  const EvidenceInputType = builder.inputType("EvidenceInput", {
    fields: (t) => evidenceFields(t),
  })
  const RecordAssessmentInputType = builder.inputType("RecordAssessmentInput", {
    fields: (t) => ({
      personId: t.id({ required: true }),
      ladderKey: t.string({ required: true }),
      version: t.int({ required: false, description: "Defaults to the latest published version." }),
      competency: t.string({ required: true }),
      raterKind: t.field({ type: RaterKindEnum, required: true }),
      rating: t.string({ required: true, description: "A step key of the version's scale." }),
      note: t.string({ required: false }),
      raterEmail: t.string({ required: false }),
      evidence: t.field({ type: [EvidenceInputType], required: false }),
      observedOn: t.string({
        required: false,
        description:
          "YYYY-MM-DD: the day the rating was observed; defaults to today in the person's time zone. Not in the future, not before the hire date.",
      }),
    }),
  })
  const AddEvidenceInputType = builder.inputType("AddEvidenceInput", {
    fields: (t) => ({ assessmentId: t.id({ required: true }), ...evidenceFields(t) }),
  })
  const PromotePersonInputType = builder.inputType("PromotePersonInput", {
    description: "Moves a person to a level of the latest published version of a ladder.",
    fields: (t) => ({
      personId: t.id({ required: true }),
      ladderKey: t.string({ required: true }),
      level: t.string({ required: true }),
      rationale: t.string({ required: true, description: "Why; kept with the readiness at this moment." }),
      effectiveOn: t.string({
        required: false,
        description:
          "YYYY-MM-DD: the day the new level took effect; defaults to today in the person's time zone. Not in the future, not before the hire date, not before the latest promotion; the readiness kept is then of the ratings observed by that day.",
      }),
    }),
  })

  builder.mutationFields((t) => ({
    recordAssessment: t.field({
      type: AssessmentRef,
      description: "Records a rating against a ladder version, with any evidence; earlier ratings stay.",
      args: { input: t.arg({ type: RecordAssessmentInputType, required: true }) },
      errors: payload("RecordAssessment", "assessment", failures),
      resolve: (_, { input }) =>
        run(withInput(RecordAssessmentInput, input, (i) => Effect.flatMap(AssessmentRepo, (r) => r.record(i)))),
    }),
    addEvidence: t.field({
      type: AssessmentRef,
      description: "Adds evidence to an assessment; answers the assessment.",
      args: { input: t.arg({ type: AddEvidenceInputType, required: true }) },
      errors: payload("AddEvidence", "assessment", failures),
      resolve: (_, { input }) =>
        run(withInput(AddEvidenceInput, input, (i) => Effect.flatMap(AssessmentRepo, (r) => r.addEvidence(i)))),
    }),
    promotePerson: t.field({
      type: PromotionType,
      description: "Moves a person to a level, keeping the rationale and the readiness at this moment.",
      args: { input: t.arg({ type: PromotePersonInputType, required: true }) },
      errors: payload("PromotePerson", "promotion", failures),
      resolve: (_, { input }) =>
        run(withInput(PromotePersonInput, input, (i) => Effect.flatMap(PromotionRepo, (r) => r.promote(i)))),
    }),
  }))
}
