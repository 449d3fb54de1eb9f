import { Db, migrate } from "@teamops/core"
import { type TestDatabase, testDatabase, testDialects } from "@teamops/testing"
import { Effect, Layer, ManagedRuntime, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { CalendarFile, CalendarVersion } from "../src/Calendar.js"
import { CalendarRepo } from "../src/CalendarRepo.js"
import { init } from "../src/migrations/0001_init.js"

const calendar = Schema.decodeUnknownSync(CalendarVersion)
const calendarFile = Schema.decodeUnknownSync(CalendarFile)

const athens = calendar({
  timeZone: "Europe/Athens",
  weekly: {
    mon: [
      ["09:00", "13:00"],
      ["14:00", "18:00"],
    ],
    sat: [["10:00", "24:00"]],
  },
  holidays: ["2026-12-25", "2026-12-31"],
})
const versions = calendarFile([
  { timeZone: "America/New_York", weekly: { fri: [["08:00", "16:00"]] }, effectiveFrom: "2026-07-01T00:00:00Z" },
  { timeZone: "Europe/Athens", weekly: { tue: [["09:00", "17:00"]] } },
  { timeZone: "UTC", weekly: { wed: [["00:00", "24:00"]] }, effectiveFrom: "2026-04-01T00:00:00Z" },
])

const set = (teamKey: string, list: ReadonlyArray<CalendarVersion>) =>
  Effect.flatMap(CalendarRepo, (r) => r.set(teamKey, list))
const ofTeams = (teamKeys: ReadonlyArray<string>) => Effect.flatMap(CalendarRepo, (r) => r.ofTeams(teamKeys))
const all = Effect.flatMap(CalendarRepo, (r) => r.all)

/** A map as plain entries, so that a comparison sees its order. */
const entries = <V>(map: ReadonlyMap<string, V>) => [...map.entries()]

describe.each(testDialects())("CalendarRepo on %s", (dialect) => {
  let database: TestDatabase
  let runtime: ManagedRuntime.ManagedRuntime<CalendarRepo | Db, unknown>
  let statements: Array<string>
  const run = <A, E>(effect: Effect.Effect<A, E, CalendarRepo | Db>) => runtime.runPromise(effect)

  beforeEach(async () => {
    database = await testDatabase(dialect)
    statements = []
    const db = Db.layer(database.url, { onStatement: (sql) => statements.push(sql) })
    runtime = ManagedRuntime.make(CalendarRepo.layer.pipe(Layer.provideMerge(db)))
    await run(migrate("kpi", { "0001_init": init }))
  })
  afterEach(async () => {
    await runtime.dispose()
    await database.drop()
  })

  it("keeps a team's versions and reads them back as they were decoded", async () => {
    await run(set("support", versions))
    await run(set("sales", [athens]))
    const read = await run(ofTeams(["support", "sales", "nobody"]))
    expect(entries(read)).toEqual([
      ["sales", [athens]],
      ["support", versions],
    ])
    expect(read.get("support")?.map((v) => v.effectiveFrom)).toEqual([
      null,
      Date.parse("2026-04-01T00:00:00Z"),
      Date.parse("2026-07-01T00:00:00Z"),
    ])
  })

  it("writes versions in the order they come into force, whatever order they are given in", async () => {
    await run(set("support", [...versions].reverse()))
    expect((await run(ofTeams(["support"]))).get("support")).toEqual(versions)
  })

  it("replaces every version of the team, and only of that team", async () => {
    await run(set("support", versions))
    await run(set("sales", versions))
    await run(set("support", [athens]))
    expect(entries(await run(all))).toEqual([
      ["sales", versions],
      ["support", [athens]],
    ])
    await run(set("support", []))
    expect(entries(await run(all))).toEqual([["sales", versions]])
  })

  it("answers an empty map for no teams and for an empty store", async () => {
    expect((await run(ofTeams([]))).size).toBe(0)
    expect((await run(all)).size).toBe(0)
    expect((await run(ofTeams(["support"]))).size).toBe(0)
  })

  it("reads the calendars of several teams, or of all, in one statement each", async () => {
    await run(set("b-team", [athens]))
    await run(set("a-team", versions))
    statements.length = 0
    expect((await run(ofTeams(["a-team", "b-team"]))).size).toBe(2)
    expect(statements).toHaveLength(1)
    statements.length = 0
    const read = await run(all)
    expect(statements).toHaveLength(1)
    expect([...read.keys()]).toEqual(["a-team", "b-team"])
    expect(read.get("a-team")).toEqual(versions)
    expect(read.get("b-team")).toEqual([athens])
  })

  it("leaves the team's calendar as it was when the replacement fails", async () => {
    await run(set("support", [athens]))
    // Two versions at the same position break the primary key after the old rows are gone.
    const broken = run(
      Effect.flatMap(Db, (db) =>
        db.transaction(
          Effect.gen(function* () {
            yield* set("support", versions)
            yield* db.query((k) =>
              k
                .insertInto("kpi_calendars")
                .values({ team_key: "support", position: 0, time_zone: "UTC", weekly: "{}", holidays: "[]" })
                .execute(),
            )
          }),
        ),
      ),
    )
    await expect(broken).rejects.toThrow(/UNIQUE constraint failed|duplicate key/)
    expect((await run(ofTeams(["support"]))).get("support")).toEqual([athens])
  })
})
