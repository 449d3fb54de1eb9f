import { Email, InstantMillis, Key } from "@teamops/core"
import { SchemaAST as AST, JSONSchema, Option, Schema } from "effect"

const Text = (what: string) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => `expected ${what} of 1 to 255 characters` }),
    Schema.maxLength(255, { message: () => `expected ${what} of 1 to 255 characters` }),
  )

export const EventId = Text("an id")

/** A literal with a message that lists the values allowed. */
export const oneOf = <const L extends readonly [string, ...Array<string>]>(...values: L) =>
  Schema.compose(
    Schema.String.pipe(
      Schema.filter((s) => values.includes(s) || `expected one of ${values.join(", ")}, got ${JSON.stringify(s)}`, {
        // The encoded side is a string; its JSON Schema still lists the values, as typed clients need them.
        jsonSchema: { enum: values },
      }),
    ),
    Schema.Literal(...values),
  )

export const ActorKind = oneOf("customer", "human", "bot", "automation")
export type ActorKind = typeof ActorKind.Type

/** Who caused an event; `email` names a person when `kind` is `human`. */
export const Actor = Schema.Struct({
  kind: ActorKind,
  email: Schema.optionalWith(Email, { nullable: true }),
})

export const Complexity = oneOf("simple", "standard", "complex")
export type Complexity = typeof Complexity.Type

const optional = <A, I>(schema: Schema.Schema<A, I, never>) => Schema.optionalWith(schema, { nullable: true })

const common = { id: EventId, at: InstantMillis, actor: Actor }
const conversation = { ...common, conversationId: Text("a conversation id") }

const event = <T extends string, F extends Schema.Struct.Fields>(type: T, fields: F, description: string) =>
  Schema.Struct({ type: Schema.Literal(type), ...fields }).annotations({ description })

/** One category of a quality review; `value: null` is N/A. */
export const ScorecardEntry = Schema.Struct({
  category: Text("a category"),
  weight: Schema.Number.pipe(Schema.positive({ message: () => "expected a weight above 0" })),
  scale: Schema.Struct({ min: Schema.Number, max: Schema.Number }).pipe(
    Schema.filter((s) => s.min < s.max || `expected scale.min below scale.max, got ${s.min} and ${s.max}`),
  ),
  value: Schema.NullOr(Schema.Number),
  critical: Schema.optionalWith(Schema.Boolean, { default: () => false }),
}).pipe(
  Schema.filter(
    (e) =>
      e.value === null ||
      (e.value >= e.scale.min && e.value <= e.scale.max) ||
      `expected a value from ${e.scale.min} to ${e.scale.max} or null, got ${e.value}`,
  ),
)
export type ScorecardEntry = typeof ScorecardEntry.Type

export const Review = Schema.Struct({
  reviewer: Text("a reviewer"),
  scorecard: Schema.NonEmptyArray(ScorecardEntry),
})
export type Review = typeof Review.Type

/** The shapes of the events of the log, one per `type`. */
export const eventSchemas = {
  "conversation.created": event(
    "conversation.created",
    {
      ...conversation,
      channel: optional(Text("a channel")),
      complexity: optional(Complexity),
      customerId: optional(Text("a customer id")),
    },
    "A conversation began; a human or bot actor means it was outbound.",
  ),
  "message.customer": event("message.customer", conversation, "The customer wrote."),
  "message.human": event("message.human", conversation, "A teammate replied in public."),
  "message.bot": event("message.bot", conversation, "A bot replied."),
  "conversation.assigned": event(
    "conversation.assigned",
    {
      ...conversation,
      assignee: Schema.NullOr(Schema.Struct({ email: Email })),
      // Absent keeps the team; null clears it.
      teamKey: Schema.optional(Schema.NullOr(Key)),
    },
    "The conversation was assigned to a person (null: unassigned); teamKey moves it to a team, null clears the team, absent keeps it.",
  ),
  "conversation.handoff": event("conversation.handoff", conversation, "A bot handed the conversation to humans."),
  "conversation.resolved": event(
    "conversation.resolved",
    conversation,
    "The conversation was resolved; actor.kind says by whom: human, bot or automation.",
  ),
  "conversation.reopened": event("conversation.reopened", conversation, "A resolved conversation was opened again."),
  "conversation.tagged": event(
    "conversation.tagged",
    { ...conversation, complexity: Complexity },
    "The conversation's complexity was set.",
  ),
  "csat.rated": event(
    "csat.rated",
    {
      ...conversation,
      rating: Schema.Int.pipe(Schema.between(1, 5, { message: () => "expected an integer from 1 to 5" })),
    },
    "The customer rated the conversation from 1 to 5, after its first resolution.",
  ),
  "qa.reviewed": event(
    "qa.reviewed",
    {
      ...common,
      review: Review,
      reviewee: Email,
      conversationId: optional(Text("a conversation id")),
    },
    "A quality review of a teammate's work, scored by category; it may name the conversation reviewed.",
  ),
  "proactive.sent": event(
    "proactive.sent",
    { ...common, teamKey: optional(Key) },
    "A proactive message went out to customers.",
  ),
  "article.viewed": event(
    "article.viewed",
    { ...common, customerId: Text("a customer id") },
    "A customer read a help article.",
  ),
  "metric.observed": event(
    "metric.observed",
    {
      ...common,
      metric: Text("a metric key"),
      subject: Schema.Union(Schema.Struct({ person: Email }), Schema.Struct({ team: Key })),
      value: Schema.Number,
    },
    "A value of a metric a plugin declares, for a person or a team.",
  ),
} as const

export type EventType = keyof typeof eventSchemas
export const eventTypes = Object.keys(eventSchemas) as ReadonlyArray<EventType>

/** Any event of the log. */
export const LogEvent = Schema.Union(...Object.values(eventSchemas))
export type LogEvent = typeof LogEvent.Type
export type EventOf<T extends EventType> = Extract<LogEvent, { readonly type: T }>

/** The conversation an event belongs to, if any (a review may name one). */
export const conversationOf = (event: LogEvent): string | undefined =>
  "conversationId" in event ? event.conversationId : undefined

const encoders = Object.fromEntries(
  Object.entries(eventSchemas).map(([type, schema]) => [type, Schema.encodeSync(schema as Schema.Schema<any, any>)]),
) as Record<EventType, (event: LogEvent) => unknown>

/**
 * The event as canonical JSON: its decoded fields only, instants in UTC to the millisecond,
 * emails in lower case. Two sendings of one event compare equal exactly when these do.
 */
export const canonical = (event: LogEvent): string => JSON.stringify(encoders[event.type](event))

/**
 * Every event type as the JSON Schema of what a client sends: the encoded fields, with the
 * values an enumerated field allows. Typed clients are generated from it.
 */
export const eventJsonSchemas = (): Record<EventType, JSONSchema.JsonSchema7Root> =>
  Object.fromEntries(
    Object.entries(eventSchemas).map(([type, schema]: [string, Schema.Schema.AnyNoContext]) => [
      type,
      {
        ...JSONSchema.make(Schema.encodedBoundSchema(schema)),
        ...Option.match(AST.getDescriptionAnnotation(schema.ast), {
          onNone: () => ({}),
          onSome: (description) => ({ description }),
        }),
      },
    ]),
  ) as Record<EventType, JSONSchema.JsonSchema7Root>
