import { type AuthScopeMap, type Builder, objectRef, type SchemaKit } from "@teamops/core"
import { PersonRef, personLoader } from "@teamops/org"
import { LevelRef } from "@teamops/roles"
import { Effect } from "effect"
import type { Assessment, RaterKind } from "../Assessment.js"
import { AssessmentRepo } from "../AssessmentRepo.js"
import type { CatalogCompetency } from "../Catalog.js"
import { evidenceLoader, loadCurrentKeys } from "../CompetencyLoaders.js"
import type { Evidence, EvidenceKind } from "../Evidence.js"
import type { Promotion } from "../Promotion.js"
import type {
  CompetencyInfo,
  CompetencyReadiness,
  EvidenceOrigin,
  Readiness,
  ReadinessEvidence,
  ReadinessGap,
} from "../Readiness.js"
import { levelOf } from "./levels.js"

/**
 * Who may see an assessment: whoever may see the person's career data (themselves, their
 * managers, admins), and the rater.
 */
export const whoSees = (assessment: Assessment): AuthScopeMap => ({
  careerOf: assessment.personId,
  ...(assessment.raterEmail === null ? {} : { is: assessment.raterEmail }),
})

/** The GraphQL `Assessment` node. */
export const AssessmentRef = objectRef<Assessment>("Assessment")

/** The assessment, readiness and promotion types, and the competencies of the catalog. */
export const competenciesTypes = (builder: Builder, { run, invariant }: SchemaKit) => {
  const RaterKindEnum = builder.enumType("RaterKind", {
    description: "Who gave a rating: the person, their manager, or a peer.",
    values: { SELF: { value: "self" }, MANAGER: { value: "manager" }, PEER: { value: "peer" } } as const,
  })
  const EvidenceKindEnum = builder.enumType("EvidenceKind", {
    values: { LINK: { value: "link" }, NOTE: { value: "note" } } as const,
  })

  const CompetencyInfoType = builder.objectRef<CompetencyInfo>("CompetencyInfo").implement({
    description: "A competency as a ladder version defines it.",
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      category: t.exposeString("category"),
      description: t.exposeString("description"),
    }),
  })
  const CatalogCompetencyType = builder.objectRef<CatalogCompetency>("CatalogCompetency").implement({
    description: "A competency of the catalog: contributed by a plugin, or used by a published ladder.",
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      category: t.exposeString("category"),
      description: t.exposeString("description"),
      contributedBy: t.exposeString("contributedBy", {
        nullable: true,
        description: "The plugin that contributed it; null when only ladders define it.",
      }),
      ladders: t.exposeStringList("ladders", {
        description: "The ladders whose latest published version has it.",
      }),
    }),
  })

  const EvidenceType = builder.objectRef<Evidence>("AssessmentEvidence").implement({
    description: "Something that shows a rating is right: a link, or a note.",
    fields: (t) => ({
      kind: t.field({ type: EvidenceKindEnum, resolve: (e) => e.kind as EvidenceKind }),
      url: t.exposeString("url", { nullable: true }),
      text: t.exposeString("text"),
      date: t.exposeString("date", { description: "YYYY-MM-DD: when what it shows happened." }),
      source: t.exposeString("source", { nullable: true, description: "Where it came from, in free text." }),
      addedAt: t.exposeString("addedAt"),
    }),
  })

  const personOf = async (personId: string, context: Parameters<typeof personLoader>[0], of: string) =>
    (await personLoader(context).load(personId)) ?? invariant(`person ${personId} of ${of} is missing`)

  builder.node(AssessmentRef, {
    description: "One rating of one competency of a person against one ladder version; never changed once recorded.",
    id: { resolve: (a) => a.id },
    // An assessment the caller may not see reads as one that does not exist.
    loadOne: async (id, context) => {
      const [found] = await run(Effect.flatMap(AssessmentRepo, (r) => r.byIds([id])))
      return found !== undefined && (await context.access.allows(whoSees(found))) ? found : null
    },
    fields: (t) => ({
      person: t.field({
        type: PersonRef,
        resolve: (a, _, context) => personOf(a.personId, context, `assessment ${a.id}`),
      }),
      ladderKey: t.exposeString("ladderKey"),
      version: t.exposeInt("version", { description: "The ladder version the rating was made against." }),
      competency: t.exposeString("competency", { description: "The competency's key in that version." }),
      currentCompetencies: t.field({
        type: ["String"],
        description: "The keys the competency has in the latest published version (renamed, split or merged).",
        resolve: (a, _, context) => loadCurrentKeys(context, a),
      }),
      raterKind: t.field({ type: RaterKindEnum, resolve: (a) => a.raterKind as RaterKind }),
      rating: t.exposeString("rating", { description: "A step key of that version's scale." }),
      note: t.exposeString("note", { nullable: true }),
      raterEmail: t.exposeString("raterEmail", { nullable: true }),
      recordedAt: t.exposeString("recordedAt"),
      withdrawnAt: t.exposeString("withdrawnAt", {
        nullable: true,
        description: "When its rater withdrew it; a withdrawn rating leaves readiness.",
      }),
      observedOn: t.exposeString("observedOn", {
        description: "YYYY-MM-DD: the day the rating was observed; the day it was recorded unless given.",
      }),
      evidence: t.field({
        type: [EvidenceType],
        resolve: (a, _, context) => evidenceLoader(context).load(a.id),
      }),
    }),
  })

  const EvidenceSourceType = builder.objectRef<EvidenceOrigin>("EvidenceSource").implement({
    description: "Where an item of evidence came from: an assessment, an area of responsibility, ….",
    fields: (t) => ({
      kind: t.exposeString("kind", {
        description:
          "What kind of thing: `assessment` for evidence on a rating, `area` for work in an area of responsibility.",
      }),
      key: t.exposeString("key", { description: "Which one: the assessment's id, the area's key, …." }),
      name: t.exposeString("name", { description: "Its name for people." }),
    }),
  })
  const ReadinessEvidenceType = builder.objectRef<ReadinessEvidence>("ReadinessEvidence").implement({
    description:
      "One item of evidence readiness counts for a competency: on an assessment, or contributed by a plugin (work in an area that exercises the competency, …).",
    fields: (t) => ({
      date: t.exposeString("date", { description: "YYYY-MM-DD: when what it shows happened." }),
      text: t.exposeString("text"),
      url: t.exposeString("url", { nullable: true }),
      source: t.field({ type: EvidenceSourceType, resolve: (e) => e.source }),
    }),
  })

  const CompetencyReadinessType = builder.objectRef<CompetencyReadiness>("CompetencyReadiness").implement({
    description: "Where a person stands on one competency of a level.",
    fields: (t) => ({
      competency: t.field({ type: CompetencyInfoType, resolve: (c) => c.competency }),
      expected: t.exposeString("expected", { description: "The step the level expects." }),
      self: t.exposeString("self", { nullable: true, description: "The latest self rating, mapped forward." }),
      manager: t.exposeString("manager", { nullable: true, description: "The latest manager rating, mapped forward." }),
      peer: t.exposeString("peer", { nullable: true, description: "The latest peer rating, mapped forward." }),
      evidenceCount: t.exposeInt("evidenceCount", {
        description:
          "The evidence on its assessments, under any of its earlier keys, and the evidence plugins contribute for it.",
      }),
      evidence: t.field({
        type: [ReadinessEvidenceType],
        description:
          "The evidence counted, latest first; seen by whoever sees the readiness. A promotion's readiness kept before evidence was listed lists none.",
        resolve: (c) => c.evidence,
      }),
      agree: t.exposeBoolean("agree", { description: "Self and manager rated the same step." }),
      met: t.exposeBoolean("met", { description: "The manager's latest rating is at or above the expected step." }),
    }),
  })
  const ReadinessGapType = builder.objectRef<ReadinessGap>("ReadinessGap").implement({
    description: "A competency not met yet.",
    fields: (t) => ({
      competency: t.field({ type: CompetencyInfoType, resolve: (g) => g.competency }),
      expected: t.exposeString("expected"),
      assessed: t.exposeString("assessed", { nullable: true, description: "The manager's latest rating, if any." }),
    }),
  })
  const ReadinessType = builder.objectRef<Readiness>("Readiness").implement({
    description: "Whether a person is ready for a level, and why, in data and in plain words.",
    fields: (t) => ({
      ladderKey: t.exposeString("ladderKey"),
      version: t.exposeInt("version"),
      level: t.field({
        type: LevelRef,
        resolve: (r, _, context) =>
          levelOf(context, { ladderKey: r.ladderKey, version: r.version, level: r.level }, invariant),
      }),
      ready: t.exposeBoolean("ready"),
      met: t.exposeInt("met"),
      total: t.exposeInt("total"),
      explanation: t.exposeString("explanation"),
      because: t.exposeString("because", { description: 'The same as a sentence: "ready because …".' }),
      gaps: t.field({ type: [ReadinessGapType], resolve: (r) => r.gaps }),
      competencies: t.field({ type: [CompetencyReadinessType], resolve: (r) => r.competencies }),
    }),
  })

  const PromotionType = builder.objectRef<Promotion>("Promotion").implement({
    description: "A change of level, with why and the readiness at that moment.",
    fields: (t) => ({
      person: t.field({
        type: PersonRef,
        resolve: (p, _, context) => personOf(p.personId, context, `promotion ${p.id}`),
      }),
      ladderKey: t.exposeString("ladderKey"),
      version: t.exposeInt("version"),
      from: t.field({
        type: LevelRef,
        nullable: true,
        description: "The level held before; null for the first level.",
        resolve: (p, _, context) => (p.from === null ? null : levelOf(context, p.from, invariant)),
      }),
      to: t.field({
        type: LevelRef,
        resolve: (p, _, context) =>
          levelOf(context, { ladderKey: p.ladderKey, version: p.version, level: p.to }, invariant),
      }),
      rationale: t.exposeString("rationale"),
      at: t.exposeString("at", { description: "When the promotion was recorded." }),
      effectiveOn: t.exposeString("effectiveOn", {
        description: "YYYY-MM-DD: the day the new level took effect; the day it was recorded unless given.",
      }),
      readiness: t.field({ type: ReadinessType, resolve: (p) => p.readiness }),
      readinessJson: t.string({
        description: "The readiness snapshot as stored, in JSON.",
        resolve: (p) => JSON.stringify(p.readiness),
      }),
    }),
  })

  return { RaterKindEnum, EvidenceKindEnum, CatalogCompetencyType, ReadinessType, PromotionType }
}
