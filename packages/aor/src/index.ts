export { AorConfig, defaultAorConfig } from "./AorConfig.js"
export {
  AddAreaContributorInput,
  type Area,
  AreaKeyInput,
  AreaStatus,
  type AreaWork,
  type Contribution,
  CreateAreaInput,
  HandOverAreaInput,
  type Ownership,
  type PersonArea,
  RecordAreaWorkInput,
  RemoveAreaContributorInput,
  UpdateAreaInput,
} from "./Area.js"
export { areaEvidenceLayer, areaEvidenceSource, workAsEvidence } from "./AreaEvidence.js"
export { exportAreas } from "./AreaExport.js"
export {
  AreaFile,
  AreaFileArea,
  AreaFileContributor,
  AreaFileError,
  AreaFileFormat,
  AreaFileProblem,
  type AreaFileSource,
  defaultHandoverNote,
  formatAreaFile,
  readAreaFile,
} from "./AreaFile.js"
export {
  type AreaHealth,
  type AreaLoad,
  areaHealth,
  type CrowdedArea,
  type HealthFacts,
  type NewcomerWithArea,
  type OrphanedArea,
  type OverloadedPerson,
  type PersonWithoutArea,
  type StaleArea,
} from "./AreaHealth.js"
export { type AreaImportCounts, type AreaImportOptions, importAreas } from "./AreaImport.js"
export { areaByKeyLoader, areaLoader, loadHealth, personAreasLoader } from "./AreaLoaders.js"
export { type AreaFailure, AreaRepo, type AreaRepoService } from "./AreaRepo.js"
export { AreaCategories, AreaCategory, areaCategory, areaCategoryPoint, type CategoryEntry } from "./Categories.js"
export { changesArea, confirmsArea, handsOverArea, recordsAreaWork } from "./graphql/access.js"
export { AreaRef } from "./graphql/refs.js"
export { HealthReader, type HealthReaderService } from "./HealthReader.js"
export { aorPlugin } from "./plugin.js"
