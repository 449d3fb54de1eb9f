export {
  type Dialect,
  type Fetcher,
  failureOf,
  type GraphQLResult,
  graphql,
  graphqlData,
  type TestDatabase,
  testDatabase,
  testDialects,
} from "@teamops/core/testing"
export { type MutationTable, mutationsOf, payloadSelection } from "./Mutations.js"
export { measured, openTestHost, type Statements, type TestHost, type TestHostOptions } from "./TestHost.js"
