import type { Effect, Schema } from "effect"
import type { Access, AuthScopeMap } from "./Access.js"
import type { InputError } from "./Errors.js"

/** What a route's handler is given of one HTTP request. */
export interface RouteRequest {
  readonly request: Request
  readonly url: URL
  /** The values of the path's `:name` segments. */
  readonly params: Readonly<Record<string, string>>
  /** The caller, as GraphQL resolvers see them. */
  readonly access: Access
  /**
   * The JSON body decoded with `schema`: a body that is not JSON, or does not decode, is an
   * `InputError` naming the field (answered 400 unless the handler catches it).
   */
  readonly body: <A, I>(schema: Schema.Schema<A, I, never>) => Effect.Effect<A, InputError>
}

export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * An HTTP endpoint of a plugin, served at `/plugins/<plugin id><path>` (a CRM's or a helpdesk's
 * webhook), behind the same authentication, rate limit, body size and time limits as GraphQL.
 */
export interface PluginRoute {
  readonly method: RouteMethod
  /** Relative to the plugin's prefix, starting with `/`; a `:name` segment matches any one segment. */
  readonly path: string
  /** Who may call it, as a GraphQL field's `authScopes` says (`{ scope: "events:write" }`). */
  readonly allow: AuthScopeMap
  /**
   * Answers a `Response`, or a value sent as JSON with status 200. A typed failure with a
   * `message` is answered as JSON with its tag: `InputError` 400, `NotFoundError` 404,
   * `ConflictError` 409, any other 422; a `DbError` or a defect is logged and answered 500.
   */
  readonly handle: (request: RouteRequest) => Effect.Effect<unknown, unknown, any>
}

export const route = <A, E, R>(
  method: RouteMethod,
  path: `/${string}`,
  allow: AuthScopeMap,
  handle: (request: RouteRequest) => Effect.Effect<A, E, R>,
): PluginRoute => ({ method, path, allow, handle })
