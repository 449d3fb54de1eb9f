import type { Client, Document } from "./Client.js"
import { TeamopsError } from "./TeamopsError.js"

/** What a page of a Relay connection holds: its nodes and where the next page starts. */
export interface Connection<N> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null }
  readonly edges: ReadonlyArray<{ readonly node: N }>
}

const refused = (message: string) =>
  new TeamopsError(message, { errors: [], data: undefined, status: undefined, requestId: undefined })

/**
 * Every node of a connection, a page at a time: the document is sent with `after` set to the
 * last page's `endCursor` until `hasNextPage` is false. The document must declare `$after`
 * and ask for `pageInfo { hasNextPage endCursor }`; `connectionOf` picks the connection out of
 * an answer.
 */
export async function* paginate<R, V, N>(
  client: Client,
  document: Document<R, V>,
  variables: NoInfer<V>,
  connectionOf: (data: R) => Connection<N> | null | undefined,
): AsyncGenerator<N, void, undefined> {
  const text = String(document)
  if (!/\$after\s*:/.test(text)) throw refused("paginate: the document declares no $after variable")
  if (!/\bpageInfo\s*\{[^}]*\bhasNextPage\b/.test(text) || !/\bpageInfo\s*\{[^}]*\bendCursor\b/.test(text))
    throw refused("paginate: the document asks for no pageInfo { hasNextPage endCursor }")
  let after = (variables as { after?: string | null }).after ?? null
  for (;;) {
    const data = await (client.request as (d: Document<R, V>, v: V) => Promise<R>)(document, { ...variables, after })
    const connection = connectionOf(data)
    if (connection == null) return
    for (const edge of connection.edges) yield edge.node
    if (!connection.pageInfo.hasNextPage) return
    if (connection.pageInfo.endCursor == null)
      throw refused("paginate: a page said it has a next one but gave no endCursor")
    after = connection.pageInfo.endCursor
  }
}
