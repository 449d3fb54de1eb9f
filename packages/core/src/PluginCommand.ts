import type { Command } from "@effect/cli"
import { Data } from "effect"

/**
 * Commands a plugin adds to the `teamops` command line under one word of its own:
 * `teamops deals import FILE`. Each is an `@effect/cli` command, with its arguments, options
 * and `--help`; the host adds `--database` (as every command has) and runs the handler on the
 * booted host, with the plugin's services and the host's. A failure with a `message` is
 * printed as `teamops: message` and exits 1.
 */
export interface PluginCommand {
  /** The word after `teamops`; no two plugins, and no command of the host, may take the same. */
  readonly name: string
  readonly description: string
  readonly commands: ReadonlyArray<Command.Command<any, any, any, any>>
}

/** Declares a plugin's commands under `teamops <name>`. */
export const commandGroup = (
  name: string,
  description: string,
  commands: ReadonlyArray<Command.Command<any, any, any, any>>,
): PluginCommand => ({ name, description, commands })

/** A command that cannot do what it was asked, said in one message (`cannot read deals.csv: …`). */
export class CommandError extends Data.TaggedError("CommandError")<{ readonly message: string }> {}
