import type { Plugin as YogaPlugin } from "graphql-yoga"

/**
 * Runs at most `max` pieces of work at once; the rest wait in the order they came. Operations
 * of one process share its thread: past a few at once, more only interleave, each holding
 * its memory longer and finishing later, and a late one can overtake those waiting.
 */
export const workQueue = (max: number) => {
  let running = 0
  const waiting: Array<() => void> = []
  const release = () => {
    const next = waiting.shift()
    if (next === undefined) running--
    else next()
  }
  return async <A>(work: () => Promise<A>): Promise<A> => {
    if (running < max) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await work()
    } finally {
      release()
    }
  }
}

/** Lets at most `max` operations run at once (`limits.maxConcurrentOperations`); the others wait their turn. */
export const useOperationQueue = (max: number): YogaPlugin => {
  const admit = workQueue(max)
  return {
    onParams({ paramsHandler, setParamsHandler }) {
      setParamsHandler((payload) => admit(() => Promise.resolve(paramsHandler(payload))))
    },
  }
}
