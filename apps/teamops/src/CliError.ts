import { Schema } from "effect"

/** A failure the command line reports as one line on stderr before exiting non-zero. */
export class CliError extends Schema.TaggedError<CliError>()("CliError", { message: Schema.String }) {}
