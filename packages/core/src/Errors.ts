import { Schema } from "effect"

/**
 * Input from outside (GraphQL arguments, files, configuration) did not decode.
 * `path` names the offending field, e.g. `["input", "timeZone"]`.
 */
export class InputError extends Schema.TaggedError<InputError>()("InputError", {
  message: Schema.String,
  path: Schema.Array(Schema.String),
}) {}

/** A referenced thing (a team key, a person id) does not exist. */
export class NotFoundError extends Schema.TaggedError<NotFoundError>()("NotFoundError", {
  message: Schema.String,
  entity: Schema.String,
  key: Schema.String,
}) {}

/** The request contradicts stored data (a duplicate email, a manager cycle). */
export class ConflictError extends Schema.TaggedError<ConflictError>()("ConflictError", {
  message: Schema.String,
}) {}

/**
 * Why the database refused a statement, decided once from the driver's error: a unique
 * index or a foreign key refused the row, the database could not be reached, or anything else.
 */
export const DbErrorReason = Schema.Literal("unique", "foreign-key", "unavailable", "other")
export type DbErrorReason = typeof DbErrorReason.Type

/** The database refused or could not be reached; `reason` says why. */
export class DbError extends Schema.TaggedError<DbError>()("DbError", {
  message: Schema.String,
  reason: Schema.optionalWith(DbErrorReason, { default: () => "other" }),
  cause: Schema.optional(Schema.Unknown),
}) {}

/** Booting the plugin host failed; `pluginId` names the plugin at fault. */
export class PluginError extends Schema.TaggedError<PluginError>()("PluginError", {
  pluginId: Schema.String,
  message: Schema.String,
}) {}
