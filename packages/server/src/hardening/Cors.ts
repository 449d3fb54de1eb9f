import type { YogaServerOptions } from "graphql-yoga"
import { csrfHeader } from "./Csrf.js"

export interface CorsConfig {
  /** The origins whose pages may call the API, each as `scheme://host[:port]`. */
  readonly origins: ReadonlyArray<string>
}

type CorsOption = NonNullable<YogaServerOptions<Record<string, never>, object>["cors"]>

const checkedOrigin = (origin: string) => {
  if (origin === "*") throw new Error('cors.origins: "*" is not accepted; list each origin that may call the API')
  let parsed: URL | undefined
  try {
    parsed = new URL(origin)
  } catch {}
  if (parsed === undefined || parsed.origin !== origin) {
    throw new Error(`cors.origins: expected an origin such as "https://app.example.com", got ${JSON.stringify(origin)}`)
  }
  return origin
}

/**
 * Yoga's CORS setting: none (`false`, no page of another site may read an answer) unless
 * origins are listed. A listed origin is answered with itself, never `*`; other origins get
 * no CORS headers, so their browser keeps the answer from them. Credentials (cookies) are
 * never allowed: callers authenticate with the Authorization header.
 */
export const corsOptions = (config: CorsConfig | undefined): CorsOption => {
  if (config === undefined) return false
  const allowed = new Set(config.origins.map(checkedOrigin))
  return (request: Request) => {
    const origin = request.headers.get("origin")
    if (origin === null || !allowed.has(origin)) return false
    return {
      origin: [origin],
      credentials: false,
      methods: ["GET", "POST"],
      allowedHeaders: ["authorization", "content-type", csrfHeader],
      // A page may read the id of a request it reports as failed.
      exposedHeaders: ["x-request-id"],
      maxAge: 600,
    }
  }
}
