import { route } from "@teamops/core"
import { Effect } from "effect"
import { EventLog } from "./EventLog.js"
import { IngestInput } from "./graphql/events.js"

/**
 * `POST /plugins/kpi/events`: a batch of events as `ingestEvents` takes it (`{ "events": [...] }`),
 * for a helpdesk's webhook that posts JSON and cannot send a GraphQL document. The same
 * scope, batch limit and all-or-nothing store; the answer is the summary.
 */
export const eventsRoute = route("POST", "/events", { scope: "events:write" }, (request) =>
  Effect.gen(function* () {
    const { events } = yield* request.body(IngestInput)
    const log = yield* EventLog
    return yield* log.ingest(events.map((value, i) => ({ where: `events[${i}]`, value })))
  }),
)
