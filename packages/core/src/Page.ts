import { Effect } from "effect"
import type { RequestContext } from "./Builder.js"
import { InputError } from "./Errors.js"
import { groupedLoader, requestLoader } from "./Loader.js"
import { fieldError } from "./Resolver.js"

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

const badPage = (path: Array<string>, message: string) => fieldError(new InputError({ path, message }))

/** Checks the Relay arguments; refuses pages above {@link maxPageSize} with a message saying so. */
export const pageOf = (args: ConnectionArgs): Page => {
  if (args.last != null || args.before != null) {
    throw badPage(["last"], "this connection pages forward only: use first and after")
  }
  const limit = args.first ?? defaultPageSize
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw badPage(["first"], `first must be between 0 and ${maxPageSize}, got ${limit}`)
  }
  return { limit, after: args.after == null ? undefined : decodeCursor(args.after) }
}

/** A cursor is the row's sort key, opaque to clients. */
const encodeCursor = (key: ReadonlyArray<string>): string => Buffer.from(JSON.stringify(key)).toString("base64url")

const decodeCursor = (cursor: string): ReadonlyArray<string> => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString())
    if (Array.isArray(key) && key.every((part) => typeof part === "string")) return key
  } catch {}
  throw badPage(["after"], `after: ${JSON.stringify(cursor)} is not a cursor of this connection`)
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

/** A connection over a whole collection: one statement for the page, one for the count when asked. */
export const listConnection = async <T>(
  args: ConnectionArgs,
  source: {
    readonly list: (page: Page) => Promise<ReadonlyArray<T>>
    readonly count: () => Promise<number>
    readonly cursorOf: (row: T) => ReadonlyArray<string>
  },
) => {
  const page = pageOf(args)
  return connectionOf(await source.list(page), page, source.cursorOf, source.count)
}

/** Where the pages of each parent's items come from: a team's members, a person's assessments. */
export interface ChildPages<T, E, R> {
  /** The plugin that owns the items; their loaders are attributed to it. */
  readonly owner: string
  /** Names the loaders of these pages; it must tell apart every filter the fetches depend on. */
  readonly name: string
  /** A page (`page.limit + 1` rows) of the items of each parent, in one statement. */
  readonly page: (parents: ReadonlyArray<string>, page: Page) => Effect.Effect<ReadonlyArray<T>, E, R>
  /** How many items each parent has, in one statement; a parent left out has none. */
  readonly counts: (parents: ReadonlyArray<string>) => Effect.Effect<ReadonlyMap<string, number>, E, R>
  readonly parentOf: (row: T) => string
  readonly cursorOf: (row: T) => ReadonlyArray<string>
}

/**
 * The connection of one parent's items, batched with those of every other parent of the
 * request that asks for the same page: two statements for a list of parents, whatever its length.
 */
export const batchedConnection = async <T, E, R>(
  context: RequestContext,
  parent: string,
  args: ConnectionArgs,
  source: ChildPages<T, E, R>,
) => {
  const page = pageOf(args)
  const pages = groupedLoader(
    source.owner,
    `${source.name}:${JSON.stringify(page)}`,
    (parents) => source.page(parents, page),
    source.parentOf,
  )
  const counts = requestLoader(source.owner, `${source.name}:count`, (parents: ReadonlyArray<string>) =>
    Effect.map(source.counts(parents), (found) => parents.map((id) => found.get(id) ?? 0)),
  )
  const rows = await pages(context).load(parent)
  return connectionOf(rows, page, source.cursorOf, () => counts(context).load(parent))
}
