import { randomUUID } from "node:crypto"
import type { Plugin as YogaPlugin } from "graphql-yoga"

// An id a proxy or client chose is kept when it is short and plain, so one id follows the
// request through every hop; anything else is replaced, never echoed.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/

/** The id of a request: the caller's `x-request-id` when acceptable, else a new UUID. */
export const requestIdOf = (request: Request): string => {
  const given = request.headers.get("x-request-id")
  return given !== null && acceptable.test(given) ? given : randomUUID()
}

/**
 * Every response carries `x-request-id`, the health checks and refusals included, so that a
 * client's report of a failed request names the request the server saw.
 */
export const useRequestId = (ids: WeakMap<Request, string>): YogaPlugin => ({
  onRequest({ request }) {
    ids.set(request, requestIdOf(request))
  },
  onResponse({ request, response }) {
    response.headers.set("x-request-id", ids.get(request) ?? requestIdOf(request))
  },
})
