import { anonymous, type Principal } from "@teamops/core"
import { Effect, Either } from "effect"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import type { Host } from "../Host.js"
import { appendAudit } from "./AuditLog.js"
import { authenticate } from "./Authenticate.js"
import type { SsoVerifier } from "./Sso.js"

export interface AuthenticationOptions {
  readonly sso?: SsoVerifier
  /** Lets anonymous browsers load GraphiQL's page (not run operations). */
  readonly graphiqlPage: boolean
  /** Where the caller of each request is kept for the GraphQL context. */
  readonly principals: WeakMap<Request, Principal>
}

const unauthenticated = (message: string) =>
  Response.json(
    { errors: [{ message: `not signed in: ${message}`, extensions: { code: "UNAUTHENTICATED" } }] },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="teamops"' } },
  )

const isPageRequest = (request: Request) =>
  request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html")

/**
 * Every request but health, readiness and GraphiQL's page must carry a credential that
 * verifies; the refusal (401) is audited. The caller found is kept for the request's context.
 */
export const useAuthentication = (host: Host, options: AuthenticationOptions): YogaPlugin => ({
  async onRequest({ request, endResponse }) {
    const now = new Date()
    const header = request.headers.get("authorization")
    const found = await host.runtime.runPromise(Effect.either(authenticate(header, options.sso, now)))
    const refused = Either.isLeft(found)
      ? found.left.message
      : found.right.kind === "anonymous" && !(options.graphiqlPage && isPageRequest(request))
        ? "send Authorization: Bearer <token>"
        : undefined
    if (refused === undefined) {
      options.principals.set(request, Either.isRight(found) ? found.right : anonymous)
      return
    }
    await host.runtime.runPromise(
      appendAudit(anonymous, [{ operation: "authenticate", targets: [], outcome: "denied" }], now).pipe(
        Effect.catchAll(() => Effect.void),
      ),
    )
    endResponse(unauthenticated(refused))
  },
})
