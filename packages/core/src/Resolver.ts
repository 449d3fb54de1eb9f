import { Cause, Effect, Exit, type ManagedRuntime, Option } from "effect"
import { GraphQLError } from "graphql"
import type { InputError, NotFoundError } from "./Errors.js"

/** Runs a resolver's Effect on the host runtime and returns its value to GraphQL. */
export type Run = <A, E, R>(effect: Effect.Effect<A, E, R>) => Promise<A>

/**
 * A resolver that failed in a way no caller can act on: a defect, a database failure, or a
 * failure that is not an error object. The server masks it and logs it once, with `pluginId`.
 */
export class PluginFailure extends Error {
  override readonly name = "PluginFailure"
  constructor(
    readonly pluginId: string,
    readonly failure: Cause.Cause<unknown>,
  ) {
    super(`plugin ${pluginId} failed: ${Cause.pretty(failure)}`)
  }
}

const owners = new WeakMap<object, string>()

/** The plugin whose resolver failed with `error`, when a resolver adapter threw it. */
export const failedPlugin = (error: unknown): string | undefined =>
  error instanceof PluginFailure
    ? error.pluginId
    : typeof error === "object" && error !== null
      ? owners.get(error)
      : undefined

/**
 * The resolver adapter of one plugin. A typed failure is thrown as itself, so the errors
 * plugin can turn it into the payload a field declares (a failure no field declares is masked
 * by the server); anything else is thrown as a {@link PluginFailure}. Nothing is logged here:
 * the server logs what it masks, once.
 */
export const makeRun =
  (runtime: ManagedRuntime.ManagedRuntime<any, never>, pluginId: string): Run =>
  (effect) =>
    runtime
      .runPromiseExit(
        (effect as Effect.Effect<any, any, any>).pipe(
          // A stack trace per resolver would cost more than most resolvers.
          Effect.withSpan(`${pluginId}.resolver`, { captureStackTrace: false }),
          Effect.annotateLogs("plugin", pluginId),
        ),
      )
      .then((exit) => {
        if (Exit.isSuccess(exit)) return exit.value
        const failure = Cause.failureOption(exit.cause)
        if (Option.isSome(failure) && failure.value instanceof Error && failure.value.name !== "DbError") {
          owners.set(failure.value, pluginId)
          throw failure.value
        }
        throw new PluginFailure(pluginId, exit.cause)
      })

/** Throws a broken invariant (a stored row that refers to nothing) as a failure of `pluginId`. */
export const invariant = (pluginId: string, message: string): never => {
  throw new PluginFailure(pluginId, Cause.die(new Error(message)))
}

/**
 * A query field's input or not-found failure as the GraphQL error its caller reads. The
 * message names the argument at fault: `argument: message` when `argument` is given, else the
 * failure's own message (decoded inputs already name their field).
 */
export const fieldError = (error: InputError | NotFoundError, argument?: string): GraphQLError =>
  new GraphQLError(argument === undefined ? error.message : `${argument}: ${error.message}`, {
    extensions: { code: error._tag === "InputError" ? "BAD_USER_INPUT" : "NOT_FOUND" },
  })

const isFieldFailure = (error: unknown): error is InputError | NotFoundError =>
  error instanceof Error && (error.name === "InputError" || error.name === "NotFoundError")

/**
 * Like {@link Run}, for query fields: an input or not-found failure reaches the caller as a
 * field error ({@link fieldError}); `argumentOf` names the argument it is about.
 */
export type RunQuery = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
  argumentOf?: (error: InputError | NotFoundError) => string | undefined,
) => Promise<A>

export const makeRunQuery =
  (run: Run): RunQuery =>
  (effect, argumentOf) =>
    run(effect).catch((error: unknown) => {
      throw isFieldFailure(error) ? fieldError(error, argumentOf?.(error)) : error
    })
