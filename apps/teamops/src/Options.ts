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
