import type { Client } from "./Client.js"
import type { SupportEvent } from "./generated/events.js"
import { IngestEventsDocument, IngestLimitsDocument } from "./generated/graphql.js"
import { orThrow } from "./TeamopsError.js"

/** What storing a list of events did: events stored, and events the server already had. */
export interface IngestSummary {
  readonly accepted: number
  readonly duplicates: number
  readonly batches: number
}

/**
 * Stores `events` (typed per event type, so a misspelt field or value is a compile error) in batches as large as the server takes (`limits { ingestBatchSize }`, or
 * `batchSize` when smaller), one after the other. Every event carries its id, so a batch sent
 * again (the client's retries) stores nothing twice. A refused batch throws a TeamopsError
 * naming its problems; the batches before it stay stored.
 */
export const ingestEvents = async (
  client: Client,
  events: ReadonlyArray<SupportEvent>,
  options: { readonly batchSize?: number } = {},
): Promise<IngestSummary> => {
  const { limits } = await client.request(IngestLimitsDocument)
  const size = Math.max(1, Math.min(limits.ingestBatchSize, options.batchSize ?? Number.POSITIVE_INFINITY))
  let accepted = 0
  let duplicates = 0
  let batches = 0
  for (let start = 0; start < events.length; start += size) {
    const { ingestEvents: result } = await client.request(IngestEventsDocument, {
      input: { events: events.slice(start, start + size) },
    })
    const { summary } = orThrow(result)
    accepted += summary.accepted
    duplicates += summary.duplicates
    batches++
  }
  return { accepted, duplicates, batches }
}
