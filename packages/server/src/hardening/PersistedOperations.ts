import { readFileSync } from "node:fs"
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations"
import { Either, Schema } from "effect"
import { parse } from "graphql"
import type { GraphQLParams, Plugin as YogaPlugin } from "graphql-yoga"
import { refusal } from "./Refusal.js"

export interface PersistedOperationsConfig {
  /** GraphQL Code Generator's persisted documents: a JSON object of sha256 hash → document. */
  readonly file: string
  /** Run only the documents of the file; any other is refused (default false: both run). */
  readonly only?: boolean
}

const PersistedDocuments = Schema.Record({ key: Schema.String, value: Schema.String })

// Code Generator names a document by its hex hash; some clients send it as `sha256:<hex>`.
const hashOf = (id: string) => id.replace(/^sha256:/, "")

/** The documents of `file` by hash; the server does not start on a file it cannot read or a document that does not parse. */
export const readPersistedDocuments = (file: string): ReadonlyMap<string, string> => {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, "utf8"))
  } catch (error) {
    throw new Error(`persistedOperations.file: cannot read ${file}: ${error instanceof Error ? error.message : error}`)
  }
  const decoded = Schema.decodeUnknownEither(PersistedDocuments)(json)
  if (Either.isLeft(decoded)) {
    throw new Error(`persistedOperations.file: ${file} is not an object of hash → document`)
  }
  const documents = new Map<string, string>()
  for (const [hash, document] of Object.entries(decoded.right)) {
    try {
      parse(document)
    } catch (error) {
      throw new Error(`persistedOperations.file: the document ${hash} of ${file} does not parse: ${String(error)}`)
    }
    documents.set(hashOf(hash), document)
  }
  return documents
}

/** The id a request names its document by: `documentId`, or Apollo's `extensions.persistedQuery.sha256Hash`. */
export const persistedIdOf = (params: GraphQLParams & { documentId?: unknown }): string | null => {
  if (typeof params.documentId === "string") return params.documentId
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : null
}

/**
 * Persisted operations: a request that names a registered document by its hash runs that
 * document. With `only`, a request that sends a document of its own is refused, so that the
 * server runs nothing but what the clients were built with.
 */
export const usePersisted = (config: PersistedOperationsConfig): YogaPlugin => {
  const documents = readPersistedDocuments(config.file)
  const only = config.only ?? false
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    extractPersistedOperationId: persistedIdOf,
    getPersistedOperation: (id) => documents.get(hashOf(id)) ?? null,
    customErrors: {
      notFound: ({ params }) =>
        refusal(
          "PERSISTED_QUERY_NOT_FOUND",
          `no registered operation has the hash ${JSON.stringify(persistedIdOf(params))}`,
          {},
          { status: 404 },
        ),
      keyNotFound: () =>
        refusal(
          "PERSISTED_QUERY_ID_REQUIRED",
          "send the operation's documentId (or extensions.persistedQuery.sha256Hash)",
          {},
          { status: 400 },
        ),
      persistedQueryOnly: () =>
        refusal(
          "PERSISTED_QUERY_ONLY",
          "this server runs only registered operations: send the operation's documentId (or extensions.persistedQuery.sha256Hash) instead of its text",
          {},
          { status: 400 },
        ),
    },
  })
}
