export {
  type Assessment,
  type AssessmentFilter,
  type AssessmentWithEvidence,
  type CompetencyAt,
  RaterKind,
  RecordAssessmentInput,
  raterKinds,
} from "./Assessment.js"
export {
  AssessmentRepo,
  type AssessmentRepoService,
  type LatestRating,
  type RatedEvidence,
} from "./AssessmentRepo.js"
export { type CatalogCompetency, CatalogEntry, catalogOf, competency, competencyPoint } from "./Catalog.js"
export { CompetencyCatalog, type CompetencyCatalogService } from "./CompetencyCatalog.js"
export { PersonPromoted } from "./CompetencyEvents.js"
export { CompetencyHistory, type CompetencyHistoryService } from "./CompetencyHistory.js"
export {
  evidenceLoader,
  loadCurrentKeys,
  loadCurrentLevel,
  loadNextLevel,
  nextReadinessLoader,
  promotionStepsLoader,
  promotionsLoader,
  readinessLoader,
  recordedAsLoader,
} from "./CompetencyLoaders.js"
export { applyChanges, keysMappingTo, mapCompetency, type VersionChanges } from "./CompetencyMapping.js"
export { AddEvidenceInput, type Evidence, EvidenceFields, EvidenceKind } from "./Evidence.js"
export {
  type ContributedEvidence,
  type EvidenceSource,
  EvidenceSources,
  type EvidenceSourcesService,
  evidenceSourceLayer,
} from "./EvidenceSources.js"
export { competenciesSchema } from "./graphql/index.js"
export { AssessmentRef } from "./graphql/types.js"
export { HistoryAssessment, HistoryFile, HistoryPromotion } from "./HistoryFile.js"
export { type HistoryImportCounts, importHistory } from "./HistoryImport.js"
export {
  type LatestLadder,
  type NextLevel,
  type NoNextLevel,
  nextLevel,
  nextLevelOfPerson,
  type PersonNextLevel,
} from "./NextLevel.js"
export {
  chronological,
  currentLevel,
  daysBetween,
  daysInLevel,
  type LevelAt,
  PromotePersonInput,
  type Promotion,
  type PromotionStep,
} from "./Promotion.js"
export { PromotionRepo, type PromotionRepoService } from "./PromotionRepo.js"
export { competenciesPlugin } from "./plugin.js"
export {
  assessReadiness,
  type CatalogEvidence,
  CompetencyInfo,
  CompetencyReadiness,
  EvidenceOrigin,
  type EvidenceTally,
  type Rating,
  Readiness,
  ReadinessEvidence,
  ReadinessGap,
  type ReadinessTarget,
} from "./Readiness.js"
export {
  type ReadinessFailure,
  ReadinessReader,
  type ReadinessReaderService,
  type ReadinessRequest,
} from "./ReadinessReader.js"
