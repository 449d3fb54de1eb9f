export { orgIsEmpty, seedOrg } from "./demo.js"
export { PersonRef, TeamRef } from "./graphql/refs.js"
export { decodeOrgFile, OrgFile, OrgFilePerson, OrgFileTeam } from "./OrgFile.js"
export { importOrg, type OrgImportCounts } from "./OrgImport.js"
export { personLoader, teamByKeyLoader, teamLoader } from "./OrgLoaders.js"
export {
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
export { CreateTeamInput, Team, TeamId, UpdateTeamInput } from "./Team.js"
export { TeamRepo, type TeamRepoService } from "./TeamRepo.js"
