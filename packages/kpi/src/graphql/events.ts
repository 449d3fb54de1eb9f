import {
  type Builder,
  ErrorRef,
  InputError,
  LimitsRef,
  listConnection,
  payload,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect, Schema } from "effect"
import { EventBatchRefused, EventLog, type StoredEvent } from "../EventLog.js"

/** The most events one `ingestEvents` takes; a larger batch is refused whole, naming `input.events`. */
export const ingestBatchSize = 10_000

export const IngestInput = Schema.Struct({
  events: Schema.Array(Schema.Unknown).pipe(
    Schema.maxItems(ingestBatchSize, {
      message: () => `expected at most ${ingestBatchSize.toLocaleString("en")} events per batch`,
    }),
  ),
})

/** The stored events (`events`) and their ingestion (`ingestEvents`). */
export const eventsSchema = (builder: Builder, { run }: SchemaKit) => {
  const StoredEventType = builder.objectRef<StoredEvent>("LogEvent").implement({
    description: "An event of the log as stored: decoded, with instants in UTC.",
    fields: (t) => ({
      id: t.exposeString("id"),
      type: t.exposeString("type"),
      at: t.string({ description: "RFC 3339, UTC.", resolve: (e) => new Date(e.at).toISOString() }),
      conversationId: t.exposeString("conversationId", { nullable: true }),
      content: t.field({
        type: "JSON",
        description: "Every field the event was stored with.",
        resolve: (e) => e.content,
      }),
    }),
  })

  builder.queryField("events", (t) =>
    t.connection({
      authScopes: { scope: "metrics:read" },
      type: StoredEventType,
      description: "The stored events in the order they arrived, of one conversation or all.",
      args: { conversationId: t.arg.string({ required: false }) },
      resolve: (_, args) => {
        const conversation = args.conversationId ?? undefined
        return listConnection(args, {
          list: (page) => run(Effect.flatMap(EventLog, (log) => log.list(page, conversation))),
          count: () => run(Effect.flatMap(EventLog, (log) => log.count(conversation))),
          cursorOf: (e) => [String(e.seq)],
        })
      },
    }),
  )

  const IngestSuccess = builder.objectRef<{ accepted: number; duplicates: number }>("IngestEventsSummary").implement({
    fields: (t) => ({
      accepted: t.exposeInt("accepted", { description: "Events stored." }),
      duplicates: t.exposeInt("duplicates", { description: "Events already stored with the same content." }),
    }),
  })
  builder.objectType(EventBatchRefused, {
    name: "EventBatchRefused",
    description: "The batch was refused whole and nothing was stored; `problems` names each event and what is wrong.",
    interfaces: [ErrorRef],
    fields: (t) => ({ problems: t.exposeStringList("problems") }),
  })
  const IngestEventsInput = builder.inputType("IngestEventsInput", {
    fields: (t) => ({ events: t.field({ type: ["JSON"], required: true, description: "The events of one batch." }) }),
  })
  builder.objectField(LimitsRef, "ingestBatchSize", (t) =>
    t.int({ description: "Events in one ingestEvents batch.", resolve: () => ingestBatchSize }),
  )
  builder.mutationField("ingestEvents", (t) =>
    t.field({
      authScopes: { scope: "events:write" },
      type: IngestSuccess,
      description:
        "Stores one batch of events, all or nothing; resending an event with the same content changes nothing.",
      args: { input: t.arg({ type: IngestEventsInput, required: true }) },
      errors: payload("IngestEvents", "summary", [EventBatchRefused, InputError]),
      resolve: (_, { input }) =>
        run(
          withInput(IngestInput, input, ({ events }) =>
            Effect.flatMap(EventLog, (log) => log.ingest(events.map((value, i) => ({ where: `events[${i}]`, value })))),
          ),
        ),
    }),
  )
}
