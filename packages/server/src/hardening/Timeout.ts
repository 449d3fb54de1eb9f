import type { ExecutionResult } from "graphql"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { refusal } from "./Refusal.js"

const timedOut = (ms: number): ExecutionResult => ({
  data: null,
  errors: [
    refusal(
      "REQUEST_TIMEOUT",
      `the operation did not finish within ${ms} ms (limits.requestTimeoutMs); a mutation may still have been applied, so read before sending it again`,
      { limit: "requestTimeoutMs", max: ms },
    ),
  ],
})

/**
 * Answers an operation that runs longer than `ms` with an error, so that a slow operation
 * does not hold its caller (and a connection) without end. The operation itself is not
 * stopped: it finishes, or fails, on its own, its audit entries are written when it ends, and
 * only its answer is dropped. The clock starts when the operation's parameters are read, so
 * it covers parsing, validation and execution.
 */
export const useRequestTimeout = (ms: number): YogaPlugin => ({
  onParams({ paramsHandler, setParamsHandler }) {
    setParamsHandler((payload) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const deadline = new Promise<ExecutionResult>((resolve) => {
        timer = setTimeout(() => resolve(timedOut(ms)), ms)
      })
      const answer = Promise.resolve(paramsHandler(payload))
      return Promise.race([answer, deadline]).finally(() => clearTimeout(timer))
    })
  },
})
