import { Command, ValidationError } from "@effect/cli"
// The module alone: the package's index loads cluster, RPC and socket code that no command uses.
import * as NodeContext from "@effect/platform-node/NodeContext"
import { stderrLogger } from "@teamops/server"
import { Cause, Effect, Either, Exit, Layer } from "effect"
import { commandOf, optionNames, unknownOption } from "./CommandLine.js"
import { teamops as teamopsOf } from "./commands.js"
import { readHostFile } from "./HostFile.js"
import { withPrintableOutput } from "./Terminal.js"

// The plugins' commands are read from the host file; one that cannot be read leaves them out
// here, and the command that boots says what is wrong with it.
const chosen = await Effect.runPromise(Effect.either(readHostFile(process.cwd())))
let teamops: ReturnType<typeof teamopsOf>
try {
  teamops = teamopsOf(Either.isRight(chosen) ? chosen.right.plugins : [])
} catch (error) {
  console.error(`teamops: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const cli = Command.run(teamops, { name: "teamops", version: "0.1.0" })
const args = process.argv.slice(2)
const { path, command, commands } = commandOf(teamops, "teamops", args)
const known = new Set(commands.flatMap((c) => [...optionNames(c)]))
const mistyped = command === undefined ? undefined : unknownOption(args, known)
if (mistyped !== undefined) {
  console.error(`${path.join(" ")}: ${mistyped}; see ${path.join(" ")} --help`)
  process.exit(1)
}

// A reader that stops early (`teamops ladder export support | head`) is not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

const exit = await Effect.runPromiseExit(
  withPrintableOutput(cli(process.argv), path).pipe(Effect.provide(Layer.merge(NodeContext.layer, stderrLogger))),
)
if (Exit.isFailure(exit)) {
  const failure = Cause.squash(exit.cause)
  // Option and argument errors have already been printed with the usage.
  if (!ValidationError.isValidationError(failure)) {
    console.error(`teamops: ${failure instanceof Error ? failure.message : String(failure)}`)
  }
  process.exitCode = 1
}
