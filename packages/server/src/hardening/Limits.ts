/**
 * The bounds of one request. Each is checked before the operation runs (the body, the batch,
 * the document's tokens, depth, aliases, directives and cost) except the timeout, which stops
 * waiting for a running operation. `ServerConfig.limits` overrides any of them.
 */
export interface Limits {
  /** Levels of nested selections in one operation (fragments count where they are spread). */
  readonly maxDepth: number
  /** Aliased fields in one operation. */
  readonly maxAliases: number
  /** Tokens (names, punctuation, values) of the document; comments and whitespace do not count. */
  readonly maxTokens: number
  /** Directives (`@include`, `@skip`, …) in one operation. */
  readonly maxDirectives: number
  /** The estimated cost of one operation: a field costs 1, an object 2, more the deeper it is, times `first`. */
  readonly maxCost: number
  /** Bytes of the request body, declared (`content-length`) or counted as it arrives. */
  readonly maxBodyBytes: number
  /** Operations in one batched request (a JSON array of operations). */
  readonly maxBatchOperations: number
  /** Milliseconds an operation may run before the server answers with an error instead. */
  readonly requestTimeoutMs: number
  /** Operations one server process runs at once; the others wait their turn, in the order they came. */
  readonly maxConcurrentOperations: number
}

/**
 * The defaults start from graphql-armor's (depth 6, 15 aliases, 1,000 tokens, 50 directives,
 * cost 5,000) and are raised only where an operation this repository sends needs more, as
 * measured over every test, the guides' examples the tests run, GraphiQL's example operations
 * and the benchmark (`bench/dashboard.graphql` and the mutations that fill its database):
 */
export const defaultLimits: Limits = {
  // Raised from 6: the deepest operations are 8 levels (a page of teams with their members'
  // managers, the benchmark's team page), as a Relay connection spends two levels (edges,
  // node) on each list.
  maxDepth: 8,
  // armor's: at most 14 aliases are sent (the benchmark's ratings of one person by one rater).
  maxAliases: 15,
  // armor's: the longest document sent (the benchmark's team page) has 243 tokens.
  maxTokens: 1_000,
  // armor's: no operation sent uses a directive.
  maxDirectives: 50,
  // Raised from 5,000: a page of 100 people with 10 assessments each costs 68,703 (the tests
  // that count statements for full pages), the benchmark's team page 42,745.
  maxCost: 70_000,
  // Not armor's (yoga allows 25 MB): the largest body sent is 1,000,392 bytes (a ladder file
  // one character over its limit of 1,000,000); 5,000 events of the benchmark take 848 KB.
  // 4 MiB holds a ladder file of 1,000,000 characters whatever they are in UTF-8, and a batch
  // of 10,000 events.
  maxBodyBytes: 4 * 1024 * 1024,
  // yoga's default when batching is on; nothing in the repository batches.
  maxBatchOperations: 10,
  // The slowest operation measured took 2.8 s (the benchmark's team page, ten in flight).
  requestTimeoutMs: 30_000,
  // Ten requests in flight for the benchmark's team page are answered as fast with four at
  // once as with ten, with the slowest nearer the median and less memory held.
  maxConcurrentOperations: 4,
}

const positiveInteger = (name: string, value: unknown) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new Error(`limits.${name}: expected a positive whole number, got ${JSON.stringify(value)}`)
  }
}

/** The defaults with `overrides` applied; a value that is not a positive whole number is refused by name. */
export const resolveLimits = (overrides: Partial<Limits> = {}): Limits => {
  const unknown = Object.keys(overrides).filter((key) => !(key in defaultLimits))
  if (unknown.length > 0) throw new Error(`limits: unknown ${unknown.map((key) => `"${key}"`).join(", ")}`)
  const limits = { ...defaultLimits, ...withoutUndefined(overrides) }
  for (const [name, value] of Object.entries(limits)) positiveInteger(name, value)
  return limits
}

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
