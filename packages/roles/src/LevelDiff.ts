import { NotFoundError } from "@teamops/core"
import { Either } from "effect"
import type { Behaviour, Competency, LadderDocument, Level, ScaleStep } from "./Ladder.js"

/** A competency whose expected step differs between two levels. */
export interface StepChange {
  readonly competency: Competency
  readonly from: ScaleStep
  readonly to: ScaleStep
}

/** A competency expected at the target level and not at the source. */
export interface NewExpectation {
  readonly competency: Competency
  readonly expected: ScaleStep
}

/** A behaviour at the target level whose text the source level does not have. */
export interface NewBehaviour {
  readonly competency: Competency
  readonly behaviour: Behaviour
}

export type ExpectationAspect = "scope" | "autonomy" | "impact"

/** A level expectation (scope, autonomy, impact) whose text changes: a new responsibility. */
export interface ChangedExpectation {
  readonly aspect: ExpectationAspect
  readonly from: string
  readonly to: string
}

/** What it takes to go from one level to another, computed from the matrix. */
export interface LevelDiff {
  readonly from: Level
  readonly to: Level
  /** Expected steps that rise, by scale order. */
  readonly rises: ReadonlyArray<StepChange>
  /** Expected steps that fall, by scale order. */
  readonly falls: ReadonlyArray<StepChange>
  readonly newCompetencies: ReadonlyArray<NewExpectation>
  /** Competencies expected at the source and no longer at the target. */
  readonly dropped: ReadonlyArray<Competency>
  readonly newBehaviours: ReadonlyArray<NewBehaviour>
  readonly changedExpectations: ReadonlyArray<ChangedExpectation>
}

const aspects: ReadonlyArray<ExpectationAspect> = ["scope", "autonomy", "impact"]

/**
 * The difference between two levels of an (effective) ladder document. Lists follow the
 * order of the document's competencies; a behaviour is new when no behaviour of the source
 * level, of any competency, has the same text.
 */
export const levelDiff = (
  doc: LadderDocument,
  fromLevelKey: string,
  toLevelKey: string,
): Either.Either<LevelDiff, NotFoundError> => {
  const levelOf = (key: string) => doc.levels.find((l) => l.key === key)
  const from = levelOf(fromLevelKey)
  const to = levelOf(toLevelKey)
  const missing = from === undefined ? fromLevelKey : to === undefined ? toLevelKey : undefined
  if (from === undefined || to === undefined) {
    return Either.left(
      new NotFoundError({
        entity: "Level",
        key: missing as string,
        message: `no level "${missing}" in ladder "${doc.key}"`,
      }),
    )
  }
  const order = new Map(doc.scale.map((s, i) => [s.key, i]))
  const steps = new Map(doc.scale.map((s) => [s.key, s]))
  const source = doc.matrix[from.key] ?? {}
  const target = doc.matrix[to.key] ?? {}
  const sourceTexts = new Set(Object.values(source).flatMap((e) => e.behaviours.map((b) => b.text)))

  const rises: Array<StepChange> = []
  const falls: Array<StepChange> = []
  const newCompetencies: Array<NewExpectation> = []
  const dropped: Array<Competency> = []
  const newBehaviours: Array<NewBehaviour> = []
  for (const competency of doc.competencies) {
    const before = source[competency.key]
    const after = target[competency.key]
    const afterStep = after === undefined ? undefined : steps.get(after.expected)
    const beforeStep = before === undefined ? undefined : steps.get(before.expected)
    if (after !== undefined) {
      for (const behaviour of after.behaviours) {
        if (!sourceTexts.has(behaviour.text)) newBehaviours.push({ competency, behaviour })
      }
    }
    if (afterStep !== undefined && beforeStep === undefined) newCompetencies.push({ competency, expected: afterStep })
    else if (afterStep === undefined && beforeStep !== undefined) dropped.push(competency)
    else if (afterStep !== undefined && beforeStep !== undefined) {
      const rank = (order.get(afterStep.key) ?? 0) - (order.get(beforeStep.key) ?? 0)
      if (rank > 0) rises.push({ competency, from: beforeStep, to: afterStep })
      if (rank < 0) falls.push({ competency, from: beforeStep, to: afterStep })
    }
  }
  const changedExpectations = aspects
    .filter((aspect) => from.expectations[aspect] !== to.expectations[aspect])
    .map((aspect) => ({ aspect, from: from.expectations[aspect], to: to.expectations[aspect] }))
  return Either.right({ from, to, rises, falls, newCompetencies, dropped, newBehaviours, changedExpectations })
}
