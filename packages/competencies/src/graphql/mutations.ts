import {
  type Builder,
  ConflictError,
  GlobalId,
  InputError,
  NotFoundError,
  payload,
  type RequestContext,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import { RateInput, type RecordAssessmentInput, raterKindOf, WithdrawAssessmentInput } from "../Assessment.js"
import { AssessmentRepo } from "../AssessmentRepo.js"
import { AddEvidenceInput } from "../Evidence.js"
import { PromotePersonInput } from "../Promotion.js"
import { PromotionRepo } from "../PromotionRepo.js"
import { AssessmentRef, type competenciesTypes } from "./types.js"

const failures = [InputError, NotFoundError, ConflictError]

// The person a mutation's input names, for the authorization check (which runs before the
// input is decoded: an id that does not decode names nobody, and nobody is managed).
const personOf = (input: { readonly personId?: unknown }) =>
  Either.getOrElse(Schema.decodeUnknownEither(GlobalId("Person"))(input.personId), () => "")

/** The rater of an assessment the caller records: the caller, as self, manager or peer. */
const raterOf = async (context: RequestContext, personId: string) => {
  const viewer = context.access.viewer
  const email = await context.access.email()
  if (viewer.kind !== "person" || email === undefined) throw new Error("only a person can rate")
  const manages = await context.access.isAbove(personId)
  return { raterEmail: email, raterKind: raterKindOf({ self: viewer.personId === personId, manages }) }
}

/** Recording assessments and their evidence, and promoting people. */
export const competenciesMutations = (
  builder: Builder,
  { run }: SchemaKit,
  { EvidenceKindEnum, PromotionType }: ReturnType<typeof competenciesTypes>,
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
      rating: t.string({ required: true, description: "A step key of the version's scale." }),
      note: t.string({ required: false }),
      evidence: t.field({ type: [EvidenceInputType], required: false }),
      observedOn: t.string({
        required: false,
        description:
          "YYYY-MM-DD: the day the rating was observed; defaults to today in the person's time zone. Not in the future, not before the hire date.",
      }),
    }),
  })
  const WithdrawAssessmentInputType = builder.inputType("WithdrawAssessmentInput", {
    fields: (t) => ({ assessmentId: t.id({ required: true }) }),
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
      authScopes: { person: true },
      description:
        "Records the caller's rating against a ladder version, with any evidence; earlier ratings stay. The caller is the rater: SELF for their own rating, MANAGER when they are above the person in the reporting lines, PEER otherwise.",
      args: { input: t.arg({ type: RecordAssessmentInputType, required: true }) },
      errors: payload("RecordAssessment", "assessment", failures),
      resolve: async (_, { input }, context) => {
        const rater = await raterOf(context, personOf(input))
        return run(
          withInput(RateInput, input, (i) =>
            Effect.flatMap(AssessmentRepo, (r) => r.record({ ...i, ...rater } satisfies RecordAssessmentInput)),
          ),
        )
      },
    }),
    withdrawAssessment: t.field({
      type: AssessmentRef,
      authScopes: { person: true },
      description:
        "Withdraws a rating the caller gave: it stays in the history, marked withdrawn, and leaves readiness.",
      args: { input: t.arg({ type: WithdrawAssessmentInputType, required: true }) },
      errors: payload("WithdrawAssessment", "assessment", failures),
      resolve: async (_, { input }, context) => {
        const email = (await context.access.email()) ?? ""
        return run(
          withInput(WithdrawAssessmentInput, input, (i) =>
            Effect.flatMap(AssessmentRepo, (r) => r.withdraw(i.assessmentId, email)),
          ),
        )
      },
    }),
    addEvidence: t.field({
      type: AssessmentRef,
      authScopes: { person: true },
      description: "Adds evidence to an assessment the caller gave; answers the assessment.",
      args: { input: t.arg({ type: AddEvidenceInputType, required: true }) },
      errors: payload("AddEvidence", "assessment", failures),
      resolve: async (_, { input }, context) => {
        const email = await context.access.email()
        return run(
          withInput(AddEvidenceInput, input, (i) =>
            Effect.flatMap(AssessmentRepo, (r) => r.addEvidence(i, email ?? "")),
          ),
        )
      },
    }),
    promotePerson: t.field({
      type: PromotionType,
      authScopes: (_, { input }) => ({ manages: personOf(input) }),
      description:
        "Moves a person to a level, keeping the rationale and the readiness at this moment. Only someone above them in the reporting lines, or an admin.",
      args: { input: t.arg({ type: PromotePersonInputType, required: true }) },
      errors: payload("PromotePerson", "promotion", failures),
      resolve: (_, { input }) =>
        run(withInput(PromotePersonInput, input, (i) => Effect.flatMap(PromotionRepo, (r) => r.promote(i)))),
    }),
  }))
}
