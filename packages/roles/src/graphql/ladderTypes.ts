import { type Builder, ownRef, type RequestContext, type SchemaKit } from "@teamops/core"
import { TeamRef, teamByKeyLoader } from "@teamops/org"
import type {
  Behaviour,
  Competency,
  Expectations,
  Role,
  ScaleStep,
  Track,
  TrackKind as TrackKindValue,
  Transition,
  TransitionKind as TransitionKindValue,
} from "../Ladder.js"
import { ladderWarnings } from "../LadderCheck.js"
import type { LadderLevel } from "../LadderVersion.js"
import { type MatrixCell, matrixOf } from "../LevelMatrix.js"
import { levelsOf, loadLadderVersion } from "../RolesLoaders.js"
import { LadderRef, LevelRef } from "./refs.js"

/** The `Ladder` and `Level` types and the parts of a ladder they show. */
export const ladderTypes = (builder: Builder, { invariant }: SchemaKit) => {
  const ladderOfLevel = async (level: LadderLevel, context: RequestContext) =>
    (await loadLadderVersion(context, level)) ??
    invariant(`ladder ${level.ladderKey} version ${level.version} is missing`)

  const TrackKind = builder.enumType("TrackKind", {
    description: "Individual contributors, people managers, or a specialism.",
    values: {
      INDIVIDUAL_CONTRIBUTOR: { value: "individual-contributor" },
      MANAGEMENT: { value: "management" },
      SPECIALIST: { value: "specialist" },
    } as const,
  })
  const TransitionKind = builder.enumType("TransitionKind", {
    values: {
      PROMOTION: { value: "promotion" },
      LATERAL: { value: "lateral" },
      EMBEDDED: { value: "embedded" },
      EXIT: { value: "exit" },
    } as const,
  })

  const TrackType = builder.objectRef<Track>("Track").implement({
    description: "A way up: individual contributors, people managers, or a specialism.",
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      kind: t.field({ type: TrackKind, resolve: (track) => track.kind as TrackKindValue }),
      description: t.string({ nullable: true, resolve: (track) => track.description ?? null }),
    }),
  })
  const ExpectationsType = builder.objectRef<Expectations>("LevelExpectations").implement({
    description: "What a level expects, in words.",
    fields: (t) => ({
      scope: t.exposeString("scope"),
      autonomy: t.exposeString("autonomy"),
      impact: t.exposeString("impact"),
    }),
  })
  const ScaleStepType = builder.objectRef<ScaleStep>("ScaleStep").implement({
    description: "One step of the proficiency scale.",
    fields: (t) => ({
      key: t.exposeString("key"),
      label: t.exposeString("label"),
      meaning: t.exposeString("meaning"),
    }),
  })
  const CompetencyType = builder.objectRef<Competency>("Competency").implement({
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      category: t.exposeString("category"),
      description: t.exposeString("description"),
    }),
  })
  const BehaviourType = builder.objectRef<Behaviour>("LadderBehaviour").implement({
    description: "An observable sentence of what someone at a level does, with examples.",
    fields: (t) => ({
      text: t.exposeString("text"),
      examples: t.field({ type: ["String"], resolve: (b) => b.examples }),
    }),
  })
  const MatrixEntryType = builder.objectRef<MatrixCell>("LevelMatrixEntry").implement({
    description: "What a level expects of one competency: a step of the scale and the behaviours that show it.",
    fields: (t) => ({
      competency: t.field({ type: CompetencyType, resolve: (cell) => cell.competency }),
      expected: t.field({ type: ScaleStepType, resolve: (cell) => cell.expected }),
      behaviours: t.field({ type: [BehaviourType], resolve: (cell) => cell.behaviours }),
    }),
  })
  const RoleType = builder.objectRef<Role>("Role").implement({
    description: "A role people can grow into.",
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      why: t.exposeString("why"),
      does: t.exposeString("does"),
      lookFor: t.exposeString("lookFor"),
      embeddedIn: t.string({ nullable: true, resolve: (role) => role.embeddedIn ?? null }),
    }),
  })
  const TransitionType = builder.objectRef<Transition>("Transition").implement({
    description: "A move from a level or role to another, or out of the ladder to a department.",
    fields: (t) => ({
      from: t.exposeString("from"),
      to: t.string({ nullable: true, resolve: (move) => move.to ?? null }),
      department: t.string({ nullable: true, resolve: (move) => move.department ?? null }),
      kind: t.field({ type: TransitionKind, resolve: (move) => move.kind as TransitionKindValue }),
      takes: t.exposeString("takes"),
      via: t.string({ nullable: true, resolve: (move) => move.via ?? null }),
    }),
  })

  builder.objectType(ownRef(builder, LevelRef), {
    description: "A step on a track of one ladder version.",
    fields: (t) => ({
      key: t.string({ resolve: (l) => l.level.key }),
      title: t.string({ resolve: (l) => l.level.title }),
      rank: t.int({ resolve: (l) => l.level.rank }),
      summary: t.string({ resolve: (l) => l.level.summary }),
      expectations: t.field({ type: ExpectationsType, resolve: (l) => l.level.expectations }),
      track: t.field({
        type: TrackType,
        resolve: async (l, _, context) => {
          const ladder = await ladderOfLevel(l, context)
          return (
            ladder.effective.tracks.find((tr) => tr.key === l.level.track) ??
            invariant(`track ${l.level.track} of level ${l.level.key} is missing`)
          )
        },
      }),
      matrix: t.field({
        type: [MatrixEntryType],
        description: "What the level expects of each competency, in the ladder's order of competencies.",
        resolve: async (l, _, context) => matrixOf(await ladderOfLevel(l, context), l.level.key),
      }),
      ladder: t.field({
        type: LadderRef,
        description: "The ladder version the level belongs to.",
        resolve: (l, _, context) => ladderOfLevel(l, context),
      }),
    }),
  })

  builder.objectType(ownRef(builder, LadderRef), {
    description: "One version of a career ladder: published and immutable, or the draft (version null).",
    fields: (t) => ({
      key: t.string({ resolve: (v) => v.ladderKey }),
      name: t.string({ resolve: (v) => v.document.name }),
      description: t.string({ nullable: true, resolve: (v) => v.document.description ?? null }),
      team: t.field({
        type: TeamRef,
        nullable: true,
        description: "The owning team; null when none is named or no team has the key.",
        resolve: (v, _, context) =>
          v.document.team === undefined ? null : teamByKeyLoader(context).load(v.document.team),
      }),
      version: t.int({
        nullable: true,
        description: "1, 2, … once published; null for the draft.",
        resolve: (v) => v.version,
      }),
      publishedAt: t.string({ nullable: true, resolve: (v) => v.publishedAt }),
      changelog: t.string({ nullable: true, resolve: (v) => v.document.changelog ?? null }),
      extends: t.string({
        nullable: true,
        description: "The key of the base ladder whose scale, competencies and matrix this one inherits.",
        resolve: (v) => v.document.extends ?? null,
      }),
      tracks: t.field({ type: [TrackType], resolve: (v) => v.effective.tracks }),
      levels: t.field({ type: [LevelRef], resolve: (v, _, context) => levelsOf(context, v) }),
      level: t.field({
        type: LevelRef,
        nullable: true,
        args: { key: t.arg.string({ required: true }) },
        resolve: (v, args, context) => levelsOf(context, v).find((l) => l.level.key === args.key) ?? null,
      }),
      roles: t.field({ type: [RoleType], resolve: (v) => v.effective.roles }),
      transitions: t.field({ type: [TransitionType], resolve: (v) => v.effective.transitions }),
      scale: t.field({
        type: [ScaleStepType],
        description: "From the first step to the most proficient.",
        resolve: (v) => v.effective.scale,
      }),
      competencies: t.field({ type: [CompetencyType], resolve: (v) => v.effective.competencies }),
      warnings: t.field({
        type: ["String"],
        description: "Things worth a second look that are not errors, such as a level whose only way up is management.",
        resolve: (v) => ladderWarnings(v.effective),
      }),
    }),
  })

  return { CompetencyType, ScaleStepType, BehaviourType }
}
