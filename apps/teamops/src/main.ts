import { Command, ValidationError } from "@effect/cli"
import { NodeContext } from "@effect/platform-node"
import { stderrLogger } from "@teamops/server"
import { Cause, Effect, Exit, Layer } from "effect"
import { teamops } from "./commands.js"

const cli = Command.run(teamops, { name: "teamops", version: "0.1.0" })

// A reader that stops early (`teamops ladder export support | head`) is not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

const exit = await Effect.runPromiseExit(
  cli(process.argv).pipe(Effect.provide(Layer.merge(NodeContext.layer, stderrLogger))),
)
if (Exit.isFailure(exit)) {
  const failure = Cause.squash(exit.cause)
  // Option and argument errors have already been printed with the usage.
  if (!ValidationError.isValidationError(failure)) {
    console.error(`teamops: ${failure instanceof Error ? failure.message : String(failure)}`)
  }
  process.exitCode = 1
}
