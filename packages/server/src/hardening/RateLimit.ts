import type { Principal } from "@teamops/core"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { refusal, refusalResponse } from "./Refusal.js"
import { tokenBuckets } from "./TokenBucket.js"

export interface RateLimitConfig {
  /** Requests each caller may send a minute, per server process (default 600). */
  readonly requestsPerMinute: number
}

export const defaultRateLimit: RateLimitConfig = { requestsPerMinute: 600 }

export const resolveRateLimit = (config: Partial<RateLimitConfig> = {}): RateLimitConfig => {
  const requestsPerMinute = config.requestsPerMinute ?? defaultRateLimit.requestsPerMinute
  if (!Number.isInteger(requestsPerMinute) || requestsPerMinute < 1) {
    throw new Error(`rateLimit.requestsPerMinute: expected a positive whole number, got ${requestsPerMinute}`)
  }
  return { requestsPerMinute }
}

/**
 * Whose allowance a request spends: its token's, or the person's under single sign-on (whose
 * identity provider issues a new token every hour). Anonymous requests are refused by the
 * authentication before any work, so they spend none.
 */
export const rateKey = (principal: Principal | undefined): string | undefined => {
  if (principal === undefined) return undefined
  switch (principal.kind) {
    case "person":
      return principal.tokenId ?? `person:${principal.personId}`
    case "service":
      return principal.tokenId
    default:
      return undefined
  }
}

const message = (perMinute: number, seconds: number) =>
  `too many requests: at most ${perMinute} a minute for each token; retry in ${seconds} s`

/**
 * Refuses a caller's requests beyond `requestsPerMinute` with 429 and `Retry-After`. It runs
 * after the authentication, which records each request's caller in `principals`. A batch
 * spends one request for each of its operations.
 */
export const useRateLimit = (
  config: RateLimitConfig,
  principals: WeakMap<Request, Principal>,
  maxBatchOperations: number,
): YogaPlugin => {
  const perMinute = config.requestsPerMinute
  const buckets = tokenBuckets(perMinute)
  const details = (seconds: number) => ({ limit: "requestsPerMinute", max: perMinute, retryAfterSeconds: seconds })
  return {
    onRequest({ request, endResponse }) {
      const key = rateKey(principals.get(request))
      if (key === undefined) return
      const taken = buckets.take(key)
      if (taken.ok) return
      const seconds = taken.retryAfterSeconds
      endResponse(
        refusalResponse(429, "RATE_LIMITED", message(perMinute, seconds), details(seconds), {
          "retry-after": String(seconds),
        }),
      )
    },
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          const key = rateKey(principals.get(request))
          if (key === undefined || !Array.isArray(requestParserResult)) return
          // A batch over its limit is refused next, by yoga, without running: it spends no more.
          const operations = requestParserResult.length
          if (operations < 2 || operations > maxBatchOperations) return
          const taken = buckets.take(key, operations - 1)
          if (taken.ok) return
          const seconds = taken.retryAfterSeconds
          throw refusal("RATE_LIMITED", message(perMinute, seconds), details(seconds), {
            status: 429,
            headers: { "retry-after": String(seconds) },
          })
        },
      }
    },
  }
}
