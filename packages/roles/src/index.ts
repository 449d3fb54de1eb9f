export { importContributedLadders } from "./ContributedLadders.js"
export { effectiveLadder } from "./EffectiveLadder.js"
export { offsetOf } from "./FilePlaces.js"
export { LadderRef, LevelRef } from "./graphql/refs.js"
export { jsonSyntaxError } from "./JsonSyntax.js"
export {
  Behaviour,
  Competency,
  CompetencyChange,
  Expectations,
  LadderDocument,
  Level,
  Matrix,
  MatrixEntry,
  Role,
  ScaleStep,
  Track,
  TrackKind,
  Transition,
  TransitionKind,
} from "./Ladder.js"
export { checkLadder, type LadderProblem, ladderWarnings } from "./LadderCheck.js"
export { LadderContribution, ladder, ladderPoint } from "./LadderContribution.js"
export {
  checkLadderSource,
  describeProblem,
  formatLadderFile,
  LadderFileError,
  LadderFileFormat,
  LadderFileProblem,
  type LadderSource,
  parseLadderFile,
  readLadderFile,
} from "./LadderFile.js"
export { importAndPublishLadder, importLadder, type LadderPublication, sameContent } from "./LadderImport.js"
export { LadderRepo, type LadderRepoService } from "./LadderRepo.js"
export type { LadderLevel, LadderSummary, LadderVersion, LadderVersionRef } from "./LadderVersion.js"
export {
  type ChangedExpectation,
  type ExpectationAspect,
  type LevelDiff,
  levelDiff,
  type NewBehaviour,
  type NewExpectation,
  type StepChange,
} from "./LevelDiff.js"
export { type PublishGuard, PublishGuards, type PublishGuardsService } from "./PublishGuards.js"
export { rolesPlugin } from "./plugin.js"
export { levelsOf, loadLadderVersion, rememberLadderVersion } from "./RolesLoaders.js"
