import { type Builder, LimitsRef, maxPageSize, ownRef } from "@teamops/core"
import { type Limits, resolveLimits } from "./Limits.js"
import { type RateLimitConfig, resolveRateLimit } from "./RateLimit.js"

const described: ReadonlyArray<readonly [Published, string]> = [
  ["maxPageSize", "Items in one page of a connection (`first`), and ids in one `nodes(ids:)`."],
  ["maxDepth", "Levels of nested selections in one operation."],
  ["maxAliases", "Aliased fields in one operation."],
  ["maxTokens", "Tokens of one document (comments and whitespace do not count)."],
  ["maxDirectives", "Directives in one operation."],
  ["maxCost", "The estimated cost of one operation; a page counts its fields `first` times."],
  ["maxBodyBytes", "Bytes of one request body."],
  ["maxBatchOperations", "Operations in one batched request."],
  ["requestTimeoutMs", "Milliseconds an operation may run before it is answered with an error."],
  ["maxConcurrentOperations", "Operations one server process runs at once; the others wait their turn."],
  [
    "requestsPerMinute",
    "Requests one token (or person, under single sign-on) may send a minute, to each server process.",
  ],
]

type Published = keyof Limits | "maxPageSize" | "requestsPerMinute"

/**
 * `limits { … }`: the bounds this server enforces, for any signed-in caller, so that a client
 * can page and batch within them. The host's `Limits` type is the shared `LimitsRef`, which
 * plugins add their own bounds to.
 */
export const limitsSchema = (builder: Builder, limits?: Partial<Limits>, rateLimit?: Partial<RateLimitConfig>) => {
  const published: Readonly<Record<Published, number>> = {
    ...resolveLimits(limits),
    maxPageSize,
    requestsPerMinute: resolveRateLimit(rateLimit).requestsPerMinute,
  }
  const LimitsType = builder.objectType(ownRef(builder, LimitsRef), {
    description: "The bounds past which the server refuses a request; each refusal names the limit it hit.",
    fields: (t) =>
      Object.fromEntries(described.map(([name, description]) => [name, t.exposeInt(name, { description })])),
  })
  builder.queryField("limits", (t) =>
    t.field({
      type: LimitsType,
      authScopes: { signedIn: true },
      description: "The limits of this server.",
      resolve: () => published,
    }),
  )
}
