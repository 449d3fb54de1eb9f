import { Options } from "@effect/cli"
import { Config } from "effect"

export const defaultDatabase = ".teamops/teamops.db"

/** `--database`, else `TEAMOPS_DATABASE_URL`, else `.teamops/teamops.db` under the working directory. */
export const database = Options.text("database").pipe(
  Options.withDescription(
    "Database URL: a SQLite file path, sqlite:PATH, or postgres://… (env TEAMOPS_DATABASE_URL; default .teamops/teamops.db)",
  ),
  Options.withFallbackConfig(Config.string("TEAMOPS_DATABASE_URL")),
  Options.withDefault(defaultDatabase),
)

/** `--port`, else `PORT`, else 4000. */
export const port = Options.integer("port").pipe(
  Options.withDescription("Port to listen on (env PORT; default 4000)"),
  Options.withFallbackConfig(Config.integer("PORT")),
  Options.withDefault(4000),
)

/** `--host`, else `TEAMOPS_HOST`, else 127.0.0.1: only this machine, unless the server is put on a network on purpose. */
export const host = Options.text("host").pipe(
  Options.withDescription(
    "Address to listen on (env TEAMOPS_HOST; default 127.0.0.1, this machine only; 0.0.0.0 for every interface)",
  ),
  Options.withFallbackConfig(Config.string("TEAMOPS_HOST")),
  Options.withDefault("127.0.0.1"),
)
