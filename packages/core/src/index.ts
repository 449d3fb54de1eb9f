export {
  type Access,
  type AuthScopeMap,
  type AuthScopes,
  makeAccess,
  type Relations,
  type RuleAnswers,
} from "./Access.js"
export { type AccessRule, accessRule, type RuleQuestion } from "./AccessRule.js"
export { type AuditEntry, type AuditTrail, targetsOf } from "./Audit.js"
export {
  type Builder,
  bindRef,
  createBuilder,
  ErrorRef,
  enumRef,
  interfaceRef,
  objectRef,
  ownRef,
  type RequestContext,
  type TeamopsSchemaTypes,
} from "./Builder.js"
export {
  Db,
  type DbLocation,
  type DbOptions,
  type DbService,
  makeDbService,
  openDb,
  parseDatabaseUrl,
} from "./Db.js"
export { decodeInput, toInputError, withInput } from "./Decode.js"
export { binaryCollation, type Dialect, type DialectCapabilities, dialectOf, textList } from "./Dialect.js"
export { Directory, type DirectoryEntry } from "./Directory.js"
export {
  type DomainEvent,
  domainEvent,
  type EventMeta,
  eventName,
  Outbox,
  type Subscription,
  subscribe,
} from "./DomainEvent.js"
export { ConflictError, DbError, DbErrorReason, InputError, NotFoundError, PluginError } from "./Errors.js"
export {
  type Contributed,
  type Contribution,
  Contributions,
  contribute,
  type ExtensionPoint,
  extensionPoint,
} from "./ExtensionPoint.js"
export { encodeGlobalID, GlobalId } from "./GlobalId.js"
export { Email, isEmail, isKey, Key, Name } from "./Keys.js"
export { LimitsRef } from "./LimitsRef.js"
export { groupedLoader, keyedLoader, loaderOf, requestLoader } from "./Loader.js"
export {
  type Migration,
  type MigrationHistory,
  type Migrations,
  migrate,
  tablePrefix,
  upToDate,
} from "./Migrations.js"
export {
  batchedConnection,
  type ChildPages,
  type ConnectionArgs,
  listConnection,
  maxPageSize,
  type Page,
  pageOf,
} from "./Page.js"
export { payload } from "./Payload.js"
export {
  type Demo,
  type Dependency,
  definePlugin,
  type PersonalData,
  type Plugin,
  type PluginManifest,
  type Pseudonym,
  type SchemaKit,
} from "./Plugin.js"
export { CommandError, commandGroup, type PluginCommand } from "./PluginCommand.js"
export { type PluginRoute, type RouteMethod, type RouteRequest, route } from "./PluginRoute.js"
export {
  type Anonymous,
  anonymous,
  type Operator,
  operator,
  type PersonPrincipal,
  type Principal,
  principalLabel,
  type ServicePrincipal,
  TokenScope,
  tokenScopes,
} from "./Principal.js"
export {
  failedPlugin,
  fieldError,
  invariant,
  makeRun,
  makeRunQuery,
  PluginFailure,
  type Run,
  type RunQuery,
} from "./Resolver.js"
export {
  Instant,
  InstantMillis,
  instantMillisOf,
  LocalDate,
  LocalTime,
  localDate,
  minutesOf,
  nextPeriodStart,
  Period,
  periodLabel,
  periodStart,
  periodsBetween,
  TimeZone,
  today,
  zone,
} from "./Time.js"
export { ViewerRef } from "./ViewerRef.js"
export { officeHours, TimeRange, type Weekday, WeeklyHours, weekdays, weeklyMinutes } from "./WeeklyHours.js"
