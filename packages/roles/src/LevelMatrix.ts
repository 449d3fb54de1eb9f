import type { Behaviour, Competency, ScaleStep } from "./Ladder.js"
import type { LadderVersion } from "./LadderVersion.js"

/** What a level expects of one competency. */
export interface MatrixCell {
  readonly competency: Competency
  readonly expected: ScaleStep
  readonly behaviours: ReadonlyArray<Behaviour>
}

/** The matrix row of a level, in the order of the ladder's competencies. */
export const matrixOf = (ladder: LadderVersion, levelKey: string): ReadonlyArray<MatrixCell> => {
  const { competencies, matrix, scale } = ladder.effective
  const entries = matrix[levelKey] ?? {}
  return competencies.flatMap((competency) => {
    const entry = entries[competency.key]
    const expected = entry === undefined ? undefined : scale.find((s) => s.key === entry.expected)
    return entry === undefined || expected === undefined ? [] : [{ competency, expected, behaviours: entry.behaviours }]
  })
}
