import {
  type DbService,
  type DomainEvent,
  eventName,
  type Outbox,
  type Plugin,
  PluginError,
  type Subscription,
} from "@teamops/core"
import { type Context, DateTime, Effect, Queue, Schema, type Scope } from "effect"

interface OutboxRow {
  readonly seq: number
  readonly id: string
  readonly event: string
  readonly subject: string
  readonly payload: string
  readonly at: string
}

/** A booted plugin's handlers, by the name of the event each handles. */
interface Subscriber {
  readonly pluginId: string
  readonly handlers: ReadonlyMap<string, Subscription>
}

// A subscriber's pending events are read this many at a time, oldest first.
const batch = 100
// After a handler failed, the subject's later events wait; delivery is tried again after this.
const retryAfter = "2 seconds"

/**
 * The domain events of a host: the `Outbox` plugins publish through, and the delivery of what
 * was published to the booted plugins that subscribe, after commit, in order per subject.
 */
export const makeEventBus = (db: DbService) => {
  const wake = Effect.runSync(Queue.sliding<void>(1))
  // Until the boot ends, no plugin is known to listen: nothing is recorded.
  let listened = new Set<string>()

  const outbox: Context.Tag.Service<typeof Outbox> = {
    publish: <A, I>(event: DomainEvent<A, I>, subject: string, payload: A) => {
      const name = eventName(event)
      // An event no booted plugin listens to is not kept: a subscriber gets the events
      // published while it is loaded.
      if (!listened.has(name)) return Effect.void
      return Effect.gen(function* () {
        const encoded = yield* Schema.encode(event.schema)(payload).pipe(Effect.orDie)
        const at = DateTime.formatIso(yield* DateTime.now)
        yield* db.query((k) =>
          k
            .insertInto("teamops_outbox")
            .values({ id: crypto.randomUUID(), event: name, subject, payload: JSON.stringify(encoded), at })
            .execute(),
        )
        yield* db.afterCommit(() => Queue.unsafeOffer(wake, undefined))
      })
    },
  }

  const pendingOf = (subscriber: Subscriber) =>
    db.query(
      (k) =>
        k
          .selectFrom("teamops_outbox as o")
          .selectAll("o")
          .where("o.event", "in", [...subscriber.handlers.keys()])
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("teamops_deliveries as d")
                  .select("d.event_id")
                  .whereRef("d.event_id", "=", "o.id")
                  .where("d.subscriber", "=", subscriber.pluginId),
              ),
            ),
          )
          .orderBy("o.seq")
          .limit(batch)
          .execute() as Promise<Array<OutboxRow>>,
    )

  /** Handles one event and records its delivery, in one transaction. */
  const deliver = (subscriber: Subscriber, row: OutboxRow, context: Context.Context<any>) => {
    const subscription = subscriber.handlers.get(row.event) as Subscription
    return db
      .transaction(
        Effect.gen(function* () {
          const payload = yield* Schema.decodeUnknown(subscription.event.schema)(JSON.parse(row.payload))
          yield* subscription.handle(payload, { id: row.id, subject: row.subject, at: Date.parse(row.at) })
          const deliveredAt = DateTime.formatIso(yield* DateTime.now)
          yield* db.query((k) =>
            k
              .insertInto("teamops_deliveries")
              .values({ event_id: row.id, subscriber: subscriber.pluginId, delivered_at: deliveredAt })
              .execute(),
          )
        }),
      )
      .pipe(
        Effect.provide(context),
        Effect.tapErrorCause((cause) =>
          Effect.logWarning(`event ${row.event} ${row.id} not delivered; it will be tried again`, cause).pipe(
            Effect.annotateLogs("plugin", subscriber.pluginId),
          ),
        ),
        Effect.exit,
      )
  }

  /** Delivers everything pending to one subscriber; false when a handler failed. */
  const deliverTo = (subscriber: Subscriber, context: Context.Context<any>) =>
    Effect.gen(function* () {
      const waiting = new Set<string>()
      for (;;) {
        const rows = yield* pendingOf(subscriber)
        if (rows.length === 0) return true
        for (const row of rows) {
          if (waiting.has(row.subject)) continue
          const exit = yield* deliver(subscriber, row, context)
          if (exit._tag === "Failure") waiting.add(row.subject)
        }
        if (waiting.size > 0) return false
      }
    })

  /**
   * Starts delivering, for as long as `scope` is open: what was published before this boot
   * and not delivered first, then what each commit publishes.
   */
  const start = (plugins: ReadonlyArray<Plugin<any>>, context: Context.Context<any>, scope: Scope.Scope) => {
    const subscribers: Array<Subscriber> = plugins
      .filter((p) => (p.subscribes ?? []).length > 0)
      .map((p) => ({
        pluginId: p.id,
        handlers: new Map((p.subscribes ?? []).map((s) => [eventName(s.event), s])),
      }))
    listened = new Set(subscribers.flatMap((s) => [...s.handlers.keys()]))
    if (subscribers.length === 0) return Effect.void
    const round = Effect.forEach(subscribers, (s) => deliverTo(s, context).pipe(Effect.orElseSucceed(() => false)))
    const loop = Effect.gen(function* () {
      for (;;) {
        const delivered = yield* round
        const next = Queue.take(wake)
        yield* delivered.every(Boolean) ? next : Effect.timeout(next, retryAfter).pipe(Effect.ignore)
      }
    })
    return Effect.asVoid(Effect.forkIn(loop, scope))
  }

  return { outbox, start }
}

/**
 * Checks a plugin's subscriptions: each to an event of a plugin in its `dependsOn` (or its
 * own) that is loaded, and at most one per event.
 */
export const checkSubscriptions = (plugin: Plugin<any>, alive: ReadonlyArray<Plugin<any>>) =>
  Effect.forEach(
    plugin.subscribes ?? [],
    ({ event }, index) => {
      const where = `plugin "${plugin.id}": subscription ${index} to ${eventName(event)}`
      if (event.owner !== plugin.id && !plugin.dependsOn.includes(event.owner))
        return new PluginError({
          pluginId: plugin.id,
          message: `${where}: "${event.owner}" is not in dependsOn`,
        })
      if (!alive.some((p) => p.id === event.owner))
        return new PluginError({ pluginId: plugin.id, message: `${where}: plugin "${event.owner}" is not loaded` })
      const twice = (plugin.subscribes ?? []).findIndex((s) => eventName(s.event) === eventName(event)) !== index
      if (twice)
        return new PluginError({ pluginId: plugin.id, message: `${where}: the plugin already subscribes to it` })
      return Effect.void
    },
    { discard: true },
  )
