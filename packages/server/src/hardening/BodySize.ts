import type { Plugin as YogaPlugin } from "graphql-yoga"

/**
 * yoga refuses a body over `maxRequestBodySize` with 413 as soon as its `content-length`, or
 * the bytes counted so far, exceed it, and reads no further. The connection is then closed
 * rather than kept for the next request: Node would otherwise wait for the rest of the body,
 * to discard it, for as long as the sender keeps sending (or stops without ending).
 */
export const useCloseAfterTooLarge = (): YogaPlugin => ({
  onResponse({ response }) {
    if (response.status === 413) response.headers.set("connection", "close")
  },
})
