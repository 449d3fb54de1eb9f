import { Effect } from "effect"
import type { Host } from "./Host.js"

/**
 * Adds every booted plugin's demo data. With `whenEmpty`, adds it only when no plugin
 * holds data yet, so a database in use is never touched. Answers whether it seeded.
 */
export const seedDemo = (host: Host, options: { readonly whenEmpty: boolean }) =>
  Effect.gen(function* () {
    const demos = host.booted.flatMap((plugin) => (plugin.demo ? [plugin.demo] : []))
    if (options.whenEmpty) {
      const empty = yield* Effect.forEach(demos, (demo) => demo.isEmpty)
      if (!empty.every(Boolean)) return false
    }
    yield* host.db.transaction(Effect.forEach(demos, (demo) => demo.seed, { discard: true }))
    return true
  }).pipe((effect) => host.runtime.runPromise(effect as Effect.Effect<boolean, unknown>))
