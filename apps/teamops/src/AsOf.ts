import { InstantMillis } from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import { CliError } from "./CliError.js"

/** `--as-of` in milliseconds, or a failure saying what an instant looks like. */
export const instantOf = (text: string) =>
  Either.match(Schema.decodeUnknownEither(InstantMillis)(text), {
    onLeft: () =>
      Effect.fail(
        new CliError({
          message: `--as-of: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got ${JSON.stringify(text)}`,
        }),
      ),
    onRight: (millis) => Effect.succeed(millis),
  })
