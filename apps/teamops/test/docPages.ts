// Reading the worked examples of a documentation page: its fenced blocks, and each GraphQL
// request with its variables and the answer the page shows.
import { readFileSync } from "node:fs"

export interface Block {
  readonly lang: string
  readonly text: string
  readonly line: number
  /** The file the block holds, when the line before it names one: "Save this as `org.json`:". */
  readonly file: string | undefined
}

export interface Example {
  readonly title: string
  readonly graphql: string
  readonly variables: Record<string, unknown>
  readonly expected: { readonly data?: unknown; readonly errors?: unknown }
}

/** The fenced blocks of a page, in order. */
export const blocksOf = (page: string): ReadonlyArray<Block> =>
  [...page.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => {
    const before = page.slice(0, m.index).trimEnd().split("\n").at(-1) ?? ""
    return {
      lang: m[1] as string,
      text: m[2] as string,
      line: page.slice(0, m.index).split("\n").length,
      file: /`([\w.-]+\.(?:jsonl?|ya?ml))`:$/.exec(before)?.[1],
    }
  })

/**
 * The request of the GraphQL block at `i`: the next json block is its answer, or its
 * variables when it holds neither `data` nor `errors`, and then the one after is the answer.
 */
export const exampleAt = (name: string, blocks: ReadonlyArray<Block>, i: number): Example => {
  const block = blocks[i] as Block
  const json = (at: number) => {
    const next = blocks[at]
    if (next?.lang !== "json" || next.file !== undefined) {
      throw new Error(`${name}:${block.line}: expected a json block after the request`)
    }
    return JSON.parse(next.text) as Record<string, unknown>
  }
  let answer = json(i + 1)
  let variables: Record<string, unknown> = {}
  if (!("data" in answer) && !("errors" in answer)) {
    variables = answer
    answer = json(i + 2)
  }
  const first = block.text.split("\n").find((l) => l.trim() !== "{") ?? ""
  return { title: `line ${block.line}: ${first.trim()}`, graphql: block.text, variables, expected: answer }
}

/** Whether `value` is a Relay global id (`base64("Type:id")`). */
const isGlobalId = (value: unknown): value is string => {
  if (typeof value !== "string") return false
  const decoded = Buffer.from(value, "base64").toString()
  return /^[A-Z][A-Za-z]*:[0-9A-Za-z-]+$/.test(decoded) && Buffer.from(decoded).toString("base64") === value
}

/**
 * The ids of a page's answers, matched to a server's. Ids are made when rows are created, so
 * the page's ids are not the server's: each id in an answer the page shows stands for the id
 * at the same place in the real answer (`learn`), and a request of the page that uses it is
 * sent with the real one (`real`).
 */
export const exampleIds = () => {
  const ids = new Map<string, string>()
  const learn = (shown: unknown, real: unknown): void => {
    if (isGlobalId(shown) && isGlobalId(real)) {
      if ((ids.get(shown) ?? real) !== real) throw new Error(`the page's id ${shown} stands for two ids`)
      ids.set(shown, real)
    } else if (Array.isArray(shown) && Array.isArray(real)) {
      for (const [index, item] of shown.entries()) learn(item, real[index])
    } else if (typeof shown === "object" && shown !== null && typeof real === "object" && real !== null) {
      for (const [key, value] of Object.entries(shown)) learn(value, (real as Record<string, unknown>)[key])
    }
  }
  const real = (shown: unknown): unknown => {
    if (isGlobalId(shown)) {
      const found = ids.get(shown)
      if (found === undefined) throw new Error(`the id ${shown} appears in no answer before it`)
      return found
    }
    if (Array.isArray(shown)) return shown.map(real)
    if (typeof shown === "object" && shown !== null) {
      return Object.fromEntries(Object.entries(shown).map(([key, value]) => [key, real(value)]))
    }
    return shown
  }
  return { learn, real }
}

/**
 * A page's worked example: the files it shows, by name; each `sh` command with the block
 * after it, its output; and each GraphQL request with its answer.
 */
export const workedExample = (name: string) => {
  const blocks = blocksOf(readFileSync(new URL(`../../../${name}`, import.meta.url), "utf8"))
  const files = new Map(blocks.flatMap((b) => (b.file === undefined ? [] : [[b.file, b.text] as const])))
  return {
    fileText: (file: string) => {
      const text = files.get(file)
      if (text === undefined) throw new Error(`${name} shows no file ${file}`)
      return text
    },
    commands: blocks.flatMap((block, i) =>
      block.lang === "sh" ? [{ words: block.text.trim().split(/\s+/), output: blocks[i + 1] as Block }] : [],
    ),
    examples: blocks.flatMap((block, i) => (block.lang === "graphql" ? [exampleAt(name, blocks, i)] : [])),
  }
}
