import { failedPlugin, PluginFailure } from "@teamops/core"
import { Cause, Effect, type ManagedRuntime } from "effect"
import { GraphQLError } from "graphql"
import { createGraphQLError, type YogaLogger } from "graphql-yoga"

const unexpected = "Unexpected error."

// What a resolver threw, under the GraphQLError that execution wrapped it in.
const originalOf = (error: unknown): unknown =>
  error instanceof GraphQLError && error.originalError !== undefined ? error.originalError : error

/**
 * The one masking function of the server. A GraphQL error a field raised on purpose (a bad
 * argument, a missing thing reported by `runQuery`, a validation error) goes out as it is;
 * everything else, including a typed failure the field does not declare, goes out as
 * "Unexpected error." and is logged once, by {@link errorLogger}.
 */
export const maskError = (error: unknown): Error => {
  const original = originalOf(error)
  if (error instanceof GraphQLError && (original === error || original instanceof GraphQLError)) return error
  const where = error instanceof GraphQLError ? error : undefined
  return createGraphQLError(unexpected, {
    ...(where?.nodes ? { nodes: where.nodes } : {}),
    ...(where?.path ? { path: where.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR", unexpected: true },
  })
}

const describe = (error: unknown) => {
  const original = originalOf(error)
  if (original instanceof PluginFailure) return Cause.pretty(original.failure)
  return original instanceof Error ? (original.stack ?? original.message) : String(original)
}

/**
 * Yoga's logger, writing through the host's Effect logger. Yoga logs each error it masks here,
 * once; the line names the plugin whose resolver failed and the field's path.
 */
export const errorLogger = (runtime: ManagedRuntime.ManagedRuntime<any, never>): YogaLogger => {
  const log = (effect: Effect.Effect<void>) => runtime.runFork(effect)
  const text = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a : describe(a))).join(" ")
  return {
    debug: () => {},
    info: (...args) => log(Effect.logInfo(text(args))),
    warn: (...args) => log(Effect.logWarning(text(args))),
    error: (...args) => {
      for (const error of args) {
        const path = error instanceof GraphQLError && error.path ? error.path.join(".") : undefined
        log(
          Effect.logError(describe(error)).pipe(
            Effect.annotateLogs({ plugin: failedPlugin(originalOf(error)) ?? "unknown", ...(path ? { path } : {}) }),
          ),
        )
      }
    },
  }
}
