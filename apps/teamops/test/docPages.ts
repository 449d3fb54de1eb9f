// Reading the worked examples of a documentation page: its fenced blocks, and each GraphQL
// request with its variables and the answer the page shows.

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
      file: /`([\w.-]+\.jsonl?)`:$/.exec(before)?.[1],
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
