import { createReadStream } from "node:fs"
import { readFile } from "node:fs/promises"
import { extname } from "node:path"
import { createInterface } from "node:readline"
import { Effect } from "effect"
import { CliError } from "./CliError.js"

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The text of a file; a failure names the file. */
export const readText = (file: string) =>
  Effect.tryPromise({
    try: () => readFile(file, "utf8"),
    catch: (e) => new CliError({ message: `cannot read ${file}: ${messageOf(e)}` }),
  })

const formats = { ".yaml": "yaml", ".yml": "yaml", ".json": "json" } as const

/** The format of a file people write in YAML or JSON, told by its extension. */
export const formatOf = (file: string) => {
  const format = formats[extname(file).toLowerCase() as keyof typeof formats]
  return format === undefined
    ? Effect.fail(new CliError({ message: `cannot tell the format of ${file}: expected a .yaml, .yml or .json file` }))
    : Effect.succeed(format)
}

/** Parses JSON read from `source` (a file name, an option); a syntax error names it. */
export const parseJson = (source: string, text: string) =>
  Effect.try({
    try: (): unknown => JSON.parse(text),
    catch: (e) => new CliError({ message: `${source} is not valid JSON: ${messageOf(e)}` }),
  })

/** Several problems, one per line, under a line that counts them. */
export const problemsIn = (source: string, problems: ReadonlyArray<string>) =>
  `${source} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.join("\n")}`

/**
 * The lines of a file with their numbers and the bytes up to the end of each, one at a time:
 * the share of the file a progress bar shows (the stream reads ahead, in large chunks).
 */
export async function* linesOf(file: string) {
  const stream = createReadStream(file, { encoding: "utf8" })
  let number = 0
  let read = 0
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    number++
    read += Buffer.byteLength(line) + 1
    yield { number, line, read }
  }
}
