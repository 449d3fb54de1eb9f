import type { Builder } from "@teamops/core"
import type { LadderLevel, LadderVersion } from "../LadderVersion.js"
import type { ChangedExpectation, LevelDiff, NewBehaviour, NewExpectation, StepChange } from "../LevelDiff.js"
import type { ladderTypes } from "./ladderTypes.js"
import { LevelRef } from "./refs.js"

/** A level difference with the ladder version it was computed on. */
export interface LadderLevelDiff {
  readonly ladder: LadderVersion
  readonly diff: LevelDiff
}

/** The `LevelDiff` type: what it takes to go from one level to another. */
export const diffTypes = (
  builder: Builder,
  { CompetencyType, ScaleStepType, BehaviourType }: ReturnType<typeof ladderTypes>,
) => {
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
  return { LevelDiffType }
}
