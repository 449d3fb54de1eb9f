import { createServer, type TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { CliError } from "./CliError.js"
import { readHostFile } from "./HostFile.js"

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Boots the host on `databaseUrl` (migrating it) for the lifetime of the scope. */
export const boot = (databaseUrl: string) =>
  Effect.gen(function* () {
    const choice = yield* readHostFile(process.cwd())
    return yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => createServer({ databaseUrl, ...choice }),
        catch: (e) => new CliError({ message: messageOf(e) }),
      }),
      (server) => Effect.promise(() => server.close()),
    )
  })

export type Booted = TeamopsServer
