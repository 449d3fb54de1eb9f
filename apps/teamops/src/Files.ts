import { readFile } from "node:fs/promises"
import { Effect } from "effect"
import { CliError } from "./CliError.js"

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The text of a file; a failure names the file. */
export const readText = (file: string) =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (e) => new CliError({ message: `cannot read ${file}: ${messageOf(e)}` }),
  })

/** Parses JSON read from `source` (a file name, an option); a syntax error names it. */
export const parseJson = (source: string, text: string) =>
  Effect.try({
    try: (): unknown => JSON.parse(text),
    catch: (e) => new CliError({ message: `${source} is not valid JSON: ${messageOf(e)}` }),
  })

/** Several problems, one per line, under a line that counts them. */
export const problemsIn = (source: string, problems: ReadonlyArray<string>) =>
  `${source} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.join("\n")}`
