import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core"
import { type Connection, type NodeOf, paginate } from "./Paginate.js"
import { type GraphQLErrorEntry, TeamopsError } from "./TeamopsError.js"

/** A document the SDK generated (typed by its result and variables), or a plain query string. */
export type Document<R, V> = DocumentTypeDecoration<R, V> | string

export interface ClientOptions {
  /** The GraphQL endpoint: `http://localhost:4000/graphql`. */
  readonly url: string
  /** An API token (`tops_…`), sent as `Authorization: Bearer <token>`. */
  readonly token: string
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch
  /** How many times a request is sent again after a network error, a 429 or a 503; default 3. */
  readonly retries?: number
  /** How long one attempt may take; default 30 seconds. */
  readonly timeoutMs?: number
  /**
   * Send the SDK's documents by their hash (`documentId`) instead of their text, to a server
   * that loaded the SDK's persisted-documents.json; default false. Plain strings are sent as text.
   */
  readonly persisted?: boolean
}

export interface Client {
  /** Sends one operation and answers its `data`; anything else is a {@link TeamopsError}. */
  readonly request: <R, V>(document: Document<R, V>, ...variables: VariablesOf<V>) => Promise<R>
  /**
   * Every node of the Relay connection the document asks for, a page at a time; the document
   * declares `$after` and asks for `pageInfo { hasNextPage endCursor }`. When the answer holds
   * more than one connection, `connectionOf` picks the one to page through.
   */
  readonly paginate: {
    <R, V>(document: Document<R, V>, variables: V): AsyncGenerator<NodeOf<R>, void, undefined>
    <R, V, N>(
      document: Document<R, V>,
      variables: V,
      connectionOf: (data: R) => Connection<N> | null | undefined,
    ): AsyncGenerator<N, void, undefined>
  }
}

/** Variables may be left out when the operation takes none that are required. */
type VariablesOf<V> = Record<string, never> extends V ? [variables?: V] : [variables: V]

interface Answer {
  readonly data?: unknown
  readonly errors?: ReadonlyArray<GraphQLErrorEntry>
}

const transient = (status: number) => status === 429 || status === 503

/** The wait before attempt `n` (1 for the first retry): the server's `Retry-After`, else 250 ms doubling. */
const backoff = (attempt: number, retryAfter: string | null) => {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 250 * 2 ** (attempt - 1)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A client of one teamops server. A request is sent again, at most `retries` times, only when
 * sending it again cannot do harm: after a network error or a timeout, and after a 429 (waiting
 * what `Retry-After` says) or a 503. A 4xx other than 429, or an answer with GraphQL errors, is
 * never retried.
 */
export const createClient = (options: ClientOptions): Client => {
  const fetchOf = options.fetch ?? fetch
  const retries = options.retries ?? 3
  const timeoutMs = options.timeoutMs ?? 30_000

  const attempt = async (body: string) => {
    const response = await fetchOf(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        authorization: `Bearer ${options.token}`,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    })
    return { response, text: await response.text() }
  }

  const bodyOf = (document: Document<any, any>, variables: unknown, byHash: boolean) => {
    const hash = byHash ? hashOf(document) : undefined
    return JSON.stringify(
      hash === undefined ? { query: String(document), variables: variables ?? {} } : { documentId: hash, variables },
    )
  }

  const request = async <R, V>(document: Document<R, V>, ...[variables]: VariablesOf<V>): Promise<R> => {
    const persisted = options.persisted === true && hashOf(document) !== undefined
    try {
      return await send<R>(bodyOf(document, variables, persisted))
    } catch (error) {
      // A server with an older list of documents runs this one from its text, if it runs any.
      if (persisted && error instanceof TeamopsError && codeOf(error) === "PERSISTED_QUERY_NOT_FOUND")
        return send<R>(bodyOf(document, variables, false))
      throw error
    }
  }

  const send = async <R>(body: string): Promise<R> => {
    for (let n = 0; ; n++) {
      let sent: Awaited<ReturnType<typeof attempt>>
      try {
        sent = await attempt(body)
      } catch (error) {
        if (n < retries) {
          await sleep(backoff(n + 1, null))
          continue
        }
        throw new TeamopsError(`the request failed: ${(error as Error).message}`, {
          errors: [],
          data: undefined,
          status: undefined,
          requestId: undefined,
        })
      }
      const { response, text } = sent
      if (transient(response.status) && n < retries) {
        await sleep(backoff(n + 1, response.headers.get("retry-after")))
        continue
      }
      return answerOf<R>(response, text)
    }
  }
  const client: Client = {
    request,
    paginate: ((document: Document<any, any>, variables: unknown, connectionOf?: (data: unknown) => unknown) =>
      paginate(client, document, variables, connectionOf as never)) as Client["paginate"],
  }
  return client
}

/** The hash code generation gave a document, when it was generated with one. */
const hashOf = (document: Document<any, any>): string | undefined => {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__
  return typeof meta?.hash === "string" ? meta.hash : undefined
}

const codeOf = (error: TeamopsError) => error.errors[0]?.extensions?.code

/** The `data` of an answer, or a {@link TeamopsError} with whatever the answer said. */
const answerOf = <R>(response: Response, text: string): R => {
  const requestId = response.headers.get("x-request-id") ?? undefined
  let answer: Answer | undefined
  try {
    answer = JSON.parse(text) as Answer
  } catch {
    answer = undefined
  }
  const errors = answer?.errors ?? []
  if (response.ok && answer?.data != null && errors.length === 0) return answer.data as R
  const first = errors[0]?.message ?? (answer === undefined ? text.slice(0, 200) : "no data")
  throw new TeamopsError(`HTTP ${response.status}: ${first}`, {
    errors,
    data: answer?.data ?? undefined,
    status: response.status,
    requestId,
  })
}
