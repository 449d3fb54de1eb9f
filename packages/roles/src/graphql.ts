import {
  type Builder,
  ConflictError,
  decodeInput,
  InputError,
  Key,
  loaderOf,
  NotFoundError,
  objectRef,
  type RequestContext,
  type SchemaKit,
} from "@teamops/core"
import { type Team, TeamRef } from "@teamops/org"
import { Effect, Either, Schema } from "effect"
import { GraphQLError } from "graphql"
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
} from "./Ladder.js"
import { ladderWarnings } from "./LadderCheck.js"
import { LadderFileError, LadderFileFormat, type LadderFileProblem } from "./LadderFile.js"
import { importLadder } from "./LadderImport.js"
import { type LadderLevel, LadderRepo, type LadderRepoService, type LadderVersion } from "./LadderRepo.js"
import { teamsByKeys } from "./LadderTeams.js"
import {
  type ChangedExpectation,
  type LevelDiff,
  levelDiff,
  type NewBehaviour,
  type NewExpectation,
  type StepChange,
} from "./LevelDiff.js"

/** The GraphQL `Ladder` type: one version of a ladder (published, or the draft). */
export const LadderRef = objectRef<LadderVersion>("Ladder")
/** The GraphQL `Level` type; other plugins return levels (`LadderLevel`) through it. */
export const LevelRef = objectRef<LadderLevel>("Level")

/** What a level expects of one competency. */
interface MatrixCell {
  readonly competency: Competency
  readonly expected: ScaleStep
  readonly behaviours: ReadonlyArray<Behaviour>
}

interface LadderLevelDiff {
  readonly ladder: LadderVersion
  readonly diff: LevelDiff
}

const ImportLadderInput = Schema.Struct({
  format: LadderFileFormat,
  content: Schema.String.pipe(Schema.maxLength(1_000_000, { message: () => "expected at most 1,000,000 characters" })),
})

const PublishLadderVersionInput = Schema.Struct({ ladderKey: Key })

const mutationErrors = [LadderFileError, InputError, NotFoundError, ConflictError]

const versionKey = (ladderKey: string, version: number | null) => JSON.stringify([ladderKey, version])

/** The matrix row of a level, in the order of the ladder's competencies. */
const matrixOf = (ladder: LadderVersion, levelKey: string): ReadonlyArray<MatrixCell> => {
  const { competencies, matrix, scale } = ladder.effective
  const entries = matrix[levelKey] ?? {}
  return competencies.flatMap((competency) => {
    const entry = entries[competency.key]
    const expected = entry === undefined ? undefined : scale.find((s) => s.key === entry.expected)
    return entry === undefined || expected === undefined ? [] : [{ competency, expected, behaviours: entry.behaviours }]
  })
}

/**
 * A fresh reference for this builder, standing for the shared one: fields given to a
 * shared reference would stay on it for the next builder (a second host in one process),
 * as `builder.node` does for org's types.
 */
const perBuilder = <T>(builder: Builder, shared: ReturnType<typeof objectRef<T>>) => {
  const ref = objectRef<T>(shared.name)
  builder.configStore.associateParamWithRef(shared, ref)
  return ref
}

/** The roles types, queries and mutations. */
export const rolesSchema = (builder: Builder, { run }: SchemaKit) => {
  const ladders = <A, E>(f: (repo: LadderRepoService) => Effect.Effect<A, E>) => run(Effect.flatMap(LadderRepo, f))

  const versionOf = (context: RequestContext) =>
    loaderOf<string, LadderVersion | null>(context, "roles.version", (keys) => {
      const refs = keys.map((key) => {
        const [ladderKey, version] = JSON.parse(key) as [string, number | null]
        return { ladderKey, version }
      })
      return ladders((r) => r.versions(refs)).then((found) => {
        const byKey = new Map(found.map((v) => [versionKey(v.ladderKey, v.version), v]))
        return keys.map((key) => byKey.get(key) ?? null)
      })
    })
  const remember = (context: RequestContext, ladder: LadderVersion) => {
    const loader = versionOf(context)
    const key = versionKey(ladder.ladderKey, ladder.version)
    loader.clear(key).prime(key, ladder)
  }
  const ladderOfLevel = async (level: LadderLevel, context: RequestContext) => {
    const ladder = await versionOf(context).load(versionKey(level.ladderKey, level.version))
    if (ladder === null) throw new Error(`ladder ${level.ladderKey} version ${level.version} is missing`)
    return ladder
  }
  const levelsOf = (ladder: LadderVersion, context: RequestContext): Array<LadderLevel> => {
    remember(context, ladder)
    return ladder.effective.levels.map((level) => ({ ladderKey: ladder.ladderKey, version: ladder.version, level }))
  }
  const teamByKey = (context: RequestContext) =>
    loaderOf<string, Team | null>(context, "roles.teamByKey", (keys) =>
      run(teamsByKeys(keys)).then((found) => {
        const byKey = new Map(found.map((t) => [t.key, t]))
        return keys.map((key) => byKey.get(key) ?? null)
      }),
    )

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
  const LadderFileFormatEnum = builder.enumType("LadderFileFormat", {
    values: { YAML: { value: "yaml" }, JSON: { value: "json" } } as const,
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

  builder.objectType(perBuilder(builder, LevelRef), {
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
          const track = ladder.effective.tracks.find((tr) => tr.key === l.level.track)
          if (track === undefined) throw new Error(`track ${l.level.track} of level ${l.level.key} is missing`)
          return track
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

  builder.objectType(perBuilder(builder, LadderRef), {
    description: "One version of a career ladder: published and immutable, or the draft (version null).",
    fields: (t) => ({
      key: t.string({ resolve: (v) => v.ladderKey }),
      name: t.string({ resolve: (v) => v.document.name }),
      description: t.string({ nullable: true, resolve: (v) => v.document.description ?? null }),
      team: t.field({
        type: TeamRef,
        nullable: true,
        description: "The owning team; null when none is named or no team has the key.",
        resolve: (v, _, context) => (v.document.team === undefined ? null : teamByKey(context).load(v.document.team)),
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
      levels: t.field({ type: [LevelRef], resolve: (v, _, context) => levelsOf(v, context) }),
      level: t.field({
        type: LevelRef,
        nullable: true,
        args: { key: t.arg.string({ required: true }) },
        resolve: (v, args, context) => levelsOf(v, context).find((l) => l.level.key === args.key) ?? null,
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

  const StepChangeType = builder.objectRef<StepChange>("LevelStepChange").implement({
    fields: (t) => ({
      competency: t.field({ type: CompetencyType, resolve: (c) => c.competency }),
      from: t.field({ type: ScaleStepType, resolve: (c) => c.from }),
      to: t.field({ type: ScaleStepType, resolve: (c) => c.to }),
    }),
  })
  const NewExpectationType = builder.objectRef<NewExpectation>("LevelNewCompetency").implement({
    fields: (t) => ({
      competency: t.field({ type: CompetencyType, resolve: (c) => c.competency }),
      expected: t.field({ type: ScaleStepType, resolve: (c) => c.expected }),
    }),
  })
  const NewBehaviourType = builder.objectRef<NewBehaviour>("LevelNewBehaviour").implement({
    fields: (t) => ({
      competency: t.field({ type: CompetencyType, resolve: (c) => c.competency }),
      behaviour: t.field({ type: BehaviourType, resolve: (c) => c.behaviour }),
    }),
  })
  const ChangedExpectationType = builder.objectRef<ChangedExpectation>("LevelExpectationChange").implement({
    description: "A level expectation whose text changes: a new responsibility.",
    fields: (t) => ({
      aspect: t.exposeString("aspect", { description: "scope, autonomy or impact" }),
      from: t.exposeString("from"),
      to: t.exposeString("to"),
    }),
  })
  const levelIn = (ladder: LadderVersion, level: LevelDiff["from"]): LadderLevel => ({
    ladderKey: ladder.ladderKey,
    version: ladder.version,
    level,
  })
  const LevelDiffType = builder.objectRef<LadderLevelDiff>("LevelDiff").implement({
    description: "What it takes to go from one level to another.",
    fields: (t) => ({
      from: t.field({ type: LevelRef, resolve: ({ ladder, diff }) => levelIn(ladder, diff.from) }),
      to: t.field({ type: LevelRef, resolve: ({ ladder, diff }) => levelIn(ladder, diff.to) }),
      rises: t.field({ type: [StepChangeType], resolve: ({ diff }) => diff.rises }),
      falls: t.field({ type: [StepChangeType], resolve: ({ diff }) => diff.falls }),
      newCompetencies: t.field({ type: [NewExpectationType], resolve: ({ diff }) => diff.newCompetencies }),
      dropped: t.field({ type: [CompetencyType], resolve: ({ diff }) => diff.dropped }),
      newBehaviours: t.field({ type: [NewBehaviourType], resolve: ({ diff }) => diff.newBehaviours }),
      changedExpectations: t.field({
        type: [ChangedExpectationType],
        description: "New responsibilities: the scope, autonomy and impact texts that change.",
        resolve: ({ diff }) => diff.changedExpectations,
      }),
    }),
  })

  const ProblemType = builder.objectRef<LadderFileProblem>("LadderFileProblem").implement({
    description: "One problem of a ladder file, with where it was found.",
    fields: (t) => ({
      path: t.exposeString("path", { description: "Such as levels[2].track; empty for the file as a whole." }),
      line: t.int({ nullable: true, resolve: (p) => p.line ?? null }),
      column: t.int({ nullable: true, resolve: (p) => p.column ?? null }),
      message: t.exposeString("message"),
    }),
  })
  builder.objectType(LadderFileError, {
    name: "LadderFileError",
    description: "A ladder file does not parse or breaks the rules of a ladder; `problems` lists every problem.",
    // The `Error` interface is declared by the kernel's builder.
    interfaces: ["Error" as never],
    fields: (t) => ({ problems: t.field({ type: [ProblemType], resolve: (e) => e.problems }) }),
  })

  builder.queryFields((t) => ({
    ladders: t.field({
      type: [LadderRef],
      description: "The latest published version of every ladder, ordered by key.",
      resolve: () => ladders((r) => r.latest),
    }),
    ladder: t.field({
      type: LadderRef,
      nullable: true,
      description: "A published version of a ladder; without `version`, the latest. Null when there is none.",
      args: { key: t.arg.string({ required: true }), version: t.arg.int({ required: false }) },
      resolve: (_, args) =>
        ladders((r) => r.published(args.key, args.version ?? undefined)).then((found) => found ?? null),
    }),
    ladderDraft: t.field({
      type: LadderRef,
      nullable: true,
      description: "The draft of a ladder, not yet published; null when there is none.",
      args: { key: t.arg.string({ required: true }) },
      resolve: (_, args) => ladders((r) => r.draft(args.key)).then((found) => found ?? null),
    }),
    levelDiff: t.field({
      type: LevelDiffType,
      description: "What it takes to go from one level to another of a published ladder (the latest, or `version`).",
      args: {
        ladderKey: t.arg.string({ required: true }),
        from: t.arg.string({ required: true }),
        to: t.arg.string({ required: true }),
        version: t.arg.int({ required: false }),
      },
      resolve: async (_, args) => {
        const ladder = await ladders((r) => r.published(args.ladderKey, args.version ?? undefined))
        if (ladder === undefined) throw new GraphQLError(`ladderKey: no published ladder "${args.ladderKey}"`)
        const diff = levelDiff(ladder.effective, args.from, args.to)
        if (Either.isLeft(diff)) {
          const which = diff.left.key === args.from ? "from" : "to"
          throw new GraphQLError(`${which}: ${diff.left.message}`)
        }
        return { ladder, diff: diff.right }
      },
    }),
  }))

  const errors = (name: string) => ({
    types: mutationErrors,
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: "ladder" },
  })

  const ImportLadderInputType = builder.inputType("ImportLadderInput", {
    fields: (t) => ({
      format: t.field({ type: LadderFileFormatEnum, required: true }),
      content: t.string({ required: true, description: "The ladder file, in the format given." }),
    }),
  })
  const PublishLadderVersionInputType = builder.inputType("PublishLadderVersionInput", {
    fields: (t) => ({ ladderKey: t.string({ required: true }) }),
  })

  const decoded = <A, I, B, E>(
    schema: Schema.Schema<A, I, never>,
    raw: unknown,
    then: (input: A) => Effect.Effect<B, E, any>,
  ) => run(Effect.flatMap(decodeInput(schema, ["input"])(raw), then))

  builder.mutationFields((t) => ({
    importLadder: t.field({
      type: LadderRef,
      description: "Stores a ladder file as the draft of its ladder (a new key creates the ladder).",
      args: { input: t.arg({ type: ImportLadderInputType, required: true }) },
      errors: errors("ImportLadder"),
      resolve: (_, { input }) => decoded(ImportLadderInput, input, (i) => importLadder(i.format, i.content)),
    }),
    publishLadderVersion: t.field({
      type: LadderRef,
      description: "Publishes the draft of a ladder as its next version.",
      args: { input: t.arg({ type: PublishLadderVersionInputType, required: true }) },
      errors: errors("PublishLadderVersion"),
      resolve: (_, { input }) =>
        decoded(PublishLadderVersionInput, input, (i) => Effect.flatMap(LadderRepo, (r) => r.publish(i.ladderKey))),
    }),
  }))
}
