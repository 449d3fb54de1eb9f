export { type Client, type ClientOptions, createClient, type Document } from "./Client.js"
export * from "./generated/graphql.js"
export { type Connection, paginate } from "./Paginate.js"
export { type GraphQLErrorEntry, orThrow, TeamopsError } from "./TeamopsError.js"
