import { Context, type Effect, type Schema } from "effect"
import type { DbError } from "./Errors.js"

/**
 * Something that happened in a plugin's domain that other plugins may act on (a person left):
 * declared by the plugin that publishes it, named `<owner>.<name>`, its payload encoded with
 * `schema` in the outbox and decoded for each subscriber.
 */
export interface DomainEvent<A, I = A> {
  readonly owner: string
  readonly name: string
  readonly schema: Schema.Schema<A, I, never>
}

export const domainEvent = <A, I>(
  owner: string,
  name: string,
  schema: Schema.Schema<A, I, never>,
): DomainEvent<A, I> => ({
  owner,
  name,
  schema,
})

/** `org.person.departed`: how the outbox and the logs name an event. */
export const eventName = (event: DomainEvent<any, any>) => `${event.owner}.${event.name}`

/** What a subscriber learns besides the payload. */
export interface EventMeta {
  /** Unique per event: a handler that acts outside the database keys its work by it, as it may run twice. */
  readonly id: string
  /** What the event is about (a person's id); events of one subject arrive in the order they were published. */
  readonly subject: string
  /** When it was published, epoch milliseconds. */
  readonly at: number
}

/** A plugin's handler of one event. */
export interface Subscription {
  readonly event: DomainEvent<any, any>
  readonly handle: (payload: any, meta: EventMeta) => Effect.Effect<void, unknown, any>
}

/**
 * Handles `event` after the transaction that published it commits, at least once: in the
 * transaction that records the delivery, so that what the handler writes to the database
 * and the delivery commit together, and again after a failure or a stop before that commit.
 */
export const subscribe = <A, I, E, R>(
  event: DomainEvent<A, I>,
  handle: (payload: A, meta: EventMeta) => Effect.Effect<void, E, R>,
): Subscription => ({ event, handle })

/** Where plugins publish their domain events; written in the caller's transaction. */
export class Outbox extends Context.Tag("@teamops/core/Outbox")<
  Outbox,
  {
    /**
     * Records `payload` of `event` about `subject` in the current transaction; subscribers get
     * it once that transaction commits, and never if it rolls back.
     */
    readonly publish: <A, I>(event: DomainEvent<A, I>, subject: string, payload: A) => Effect.Effect<void, DbError>
  }
>() {}
