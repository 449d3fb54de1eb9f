export { orgIsEmpty, seedOrg } from "./demo.js"
export {
  byPlace,
  decodeFile,
  type FilePath,
  type FileProblem,
  fileError,
  listOf,
  notNull,
  objectOf,
  partialRecords,
  pathText,
} from "./FileProblems.js"
export { PersonRef, TeamRef } from "./graphql/refs.js"
export { defaultReplacementCostRate, OrgConfig, OrgSettings } from "./OrgConfig.js"
export { ManagerChanged, orgEvents, PersonDeparted, PersonHired, PersonMoved } from "./OrgEvents.js"
export { decodeOrgFile, OrgFile, OrgFilePerson, OrgFileTeam, readOrgFile } from "./OrgFile.js"
export {
  importOrg,
  importOrgFile,
  type OrgImportCounts,
  type OrgImportOptions,
  type OrgImportReport,
} from "./OrgImport.js"
export { personByEmailLoader, personLoader, teamByKeyLoader, teamLoader } from "./OrgLoaders.js"
export type { Change, FieldChange, PersonChange, TeamChange } from "./OrgPlan.js"
export {
  CancelDepartureInput,
  CreatePersonInput,
  type PeopleFilter,
  Person,
  PersonId,
  PersonStatus,
  RecordDepartureInput,
  SetManagerInput,
  UpdatePersonInput,
} from "./Person.js"
export { PersonRepo, type PersonRepoService } from "./PersonRepo.js"
export { orgPlugin } from "./plugin.js"
export { AnnualSalary } from "./Salary.js"
export { CreateTeamInput, Team, TeamId, UpdateTeamInput } from "./Team.js"
export { TeamRepo, type TeamRepoService } from "./TeamRepo.js"
export {
  bandOf,
  type Departure,
  type PersonTenure,
  presentOn,
  TenureBand,
  turnoverCostOf,
  type Workforce,
  WorkforcePeriod,
  workforceOf,
} from "./Workforce.js"
