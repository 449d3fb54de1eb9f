import type { Principal } from "@teamops/core"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { useArmor } from "./Armor.js"
import { useCloseAfterTooLarge } from "./BodySize.js"
import { type CorsConfig, corsOptions } from "./Cors.js"
import { useCsrfPrevention } from "./Csrf.js"
import { introspectionAllowed, useNoIntrospection } from "./Introspection.js"
import { type Limits, resolveLimits } from "./Limits.js"
import { useOperationQueue } from "./OperationQueue.js"
import { type PersistedOperationsConfig, usePersisted } from "./PersistedOperations.js"
import { type RateLimitConfig, resolveRateLimit, useRateLimit } from "./RateLimit.js"
import { useRequestTimeout } from "./Timeout.js"

/** What a server configuration says about its limits and defences; every part is optional. */
export interface HardeningConfig {
  readonly limits?: Partial<Limits>
  readonly rateLimit?: Partial<RateLimitConfig>
  readonly cors?: CorsConfig
  readonly persistedOperations?: PersistedOperationsConfig
  readonly introspection?: boolean
}

/**
 * The configuration checked and completed with the defaults, before the host boots, so that
 * a mistake in it (an unknown limit, `*` among the origins, an unreadable persisted-documents
 * file) stops the server before it opens the database.
 */
export const hardeningSettings = (config: HardeningConfig) => {
  const limits = resolveLimits(config.limits)
  const introspection = introspectionAllowed(config.introspection)
  return {
    limits,
    rateLimit: resolveRateLimit(config.rateLimit),
    introspection,
    cors: corsOptions(config.cors),
    persisted: config.persistedOperations ? usePersisted(config.persistedOperations) : undefined,
    /** The options of yoga that enforce limits themselves. */
    yogaOptions: {
      // yoga checks `content-length` and counts a body sent without one, refusing either with 413.
      maxRequestBodySize: limits.maxBodyBytes,
      batching: { limit: limits.maxBatchOperations },
      // Persisted operations may be named by `documentId`, as GraphQL Code Generator's clients do.
      extraParamNames: ["documentId"],
    },
  }
}

export type HardeningSettings = ReturnType<typeof hardeningSettings>

/**
 * The plugins that go right after the authentication, in this order: the rate limit (which
 * needs the caller), then what refuses a request before it runs (a body too large, a forged cross-site request,
 * a document not registered, one over a limit, introspection), then the queue of operations
 * and the timeout.
 */
export const hardeningPlugins = (
  settings: HardeningSettings,
  principals: WeakMap<Request, Principal>,
): ReadonlyArray<YogaPlugin> => [
  useRateLimit(settings.rateLimit, principals, settings.limits.maxBatchOperations),
  useCloseAfterTooLarge(),
  useCsrfPrevention(),
  ...(settings.persisted ? [settings.persisted] : []),
  useArmor(settings.limits, { suggestions: settings.introspection }),
  ...(settings.introspection ? [] : [useNoIntrospection()]),
  // A later plugin wraps the earlier: the timeout counts the time spent waiting in the queue.
  useOperationQueue(settings.limits.maxConcurrentOperations),
  useRequestTimeout(settings.limits.requestTimeoutMs),
]
