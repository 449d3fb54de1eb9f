import { GraphQLError } from "graphql"

/** The largest page a connection serves. */
export const maxPageSize = 100
const defaultPageSize = 20

export interface ConnectionArgs {
  readonly first?: number | null | undefined
  readonly after?: string | null | undefined
  readonly last?: number | null | undefined
  readonly before?: string | null | undefined
}

/** A forward page request: at most `limit` items after the `after` position. */
export interface Page {
  readonly limit: number
  readonly after: ReadonlyArray<string> | undefined
}

/** Checks the Relay arguments; refuses pages above {@link maxPageSize} with a message saying so. */
export const pageOf = (args: ConnectionArgs): Page => {
  if (args.last != null || args.before != null) {
    throw new GraphQLError("this connection pages forward only: use first and after")
  }
  const limit = args.first ?? defaultPageSize
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw new GraphQLError(`first must be between 0 and ${maxPageSize}, got ${limit}`)
  }
  return { limit, after: args.after == null ? undefined : decodeCursor(args.after) }
}

/** A cursor is the row's sort key, opaque to clients. */
export const encodeCursor = (key: ReadonlyArray<string>): string =>
  Buffer.from(JSON.stringify(key)).toString("base64url")

const decodeCursor = (cursor: string): ReadonlyArray<string> => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString())
    if (Array.isArray(key) && key.every((part) => typeof part === "string")) return key
  } catch {}
  throw new GraphQLError(`after: ${JSON.stringify(cursor)} is not a cursor of this connection`)
}

/**
 * A Relay connection from rows fetched with `limit + 1` (the extra row only tells that a
 * next page exists).
 */
export const connectionOf = <T>(
  rows: ReadonlyArray<T>,
  page: Page,
  sortKey: (row: T) => ReadonlyArray<string>,
  totalCount: () => Promise<number>,
) => {
  const edges = rows.slice(0, page.limit).map((node) => ({ node, cursor: encodeCursor(sortKey(node)) }))
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  }
}
