import {
  type Access,
  InputError,
  type Plugin,
  PluginError,
  type PluginRoute,
  type Principal,
  type RouteRequest,
  toInputError,
} from "@teamops/core"
import { Cause, Effect, Exit, Option, Schema } from "effect"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { requestAccess } from "./access/RequestAccess.js"
import type { Host } from "./Host.js"
import type { Limits } from "./hardening/Limits.js"
import { refusalResponse } from "./hardening/Refusal.js"

interface Mounted {
  readonly pluginId: string
  readonly route: PluginRoute
  readonly segments: ReadonlyArray<string>
}

const segmentsOf = (path: string) => path.split("/").filter((s) => s.length > 0)

// A segment that is not valid percent-encoding matches no `:name`.
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** The `:name` values when `path` matches, else undefined. */
const match = (mounted: Mounted, path: ReadonlyArray<string>) => {
  if (mounted.segments.length !== path.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, segment] of mounted.segments.entries()) {
    const given = path[i] as string
    if (!segment.startsWith(":")) {
      if (segment !== given) return undefined
      continue
    }
    const value = decoded(given)
    if (value === undefined) return undefined
    params[segment.slice(1)] = value
  }
  return params
}

/** Refuses two routes of a plugin with one method and path, or a path not starting with `/`. */
export const checkRoutes = (plugin: Plugin<any>) => {
  const seen = new Set<string>()
  for (const [index, { method, path }] of (plugin.routes ?? []).entries()) {
    const where = `plugin "${plugin.id}": route ${index} (${method} ${path})`
    if (!path.startsWith("/"))
      return new PluginError({ pluginId: plugin.id, message: `${where}: the path must start with "/"` })
    const key = `${method} /${segmentsOf(path)
      .map((s) => (s.startsWith(":") ? ":" : s))
      .join("/")}`
    if (seen.has(key))
      return new PluginError({ pluginId: plugin.id, message: `${where}: another route has this method and path` })
    seen.add(key)
  }
  return Effect.void
}

/** Reads at most `max` bytes of the body; undefined when it holds more. */
const readBody = async (request: Request, max: number) => {
  const declared = Number(request.headers.get("content-length") ?? "0")
  if (declared > max || request.body === null) return declared > max ? undefined : ""
  const reader = request.body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString("utf8")
}

const bodyDecoder =
  (text: string): RouteRequest["body"] =>
  (schema) =>
    Schema.decodeUnknown(Schema.parseJson(schema), { errors: "all", onExcessProperty: "error" })(text).pipe(
      Effect.mapError((e) => toInputError(e, ["body"])),
    )

const statusOf: Record<string, number> = { InputError: 400, NotFoundError: 404, ConflictError: 409 }

/** A failure the handler declared (tagged, with a message), not the database's. */
const typedFailure = (cause: Cause.Cause<unknown>) => {
  const failure = Cause.failureOption(cause)
  if (Option.isNone(failure)) return undefined
  const error = failure.value as { _tag?: unknown; message?: unknown }
  return typeof error._tag === "string" && typeof error.message === "string" && error._tag !== "DbError"
    ? (failure.value as { _tag: string; message: string })
    : undefined
}

const answer = (value: unknown) => (value instanceof Response ? value : Response.json(value ?? null))

/**
 * Serves the plugins' routes under `/plugins/<id>/`. It runs after the authentication and the
 * rate limit, so a route sees the caller GraphQL would, and is counted alike; the body and the
 * time a handler takes are bounded by the request limits.
 */
export const usePluginRoutes = (
  host: Host,
  principals: WeakMap<Request, Principal>,
  limits: Pick<Limits, "maxBodyBytes" | "requestTimeoutMs">,
): YogaPlugin => {
  const mounted: Array<Mounted> = host.booted.flatMap((plugin) =>
    (plugin.routes ?? []).map((route) => ({ pluginId: plugin.id, route, segments: segmentsOf(route.path) })),
  )
  return {
    async onRequest({ request, url, endResponse }) {
      const [prefix, pluginId, ...path] = segmentsOf(url.pathname)
      if (prefix !== "plugins" || pluginId === undefined) return
      const ofPlugin = mounted.filter((m) => m.pluginId === pluginId)
      const matching = ofPlugin.flatMap((m) => {
        const params = match(m, path)
        return params === undefined ? [] : [{ ...m, params }]
      })
      const found = matching.find((m) => m.route.method === request.method)
      if (found === undefined) {
        const allowed = matching.map((m) => m.route.method)
        return endResponse(
          allowed.length > 0
            ? refusalResponse(
                405,
                "METHOD_NOT_ALLOWED",
                `${url.pathname} answers ${allowed.join(", ")}`,
                {},
                { allow: allowed.join(", ") },
              )
            : refusalResponse(404, "NOT_FOUND", `no route ${request.method} ${url.pathname}`),
        )
      }
      const access: Access = requestAccess(host, principals.get(request) ?? { kind: "anonymous" })
      if (!(await access.allows(found.route.allow))) {
        return endResponse(refusalResponse(403, "FORBIDDEN", `not allowed: ${request.method} ${url.pathname}`))
      }
      const text = request.method === "GET" ? "" : await readBody(request, limits.maxBodyBytes)
      if (text === undefined) {
        return endResponse(
          refusalResponse(
            413,
            "PAYLOAD_TOO_LARGE",
            `the body is over ${limits.maxBodyBytes} bytes`,
            {},
            { connection: "close" },
          ),
        )
      }
      const handled = found.route.handle({ request, url, params: found.params, access, body: bodyDecoder(text) })
      const exit = await host.runtime.runPromiseExit(
        handled.pipe(
          Effect.timeoutFail({
            duration: limits.requestTimeoutMs,
            onTimeout: () => new Cause.TimeoutException(`over ${limits.requestTimeoutMs} ms`),
          }),
          Effect.tapErrorCause((cause) =>
            typedFailure(cause) !== undefined
              ? Effect.void
              : Effect.logError(`route ${request.method} ${url.pathname} failed`, cause).pipe(
                  Effect.annotateLogs("plugin", found.pluginId),
                ),
          ),
        ),
      )
      if (Exit.isSuccess(exit)) return endResponse(answer(exit.value))
      const typed = typedFailure(exit.cause)
      return endResponse(
        typed instanceof Cause.TimeoutException
          ? refusalResponse(503, "TIMEOUT", `the request took over ${limits.requestTimeoutMs} ms`)
          : typed !== undefined
            ? refusalResponse(
                statusOf[typed._tag] ?? 422,
                typed._tag,
                typed.message,
                typed instanceof InputError ? { path: typed.path.join(".") } : {},
              )
            : refusalResponse(500, "INTERNAL_SERVER_ERROR", "Unexpected error."),
      )
    },
  }
}
