/** A caller's allowance: `tokens` left, as of `at` (milliseconds). */
interface Bucket {
  tokens: number
  at: number
}

export type Taken = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }

// Above this many callers, the buckets that are full again are dropped (they hold nothing a
// fresh bucket would not), so that memory follows the callers of the last minute.
const sweepAbove = 10_000

/**
 * Token buckets by key, in memory: each holds up to `perMinute` requests and refills at
 * `perMinute` a minute, so a caller may send a burst of a minute's worth, then keeps to the
 * rate. Each server process counts on its own.
 */
export const tokenBuckets = (perMinute: number, now: () => number = Date.now) => {
  const buckets = new Map<string, Bucket>()
  const perMs = perMinute / 60_000
  const refilled = (bucket: Bucket, at: number) => Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs)

  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) if (refilled(bucket, at) >= perMinute) buckets.delete(key)
  }

  /** Takes `count` requests from `key`'s bucket, or says in how many seconds they would be there. */
  const take = (key: string, count = 1): Taken => {
    const at = now()
    let bucket = buckets.get(key)
    if (bucket === undefined) {
      if (buckets.size >= sweepAbove) sweep(at)
      bucket = { tokens: perMinute, at }
      buckets.set(key, bucket)
    }
    const tokens = refilled(bucket, at)
    bucket.at = at
    if (tokens >= count) {
      bucket.tokens = tokens - count
      return { ok: true }
    }
    bucket.tokens = tokens
    // A request larger than a whole bucket never fits: wait for a full bucket and send less.
    const missing = Math.min(count, perMinute) - tokens
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / perMs / 1000)) }
  }
  return { take, size: () => buckets.size }
}
