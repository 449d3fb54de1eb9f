import { Cause, Effect, Exit, type ManagedRuntime, Option } from "effect"

/** Runs a resolver's Effect on the host runtime and returns its value to GraphQL. */
export type Run = <A, E, R>(effect: Effect.Effect<A, E, R>) => Promise<A>

/**
 * The resolver adapter of one plugin. A typed failure is thrown as itself, so the errors
 * plugin can turn it into its payload type (a failure no field declares is masked by the
 * server); a defect is logged with the plugin id and thrown as an opaque error.
 */
export const makeRun =
  (runtime: ManagedRuntime.ManagedRuntime<any, never>, pluginId: string): Run =>
  (effect) =>
    runtime
      .runPromiseExit(
        (effect as Effect.Effect<any, any, any>).pipe(
          Effect.withSpan(`${pluginId}.resolver`),
          Effect.annotateLogs("plugin", pluginId),
        ),
      )
      .then((exit) => {
        if (Exit.isSuccess(exit)) return exit.value
        const failure = Cause.failureOption(exit.cause)
        if (Option.isSome(failure) && failure.value instanceof Error && failure.value.name !== "DbError") {
          throw failure.value
        }
        runtime.runFork(Effect.logError("resolver failed", exit.cause).pipe(Effect.annotateLogs("plugin", pluginId)))
        throw new Error(`plugin ${pluginId} failed: ${Cause.pretty(exit.cause)}`)
      })
