import { Cause, Effect, Exit, Option } from "effect"
import type { Booted } from "./Boot.js"
import { CliError } from "./CliError.js"

/** Runs an effect on the booted host; a typed failure becomes a one-message {@link CliError}. */
export const onHost = <A, E extends { readonly message: string }>(
  server: Booted,
  effect: Effect.Effect<A, E, any>,
  describe: (error: E) => string = (error) => error.message,
) =>
  Effect.flatMap(
    Effect.promise(() => server.host.runtime.runPromiseExit(effect)),
    (exit): Effect.Effect<A, CliError> => {
      if (Exit.isSuccess(exit)) return Effect.succeed(exit.value)
      const failure = Cause.failureOption(exit.cause)
      return Effect.fail(
        new CliError({ message: Option.isSome(failure) ? describe(failure.value) : Cause.pretty(exit.cause) }),
      )
    },
  )
