import { Db, DbError, definePlugin, domainEvent, type EventMeta, Outbox, PluginError, subscribe } from "@teamops/core"
import { eventually, testDatabase, testDialects } from "@teamops/core/testing"
import { Effect, Schema } from "effect"
import { afterEach, assert, describe, it } from "vitest"
import { createServer, type TeamopsServer } from "../src/Server.js"

const servers: Array<TeamopsServer> = []
const drops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await Promise.all(drops.splice(0).map((drop) => drop()))
})

// A plugin publishing one event about accounts, and one no plugin listens to.
const AccountClosed = domainEvent(
  "ledger",
  "account.closed",
  Schema.Struct({ account: Schema.String, n: Schema.Number }),
)
const AccountAudited = domainEvent("ledger", "account.audited", Schema.Struct({ account: Schema.String }))
const ledger = definePlugin({ id: "ledger", version: "0.1.0", events: [AccountClosed, AccountAudited] })

interface Heard {
  readonly payload: { account: string; n: number }
  readonly meta: EventMeta
}

/**
 * A plugin keeping what it hears in its own table, in the delivery's transaction; `fails`
 * says whether a delivery fails (before writing), called with the number of attempts so far.
 */
const listener = (
  heard: Array<Heard>,
  fails: (attempt: number, payload: Heard["payload"]) => boolean = () => false,
) => {
  let attempts = 0
  return definePlugin({
    id: "listener",
    version: "0.1.0",
    dependsOn: ["ledger"],
    migrations: {
      "0001_heard": {
        up: async (db) => {
          await db.schema
            .createTable("listener_heard")
            .addColumn("event_id", "text", (c) => c.primaryKey())
            .addColumn("account", "text", (c) => c.notNull())
            .execute()
        },
      },
    },
    subscribes: [
      subscribe(AccountClosed, (payload, meta) =>
        Effect.gen(function* () {
          attempts += 1
          if (fails(attempts, payload)) return yield* Effect.fail(new Error(`attempt ${attempts} failed`))
          const db = yield* Db
          yield* db.query((k) =>
            k.insertInto("listener_heard").values({ event_id: meta.id, account: payload.account }).execute(),
          )
          heard.push({ payload, meta })
        }),
      ),
    ],
  })
}

const boot = async (dialect: "sqlite" | "postgres", plugins: Parameters<typeof createServer>[0]["plugins"]) => {
  const database = await testDatabase(dialect)
  drops.push(database.drop)
  const server = await createServer({ databaseUrl: database.url, graphiql: false, plugins })
  servers.push(server)
  return server
}

const publish = (server: TeamopsServer, account: string, n: number) =>
  server.host.runtime.runPromise(
    Effect.gen(function* () {
      const db = yield* Db
      const outbox = yield* Outbox
      yield* db.transaction(outbox.publish(AccountClosed, account, { account, n }))
    }),
  )

const rows = (server: TeamopsServer, table: string) =>
  server.host.runtime.runPromise(
    Effect.flatMap(Db, (db) => db.query((k) => k.selectFrom(table).selectAll().execute())),
  ) as Promise<Array<Record<string, unknown>>>

describe.each(testDialects())("domain events on %s", (dialect) => {
  it("delivers after the commit, with the id, subject and time, and records the delivery", async () => {
    const heard: Array<Heard> = []
    const server = await boot(dialect, [ledger, listener(heard)])
    let seenInTransaction = -1
    await server.host.runtime.runPromise(
      Effect.gen(function* () {
        const db = yield* Db
        const outbox = yield* Outbox
        yield* db.transaction(
          Effect.gen(function* () {
            yield* outbox.publish(AccountClosed, "a-1", { account: "a-1", n: 1 })
            yield* Effect.sleep("100 millis")
            seenInTransaction = heard.length
          }),
        )
      }),
    )
    assert.strictEqual(seenInTransaction, 0, "nothing is delivered before the commit")
    await eventually(() => heard.length === 1, "the delivery")
    const [{ payload, meta }] = heard as [Heard]
    assert.deepStrictEqual(payload, { account: "a-1", n: 1 })
    assert.strictEqual(meta.subject, "a-1")
    assert.match(meta.id, /^[0-9a-f-]{36}$/)
    assert.isTrue(Math.abs(meta.at - Date.now()) < 60_000)
    const deliveries = await rows(server, "teamops_deliveries")
    assert.deepStrictEqual(
      deliveries.map((d) => [d.event_id, d.subscriber]),
      [[meta.id, "listener"]],
    )
  })

  it("delivers nothing of a transaction that rolled back", async () => {
    const heard: Array<Heard> = []
    const server = await boot(dialect, [ledger, listener(heard)])
    const failed = await server.host.runtime.runPromiseExit(
      Effect.gen(function* () {
        const db = yield* Db
        const outbox = yield* Outbox
        yield* db.transaction(
          Effect.zipRight(
            outbox.publish(AccountClosed, "a-1", { account: "a-1", n: 1 }),
            new DbError({ message: "refused" } as never),
          ),
        )
      }),
    )
    assert.strictEqual(failed._tag, "Failure")
    await publish(server, "a-1", 2)
    await eventually(() => heard.length === 1, "the delivery of the committed event")
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepStrictEqual(
      heard.map((h) => h.payload.n),
      [2],
    )
    assert.lengthOf(await rows(server, "teamops_outbox"), 1)
  })

  it("delivers the events of one subject in the order they were published", async () => {
    const heard: Array<Heard> = []
    const server = await boot(dialect, [ledger, listener(heard)])
    for (let n = 1; n <= 12; n++) await publish(server, n % 2 === 0 ? "even" : "odd", n)
    await eventually(() => heard.length === 12, "twelve deliveries")
    const of = (account: string) => heard.filter((h) => h.payload.account === account).map((h) => h.payload.n)
    assert.deepStrictEqual(of("odd"), [1, 3, 5, 7, 9, 11])
    assert.deepStrictEqual(of("even"), [2, 4, 6, 8, 10, 12])
  })

  it("delivers again after a handler failed, keeping the subject's later events waiting, and others flowing", async () => {
    const heard: Array<Heard> = []
    // Deliveries of "slow" fail (their transactions roll back) until the handler is mended.
    let broken = true
    const server = await boot(dialect, [ledger, listener(heard, (_, payload) => broken && payload.account === "slow")])
    await publish(server, "slow", 1)
    await publish(server, "slow", 2)
    await publish(server, "fast", 3)
    await eventually(() => heard.some((h) => h.payload.account === "fast"), "the other subject's event")
    assert.isFalse(
      heard.some((h) => h.payload.account === "slow"),
      "the failed subject waits",
    )
    broken = false
    await eventually(() => heard.length === 3, "the retry, with no new commit to wake it")
    assert.deepStrictEqual(
      heard.filter((h) => h.payload.account === "slow").map((h) => h.payload.n),
      [1, 2],
    )
    assert.lengthOf(await rows(server, "listener_heard"), 3)
    assert.lengthOf(await rows(server, "teamops_deliveries"), 3)
  })

  it("keeps no event that no booted plugin listens to", async () => {
    const heard: Array<Heard> = []
    const server = await boot(dialect, [ledger, listener(heard)])
    await server.host.runtime.runPromise(
      Effect.flatMap(Outbox, (outbox) => outbox.publish(AccountAudited, "a-1", { account: "a-1" })),
    )
    assert.lengthOf(await rows(server, "teamops_outbox"), 0)
  })
})

describe("subscriptions", () => {
  const bootFailure = async (plugins: Parameters<typeof createServer>[0]["plugins"]) => {
    const error = await boot("sqlite", plugins).then(
      () => assert.fail("the server booted"),
      (e: unknown) => e,
    )
    assert.instanceOf(error, PluginError)
    return (error as PluginError).message
  }

  it("refuses a subscription to a plugin that is not in dependsOn", async () => {
    const stranger = definePlugin({
      id: "stranger",
      version: "0.1.0",
      subscribes: [subscribe(AccountClosed, () => Effect.void)],
    })
    assert.strictEqual(
      await bootFailure([ledger, stranger]),
      'plugin "stranger": subscription 0 to ledger.account.closed: "ledger" is not in dependsOn',
    )
  })

  it("refuses two subscriptions of a plugin to one event", async () => {
    const twice = definePlugin({
      id: "twice",
      version: "0.1.0",
      dependsOn: ["ledger"],
      subscribes: [subscribe(AccountClosed, () => Effect.void), subscribe(AccountClosed, () => Effect.void)],
    })
    assert.strictEqual(
      await bootFailure([ledger, twice]),
      'plugin "twice": subscription 1 to ledger.account.closed: the plugin already subscribes to it',
    )
  })
})
