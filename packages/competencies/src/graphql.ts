import {
  type Builder,
  ConflictError,
  connectionOf,
  decodeInput,
  InputError,
  loaderOf,
  NotFoundError,
  pageOf,
  type RequestContext,
  type SchemaKit,
} from "@teamops/core"
import { type Person, PersonRef, PersonRepo } from "@teamops/org"
import { type LadderLevel, LadderRepo, type LadderVersion, LevelRef } from "@teamops/roles"
import { DateTime, Effect, Either, type Schema } from "effect"
import { GraphQLError } from "graphql"
import { type Assessment, type CompetencyAt, type RaterKind, RecordAssessmentInput } from "./Assessment.js"
import { AssessmentRepo, type AssessmentRepoService } from "./AssessmentRepo.js"
import type { CatalogCompetency } from "./Catalog.js"
import { CompetencyCatalog } from "./CompetencyCatalog.js"
import { keysMappingTo, mapCompetency, type VersionChanges } from "./CompetencyMapping.js"
import { AddEvidenceInput, type Evidence, type EvidenceKind } from "./Evidence.js"
import type { NoNextLevel } from "./NextLevel.js"
import { currentLevel, daysInLevel, type LevelAt, PromotePersonInput, type Promotion } from "./Promotion.js"
import { PromotionRepo } from "./PromotionRepo.js"
import type { CompetencyInfo, CompetencyReadiness, Readiness, ReadinessGap } from "./Readiness.js"
import { type ReadinessFailure, ReadinessReader } from "./ReadinessReader.js"

const mutationErrors = [InputError, NotFoundError, ConflictError]

/** Groups loaded items by their parent key, one (possibly empty) list per key asked for. */
const groupedBy = <T>(keys: ReadonlyArray<string>, items: ReadonlyArray<T>, keyOf: (item: T) => string) => {
  const groups = new Map<string, Array<T>>(keys.map((key) => [key, []]))
  for (const item of items) groups.get(keyOf(item))?.push(item)
  return keys.map((key) => groups.get(key) ?? [])
}

const versionKey = (ladderKey: string, version: number) => JSON.stringify([ladderKey, version])

/** A readiness failure as a query error whose message starts with the argument at fault. */
const readinessError = (failure: ReadinessFailure) => {
  if (failure._tag === "InputError") return new GraphQLError(`${failure.path.join(".")}: ${failure.message}`)
  return new GraphQLError(`${failure.entity === "Ladder" ? "ladder" : "targetLevel"}: ${failure.message}`)
}

/** The competencies types, the fields on `Person`, the `competencies` query and the mutations. */
export const competenciesSchema = (builder: Builder, { run }: SchemaKit) => {
  const assessments = <A, E>(f: (repo: AssessmentRepoService) => Effect.Effect<A, E>) =>
    run(Effect.flatMap(AssessmentRepo, f))

  const versionOf = (context: RequestContext) =>
    loaderOf<string, LadderVersion | null>(context, "competencies.version", (keys) => {
      const refs = keys.map((key) => {
        const [ladderKey, version] = JSON.parse(key) as [string, number]
        return { ladderKey, version }
      })
      return run(Effect.flatMap(LadderRepo, (r) => r.versions(refs))).then((found) => {
        const byKey = new Map(found.map((v) => [versionKey(v.ladderKey, v.version ?? 0), v]))
        return keys.map((key) => byKey.get(key) ?? null)
      })
    })
  const levelOf = async (context: RequestContext, at: LevelAt): Promise<LadderLevel> => {
    const ladder = await versionOf(context).load(versionKey(at.ladderKey, at.version))
    const level = ladder?.effective.levels.find((l) => l.key === at.level)
    if (level === undefined) throw new Error(`level ${at.level} of ladder ${at.ladderKey} v${at.version} is missing`)
    return { ladderKey: at.ladderKey, version: at.version, level }
  }
  const historyOf = (context: RequestContext) =>
    loaderOf<string, ReadonlyArray<VersionChanges>>(context, "competencies.history", (keys) =>
      run(
        Effect.flatMap(LadderRepo, (r) =>
          Effect.forEach(keys, (key) =>
            Effect.map(r.history(key), (history) =>
              history.flatMap((v) => (v.version === null ? [] : [{ version: v.version, changes: v.document.changes }])),
            ),
          ),
        ),
      ),
    )
  const promotionsOf = (context: RequestContext) =>
    loaderOf<string, ReadonlyArray<Promotion>>(context, "competencies.promotions", (ids) =>
      run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople(ids))).then((found) =>
        groupedBy(ids, found, (p) => p.personId),
      ),
    )
  const personById = (context: RequestContext) =>
    loaderOf<string, Person | null>(context, "competencies.personById", (ids) =>
      run(Effect.flatMap(PersonRepo, (r) => r.byIds(ids))).then((found) => {
        const byId = new Map(found.map((p) => [p.id as string, p]))
        return ids.map((id) => byId.get(id) ?? null)
      }),
    )
  const evidenceOf = (context: RequestContext) =>
    loaderOf<string, ReadonlyArray<Evidence>>(context, "competencies.evidence", (ids) =>
      assessments((r) => r.evidenceOf(ids)).then((found) => groupedBy(ids, found, (e) => e.assessmentId)),
    )
  // Every (ladder, version, key) whose key maps forward to the competency in its ladder's latest version.
  const matchesOf = (context: RequestContext) =>
    loaderOf<string, ReadonlyArray<CompetencyAt>>(context, "competencies.matches", (competencies) =>
      run(
        Effect.flatMap(LadderRepo, (r) =>
          Effect.flatMap(r.latest, (latest) =>
            Effect.forEach(latest, (ladder) => Effect.map(r.history(ladder.ladderKey), (h) => [ladder, h] as const)),
          ),
        ),
      ).then((ladders) =>
        competencies.map((competency) =>
          ladders.flatMap(([latest, history]) => {
            const versions = history.filter((v) => v.version !== null)
            const changes = versions.map((v) => ({ version: v.version as number, changes: v.document.changes }))
            const candidates = versions.map((v) => ({
              version: v.version as number,
              keys: [
                ...v.effective.competencies.map((c) => c.key),
                ...v.document.changes.flatMap((c) =>
                  "rename" in c ? [c.rename.from] : "split" in c ? [c.split.from] : c.merge.from,
                ),
              ],
            }))
            return keysMappingTo(competency, latest.version ?? 0, changes, candidates).map((m) => ({
              ladderKey: latest.ladderKey,
              ...m,
            }))
          }),
        ),
      ),
    )

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

  const AssessmentRef = builder.objectRef<Assessment>("Assessment")
  builder.node(AssessmentRef, {
    description: "One rating of one competency of a person against one ladder version; never changed once recorded.",
    id: { resolve: (a) => a.id },
    loadOne: (id) => assessments((r) => r.byIds([id])).then(([found]) => found ?? null),
    fields: (t) => ({
      person: t.field({
        type: PersonRef,
        resolve: async (a, _, context) => {
          const person = await personById(context).load(a.personId)
          if (person === null) throw new Error(`person ${a.personId} of assessment ${a.id} is missing`)
          return person
        },
      }),
      ladderKey: t.exposeString("ladderKey"),
      version: t.exposeInt("version", { description: "The ladder version the rating was made against." }),
      competency: t.exposeString("competency", { description: "The competency's key in that version." }),
      currentCompetencies: t.field({
        type: ["String"],
        description: "The keys the competency has in the latest published version (renamed, split or merged).",
        resolve: async (a, _, context) =>
          mapCompetency(a.competency, a.version, await historyOf(context).load(a.ladderKey)),
      }),
      raterKind: t.field({ type: RaterKindEnum, resolve: (a) => a.raterKind as RaterKind }),
      rating: t.exposeString("rating", { description: "A step key of that version's scale." }),
      note: t.exposeString("note", { nullable: true }),
      raterEmail: t.exposeString("raterEmail", { nullable: true }),
      recordedAt: t.exposeString("recordedAt"),
      evidence: t.field({
        type: [EvidenceType],
        resolve: (a, _, context) => evidenceOf(context).load(a.id),
      }),
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
      evidenceCount: t.exposeInt("evidenceCount"),
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
        resolve: (r, _, context) => levelOf(context, { ladderKey: r.ladderKey, version: r.version, level: r.level }),
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
        resolve: async (p, _, context) => {
          const person = await personById(context).load(p.personId)
          if (person === null) throw new Error(`person ${p.personId} of promotion ${p.id} is missing`)
          return person
        },
      }),
      ladderKey: t.exposeString("ladderKey"),
      version: t.exposeInt("version"),
      from: t.field({
        type: LevelRef,
        nullable: true,
        description: "The level held before; null for the first level.",
        resolve: (p, _, context) => (p.from === null ? null : levelOf(context, p.from)),
      }),
      to: t.field({
        type: LevelRef,
        resolve: (p, _, context) => levelOf(context, { ladderKey: p.ladderKey, version: p.version, level: p.to }),
      }),
      rationale: t.exposeString("rationale"),
      at: t.exposeString("at"),
      readiness: t.field({ type: ReadinessType, resolve: (p) => p.readiness }),
      readinessJson: t.string({
        description: "The readiness snapshot as stored, in JSON.",
        resolve: (p) => JSON.stringify(p.readiness),
      }),
    }),
  })

  builder.objectFields(PersonRef, (t) => ({
    currentLevel: t.field({
      type: LevelRef,
      nullable: true,
      description: "The level of the person's latest promotion; null before the first.",
      resolve: async (person, _, context) => {
        const current = currentLevel(await promotionsOf(context).load(person.id))
        return current === undefined ? null : levelOf(context, current)
      },
    }),
    levelHistory: t.field({
      type: [PromotionType],
      description: "Every level change of the person, oldest first.",
      resolve: (person, _, context) => promotionsOf(context).load(person.id),
    }),
    timeInLevel: t.int({
      nullable: true,
      description: "Whole days since the latest promotion; null before the first.",
      resolve: async (person, _, context) =>
        daysInLevel(await promotionsOf(context).load(person.id), DateTime.unsafeNow()) ?? null,
    }),
    assessments: t.connection({
      type: AssessmentRef,
      description:
        "The person's assessments, newest first; `competency` keeps those of that competency in the latest version of its ladder, under whatever key they were recorded.",
      args: { competency: t.arg.string({ required: false }) },
      resolve: async (person, args, context) => {
        const page = pageOf(args)
        const matches = args.competency == null ? undefined : await matchesOf(context).load(args.competency)
        const filter = { matches }
        const key = JSON.stringify([page, args.competency ?? null])
        const rows = await loaderOf<string, ReadonlyArray<Assessment>>(
          context,
          `competencies.assessments:${key}`,
          (ids) =>
            assessments((r) => r.listFor(ids, page, filter)).then((found) => groupedBy(ids, found, (a) => a.personId)),
        ).load(person.id)
        const counts = loaderOf<string, number>(
          context,
          `competencies.assessmentCounts:${args.competency ?? ""}`,
          (ids) => assessments((r) => r.countsFor(ids, filter)).then((found) => ids.map((id) => found.get(id) ?? 0)),
        )
        return connectionOf(
          rows,
          page,
          (a) => [a.id],
          () => counts.load(person.id),
        )
      },
    }),
    nextLevel: t.field({
      type: LevelRef,
      nullable: true,
      description:
        "The level a promotion leads to from the current level, in the latest version of its ladder: on the same track when several promotions leave it. Null before the first promotion and at the top of a track.",
      resolve: async (person, _, context) => {
        const current = currentLevel(await promotionsOf(context).load(person.id))
        if (current === undefined) return null
        const key = JSON.stringify([current.ladderKey, current.version, current.level])
        return loaderOf<string, LadderLevel | null>(context, "competencies.nextLevel", (keys) =>
          run(
            Effect.flatMap(ReadinessReader, (r) =>
              r.nextLevels(
                keys.map((k) => {
                  const [ladderKey, version, level] = JSON.parse(k) as [string, number, string]
                  return { ladderKey, version, level }
                }),
              ),
            ),
          ).then((answers) =>
            answers.map((a) =>
              a._tag === "next" ? { ladderKey: a.ladderKey, version: a.version, level: a.level } : null,
            ),
          ),
        ).load(key)
      },
    }),
    readiness: t.field({
      type: ReadinessType,
      description:
        "Whether the person is ready for a level of the latest version of a ladder: by default the ladder of their current level, else the only ladder with that level. Without `targetLevel`, for the person's next level (see `nextLevel`).",
      args: {
        targetLevel: t.arg.string({ required: false }),
        ladder: t.arg.string({ required: false }),
      },
      resolve: async (person, args, context) => {
        const ladder = args.ladder ?? undefined
        const targetLevel = args.targetLevel ?? undefined
        if (targetLevel === undefined) {
          const current = currentLevel(await promotionsOf(context).load(person.id))
          if (ladder !== undefined && current !== undefined && current.ladderKey !== ladder) {
            throw new GraphQLError(
              `ladder: the next level of ${person.email} is on ladder "${current.ladderKey}", not "${ladder}": name a level of "${ladder}" with targetLevel`,
            )
          }
          const answer = await loaderOf<string, Either.Either<Readiness, ReadinessFailure | NoNextLevel>>(
            context,
            "competencies.readiness:next",
            (keys) =>
              run(
                Effect.flatMap(ReadinessReader, (r) =>
                  r.forNextLevel(keys.map((k) => JSON.parse(k) as { personId: string; current: LevelAt | undefined })),
                ),
              ),
          ).load(JSON.stringify({ personId: person.id, current }))
          if (Either.isRight(answer)) return answer.right
          if (answer.left._tag === "NoNextLevel") {
            throw new GraphQLError(
              `targetLevel: ${person.email} has no next level (${answer.left.reason}): name one with targetLevel`,
            )
          }
          throw readinessError(answer.left)
        }
        const name = `competencies.readiness:${JSON.stringify([targetLevel, ladder ?? null])}`
        return loaderOf<string, Readiness>(context, name, (ids) =>
          run(Effect.flatMap(ReadinessReader, (r) => r.forPeople(ids, targetLevel, ladder))).then((answers) =>
            answers.map((answer) => (Either.isRight(answer) ? answer.right : readinessError(answer.left))),
          ),
        ).load(person.id)
      },
    }),
  }))

  builder.queryFields((t) => ({
    competencies: t.field({
      type: [CatalogCompetencyType],
      description: "The catalog: contributed competencies and those of every latest published ladder, by key.",
      resolve: () => run(Effect.flatMap(CompetencyCatalog, (c) => c.list)),
    }),
  }))

  const errors = (name: string, dataField: string) => ({
    types: mutationErrors,
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: dataField },
  })

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
    }),
  })

  const decoded = <A, I, B, E>(
    schema: Schema.Schema<A, I, never>,
    raw: unknown,
    then: (input: A) => Effect.Effect<B, E, any>,
  ) => run(Effect.flatMap(decodeInput(schema, ["input"])(raw), then))

  builder.mutationFields((t) => ({
    recordAssessment: t.field({
      type: AssessmentRef,
      description: "Records a rating against a ladder version, with any evidence; earlier ratings stay.",
      args: { input: t.arg({ type: RecordAssessmentInputType, required: true }) },
      errors: errors("RecordAssessment", "assessment"),
      resolve: (_, { input }) =>
        decoded(RecordAssessmentInput, input, (i) => Effect.flatMap(AssessmentRepo, (r) => r.record(i))),
    }),
    addEvidence: t.field({
      type: AssessmentRef,
      description: "Adds evidence to an assessment; answers the assessment.",
      args: { input: t.arg({ type: AddEvidenceInputType, required: true }) },
      errors: errors("AddEvidence", "assessment"),
      resolve: (_, { input }) =>
        decoded(AddEvidenceInput, input, (i) => Effect.flatMap(AssessmentRepo, (r) => r.addEvidence(i))),
    }),
    promotePerson: t.field({
      type: PromotionType,
      description: "Moves a person to a level, keeping the rationale and the readiness at this moment.",
      args: { input: t.arg({ type: PromotePersonInputType, required: true }) },
      errors: errors("PromotePerson", "promotion"),
      resolve: (_, { input }) =>
        decoded(PromotePersonInput, input, (i) => Effect.flatMap(PromotionRepo, (r) => r.promote(i))),
    }),
  }))
}
