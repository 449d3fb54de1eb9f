import { CliConfig, type Command, CommandDescriptor, HelpDoc, Usage } from "@effect/cli"

// Reading an argument list against the command tree before the library parses it: which
// command it names, and which of its options are mistyped. (The library reads an unknown
// option given before the file as the file, and then blames the option's value.)

const builtIns = ["--help", "-h", "--version", "--wizard", "--completions", "--log-level"]

/** A command as the library describes it. */
type Described = CommandDescriptor.Command<unknown>

// The library's descriptors nest: a command with subcommands holds its own part (`parent`)
// and its subcommands (`children`); `Map` wraps another. Its public `getSubcommands` answers
// only the own part of a subcommand, not the subcommand's own children, so the tree is read
// here from those fields.
type Node =
  | { readonly _tag: "Standard" | "GetUserInput"; readonly name: string }
  | { readonly _tag: "Map"; readonly command: Node }
  | { readonly _tag: "Subcommands"; readonly parent: Node; readonly children: ReadonlyArray<Node> }

const nameOf = (node: Node): string =>
  node._tag === "Map" ? nameOf(node.command) : node._tag === "Subcommands" ? nameOf(node.parent) : node.name

const childrenOf = (node: Node): ReadonlyArray<Node> =>
  node._tag === "Map" ? childrenOf(node.command) : node._tag === "Subcommands" ? node.children : []

/**
 * The command `args` (the words after the program's name) run, the words that name it, and
 * the commands on the way to it, whose options may be given after it too.
 */
export const commandOf = <Name extends string>(
  top: Command.Command<Name, any, any, any>,
  program: string,
  args: ReadonlyArray<string>,
) => {
  const path = [program]
  let node = top.descriptor as unknown as Node
  const commands: Array<Described> = []
  for (const word of args) {
    const next = childrenOf(node).find((child) => nameOf(child) === word)
    if (next === undefined) break
    path.push(word)
    node = next
    commands.push(next as unknown as Described)
  }
  return { path, command: commands.at(-1), commands }
}

/** The long option names of a command, read from its usage. */
export const optionNames = (command: Described): ReadonlySet<string> => {
  const usage = Usage.enumerate(CommandDescriptor.getUsage(command), CliConfig.defaultConfig)
  const text = usage.map((span) => HelpDoc.toAnsiText(HelpDoc.p(span))).join(" ")
  return new Set(text.match(/--[a-z][a-z0-9-]*/g) ?? [])
}

/** The edit distance between two words. */
const distance = (a: string, b: string) => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] as number
}

/**
 * The first option of `args` that `known` lacks, said in one line, with the known option
 * closest to it when one is close: `unknown option --batchsize (did you mean --batch-size?)`.
 */
export const unknownOption = (args: ReadonlyArray<string>, known: ReadonlySet<string>): string | undefined => {
  for (const arg of args) {
    if (arg === "--") return undefined
    if (!arg.startsWith("--")) continue
    const name = arg.split("=")[0] as string
    if (known.has(name) || builtIns.includes(name)) continue
    const closest = [...known]
      .map((candidate) => ({ candidate, d: distance(name, candidate) }))
      .sort((x, y) => x.d - y.d)[0]
    return closest !== undefined && closest.d <= 3
      ? `unknown option ${name} (did you mean ${closest.candidate}?)`
      : `unknown option ${name} (options: ${[...known].join(", ") || "none"})`
  }
  return undefined
}
