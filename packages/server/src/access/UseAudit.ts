import type { AuditEntry, RequestContext } from "@teamops/core"
import { Effect } from "effect"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import type { Host } from "../Host.js"
import { appendAudit } from "./AuditLog.js"

/** The request's audit trail, with what it has collected. */
export interface CollectingTrail {
  readonly record: (entry: AuditEntry) => void
  readonly entries: Array<AuditEntry>
}

export const collectingTrail = (): CollectingTrail => {
  const entries: Array<AuditEntry> = []
  return { entries, record: (entry) => entries.push(entry) }
}

/** Writes what an operation recorded in its audit trail, in one statement, before it is answered. */
export const useAudit = (host: Host): YogaPlugin<RequestContext> => ({
  onExecute() {
    return {
      async onExecuteDone({ args }) {
        const context = args.contextValue as RequestContext
        const trail = context.audit as CollectingTrail
        const entries = trail.entries.splice(0)
        if (entries.length === 0) return
        // A line that cannot be written is logged; the answer already stands.
        await host.runtime.runPromise(
          appendAudit(context.access.viewer, entries, new Date()).pipe(
            Effect.catchAll((e) => Effect.logError(`audit log not written: ${e.message}`)),
          ),
        )
      },
    }
  },
})
