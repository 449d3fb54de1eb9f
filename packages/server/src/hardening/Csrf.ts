import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { refusal } from "./Refusal.js"

/** The header that marks a request as sent by a script, which a browser lets another site send only after CORS allows it. */
export const csrfHeader = "x-graphql-yoga-csrf"

/**
 * A browser sends a form, a `text/plain` POST or a GET to another site without asking it
 * first (no CORS preflight). Such a request runs no operation unless it carries
 * {@link csrfHeader}; a JSON POST is always preflighted, so it needs nothing more. Tokens are
 * not cookies, so a forged request would also lack a credential; this holds whatever
 * credentials come to be used.
 */
export const useCsrfPrevention = (): YogaPlugin => {
  const prevention = useCSRFPrevention({ requestHeaders: [csrfHeader] })
  const check = prevention.onRequestParse
  return {
    onRequestParse(payload) {
      try {
        return check?.(payload)
      } catch {
        throw refusal(
          "CSRF_PREVENTED",
          `send operations as a POST with content-type application/json; a GET, a form or text/plain must carry the header ${csrfHeader}`,
          {},
          { status: 403 },
        )
      }
    },
  }
}
