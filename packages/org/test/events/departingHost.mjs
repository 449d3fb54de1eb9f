// A server process with two plugins that count org's departure events in their own tables.
// `depart`: hires and records the departure of one person, and dies (SIGKILL) as soon as the
// first subscriber begins to handle the event, after the departure committed and before any
// delivery did. `restart`: boots on the same database, waits for what is pending, and prints
// the person's status and how many times each subscriber handled the departure.
import { Db, definePlugin, subscribe } from "@teamops/core"
import { orgPlugin, PersonDeparted, PersonRepo, TeamRepo } from "@teamops/org"
import { createServer } from "@teamops/server"
import { Effect } from "effect"

const [database, step] = process.argv.slice(2)

const counting = (id) =>
  definePlugin({
    id,
    version: "0.1.0",
    dependsOn: ["org"],
    migrations: {
      "0001_heard": {
        up: (db) =>
          db.schema
            .createTable(`${id}_heard`)
            .addColumn("event_id", "text", (c) => c.primaryKey())
            .addColumn("handled", "integer", (c) => c.notNull())
            .execute(),
      },
    },
    subscribes: [
      subscribe(PersonDeparted, (_, meta) =>
        Effect.gen(function* () {
          if (step === "depart") process.kill(process.pid, "SIGKILL")
          const db = yield* Db
          // Idempotent by event id: a second delivery would count, not duplicate.
          yield* db.query((k) =>
            k
              .insertInto(`${id}_heard`)
              .values({ event_id: meta.id, handled: 1 })
              .onConflict((oc) => oc.column("event_id").doUpdateSet({ handled: (eb) => eb("handled", "+", 1) }))
              .execute(),
          )
        }),
      ),
    ],
  })

const server = await createServer({
  databaseUrl: database,
  graphiql: false,
  plugins: [orgPlugin, counting("first"), counting("second")],
})
const run = (effect) => server.host.runtime.runPromise(effect)

if (step === "depart") {
  await run(
    Effect.gen(function* () {
      yield* (yield* TeamRepo).create({ key: "support", name: "Support" })
      const people = yield* PersonRepo
      const ana = yield* people.create({
        name: "Ana",
        email: "ana@example.com",
        timeZone: "Europe/Berlin",
        teamKey: "support",
        hireDate: "2025-01-06",
      })
      yield* people.recordDeparture({ personId: ana.id, leftOn: "2026-03-31" })
    }),
  )
  await new Promise((resolve) => setTimeout(resolve, 10_000))
} else {
  const count = (table) =>
    run(Effect.flatMap(Db, (db) => db.query((k) => k.selectFrom(table).select("handled").execute())))
  const total = async (table) => (await count(table)).reduce((sum, row) => sum + Number(row.handled), 0)
  for (let i = 0; i < 200 && ((await total("first_heard")) < 1 || (await total("second_heard")) < 1); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  await new Promise((resolve) => setTimeout(resolve, 300))
  const ana = await run(Effect.flatMap(PersonRepo, (people) => people.byEmail("ana@example.com")))
  console.log(
    JSON.stringify({
      departed: ana.status,
      deliveries: { first: await total("first_heard"), second: await total("second_heard") },
    }),
  )
}
await server.close()
