export { type Builder, createBuilder, objectRef, type RequestContext, type TeamopsSchemaTypes } from "./Builder.js"
export {
  Db,
  type DbLocation,
  type DbOptions,
  type DbService,
  type Dialect,
  makeDbService,
  openDb,
  parseDatabaseUrl,
} from "./Db.js"
export { decodeInput, toInputError } from "./Decode.js"
export { ConflictError, DbError, InputError, NotFoundError, PluginError } from "./Errors.js"
export {
  type Contributed,
  type Contribution,
  Contributions,
  contribute,
  type ExtensionPoint,
  extensionPoint,
} from "./ExtensionPoint.js"
export { encodeGlobalID, GlobalId } from "./GlobalId.js"
export { Email, isKey, Key, Name } from "./Keys.js"
export { loaderOf } from "./Loader.js"
export { isPostgres, type Migration, type Migrations, migrate, tablePrefix } from "./Migrations.js"
export { type ConnectionArgs, connectionOf, encodeCursor, maxPageSize, type Page, pageOf } from "./Page.js"
export { type Demo, definePlugin, type Plugin, type PluginManifest, type SchemaKit } from "./Plugin.js"
export { makeRun, type Run } from "./Resolver.js"
export {
  Instant,
  InstantMillis,
  LocalDate,
  LocalTime,
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
export { officeHours, TimeRange, type Weekday, WeeklyHours, weekdays, weeklyMinutes } from "./WeeklyHours.js"
