import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { openDb } from "../src/Db.js"
import { testDatabase } from "../src/testing.js"

describe("scratch", () => {
  it.scoped("caught sql error in nested trx on pg", () =>
    Effect.gen(function* () {
      const test = yield* Effect.acquireRelease(Effect.promise(() => testDatabase("postgres")), (t) => Effect.promise(() => t.drop()))
      const db = yield* openDb(test.url)
      yield* db.query((k) => k.schema.createTable("t").addColumn("id", "text", (c) => c.primaryKey()).execute())
      yield* db.query((k) => k.insertInto("t").values({ id: "kept" }).execute())
      const r = yield* Effect.either(db.transaction(
        Effect.gen(function* () {
          yield* db.query((k) => k.insertInto("t").values({ id: "outer" }).execute())
          yield* db.transaction(db.query((k) => k.insertInto("t").values({ id: "kept" }).execute())).pipe(Effect.ignore)
          return "ok"
        }),
      ))
      console.log("result", r)
      console.log(yield* db.query((k) => k.selectFrom("t").selectAll().execute()))
    }),
  )
})
