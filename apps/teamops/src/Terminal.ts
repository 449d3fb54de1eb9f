import { Effect } from "effect"

// What the command line prints goes through the library's help renderer, which colours its
// text, names only the last word of a command in usage lines, and states the type of every
// option ("A user-defined piece of text.") before its description. This module prints that
// text plain, so that a file or a pipe gets no colour codes, and tells only what helps.

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g")

// The library's sentence for each type of value, which says nothing the option's own
// description does not.
const typeSentences = new Set([
  "A user-defined piece of text.",
  "A user-defined piece of text that is confidential.",
  "An integer.",
  "A floating point number.",
  "A true or false value.",
  "A date without a time-zone in the ISO-8601 format, such as 2007-12-03T10:15:30.",
  "A file system path.",
  "A directory.",
  "A file.",
])

/**
 * Text as the command line prints it: without colour codes, with usage lines naming the whole
 * command (`$ teamops events import …` for `$ import …`), and without sentences that only name
 * an option's type.
 */
export const printable = (text: string, commandPath: ReadonlyArray<string>) => {
  const last = commandPath.at(-1)
  return text
    .replace(ansi, "")
    .split("\n")
    .filter((line) => !typeSentences.has(line.trim()))
    .map((line) =>
      last !== undefined && (line === `$ ${last}` || line.startsWith(`$ ${last} `))
        ? `$ ${commandPath.join(" ")}${line.slice(2 + last.length)}`
        : line,
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
}

/** Runs `effect` with the text it prints through the console made {@link printable}. */
export const withPrintableOutput = <A, E, R>(effect: Effect.Effect<A, E, R>, commandPath: ReadonlyArray<string>) =>
  Effect.flatMap(Effect.console, (console) => {
    const plain = (args: ReadonlyArray<unknown>) =>
      args.map((a) => (typeof a === "string" ? printable(a, commandPath) : a))
    return Effect.withConsole(effect, {
      ...console,
      log: (...args: ReadonlyArray<unknown>) => console.log(...plain(args)),
      error: (...args: ReadonlyArray<unknown>) => console.error(...plain(args)),
    })
  })
