import type { Client, Document } from "./Client.js"
import { TeamopsError } from "./TeamopsError.js"

/** What a page of a Relay connection holds: its nodes and where the next page starts. */
export interface Connection<N> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null }
  readonly edges: ReadonlyArray<{ readonly node: N }>
}

/**
 * The node type of the one connection an answer of type `T` holds, wherever it is:
 * `{ team: { members: { edges: [{ node: N }] } } }` gives `N`.
 */
export type NodeOf<T> = T extends {
  readonly edges: ReadonlyArray<{ readonly node: infer N }>
  readonly pageInfo: unknown
}
  ? N
  : T extends ReadonlyArray<unknown>
    ? never
    : T extends object
      ? { [K in keyof T]-?: NodeOf<NonNullable<T[K]>> }[keyof T]
      : never

const isConnection = (value: object): value is Connection<unknown> =>
  "pageInfo" in value && "edges" in value && Array.isArray(value.edges)

/** The connections an answer holds, outside the connections themselves. */
const connectionsIn = (value: unknown): Array<Connection<unknown>> => {
  if (value === null || typeof value !== "object") return []
  if (isConnection(value)) return [value]
  return Object.values(value).flatMap(connectionsIn)
}

/** The one connection of an answer; null when it has none (its owner was not found). */
const onlyConnection = (data: unknown): Connection<unknown> | null => {
  const found = connectionsIn(data)
  if (found.length > 1)
    throw refused(
      `paginate: the answer holds ${found.length} connections; pass connectionOf to say which to page through`,
    )
  return found[0] ?? null
}

const refused = (message: string) =>
  new TeamopsError(message, { errors: [], data: undefined, status: undefined, requestId: undefined })

/**
 * Every node of a connection, a page at a time: the document is sent with `after` set to the
 * last page's `endCursor` until `hasNextPage` is false. The document must declare `$after`
 * and ask for `pageInfo { hasNextPage endCursor }`. Without `connectionOf` (which picks the
 * connection out of an answer) the answer must hold exactly one connection.
 */
export function paginate<R, V>(
  client: Pick<Client, "request">,
  document: Document<R, V>,
  variables: NoInfer<V>,
): AsyncGenerator<NodeOf<R>, void, undefined>
export function paginate<R, V, N>(
  client: Pick<Client, "request">,
  document: Document<R, V>,
  variables: NoInfer<V>,
  connectionOf: (data: R) => Connection<N> | null | undefined,
): AsyncGenerator<N, void, undefined>
export async function* paginate<R, V, N>(
  client: Pick<Client, "request">,
  document: Document<R, V>,
  variables: NoInfer<V>,
  connectionOf?: (data: R) => Connection<N> | null | undefined,
): AsyncGenerator<N, void, undefined> {
  const text = String(document)
  if (!/\$after\s*:/.test(text)) throw refused("paginate: the document declares no $after variable")
  if (!/\bpageInfo\s*\{[^}]*\bhasNextPage\b/.test(text) || !/\bpageInfo\s*\{[^}]*\bendCursor\b/.test(text))
    throw refused("paginate: the document asks for no pageInfo { hasNextPage endCursor }")
  let after = (variables as { after?: string | null }).after ?? null
  for (;;) {
    const data = await (client.request as (d: Document<R, V>, v: V) => Promise<R>)(document, { ...variables, after })
    const connection = connectionOf === undefined ? (onlyConnection(data) as Connection<N> | null) : connectionOf(data)
    if (connection == null) return
    for (const edge of connection.edges) yield edge.node
    if (!connection.pageInfo.hasNextPage) return
    if (connection.pageInfo.endCursor == null)
      throw refused("paginate: a page said it has a next one but gave no endCursor")
    after = connection.pageInfo.endCursor
  }
}
