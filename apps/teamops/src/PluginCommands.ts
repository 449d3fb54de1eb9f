import { Command } from "@effect/cli"
import * as NodeContext from "@effect/platform-node/NodeContext"
import type { Plugin } from "@teamops/core"
import { Effect, Option } from "effect"
import { boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

/**
 * The commands the plugins add, each under its word with `--database`: its handler runs on the
 * host booted on that database, with the plugin's services, the host's and the command line's.
 * A word taken twice is refused before anything runs.
 */
export const pluginCommands = (plugins: ReadonlyArray<Plugin<any>>, builtIn: ReadonlyArray<string>) => {
  const taken = new Map(builtIn.map((name) => [name, "teamops"]))
  return plugins.flatMap((plugin) =>
    (plugin.commands ?? []).map((group) => {
      const holder = taken.get(group.name)
      if (holder !== undefined) {
        const by = holder === "teamops" ? "a command of teamops" : `plugin ${holder}`
        throw new CliError({ message: `plugin ${plugin.id} adds command ${group.name}, which ${by} already has` })
      }
      taken.set(group.name, plugin.id)
      return Command.make(group.name, { database }).pipe(
        Command.withDescription(`${group.description} (plugin ${plugin.id})`),
        Command.withSubcommands(group.commands as [Command.Command<string, any, any, any>]),
        Command.transformHandler((handler, { database, subcommand }) =>
          Option.isNone(subcommand)
            ? new CliError({ message: `name a command after ${group.name}; see teamops ${group.name} --help` })
            : Effect.scoped(
                Effect.gen(function* () {
                  const server = yield* boot(database)
                  const status = server.host.plugins.find((p) => p.id === plugin.id)
                  if (status?.status !== "booted") {
                    const why = status?.reason === undefined ? "" : `: ${status.reason}`
                    return yield* new CliError({ message: `plugin ${plugin.id} did not boot${why}` })
                  }
                  return yield* onHost(server, Effect.provide(handler, NodeContext.layer))
                }),
              ),
        ),
      )
    }),
  )
}
