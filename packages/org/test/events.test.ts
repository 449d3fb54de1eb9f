import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { definePlugin, type EventMeta, subscribe } from "@teamops/core"
import { eventually } from "@teamops/core/testing"
import { openTestHost, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { assert, describe, it } from "vitest"
import { ManagerChanged, PersonDeparted, PersonHired, PersonMoved } from "../src/OrgEvents.js"
import { PersonRepo } from "../src/PersonRepo.js"
import { orgPlugin } from "../src/plugin.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { personInput, teamInput } from "./support.js"

const run = promisify(execFile)

/** A plugin hearing every event of org, as `[event, subject, payload]`. */
const listener = (heard: Array<[string, string, unknown]>) => {
  const keep = (name: string) => (payload: unknown, meta: EventMeta) =>
    Effect.sync(() => {
      heard.push([name, meta.subject, payload])
    })
  return definePlugin({
    id: "listener",
    version: "0.1.0",
    dependsOn: ["org"],
    subscribes: [
      subscribe(PersonHired, keep("hired")),
      subscribe(PersonMoved, keep("moved")),
      subscribe(ManagerChanged, keep("manager")),
      subscribe(PersonDeparted, keep("departed")),
    ],
  })
}

describe.each(testDialects())("org's domain events on %s", (dialect) => {
  it("publishes hires, moves, manager changes and departures, in order per person", async () => {
    const heard: Array<[string, string, unknown]> = []
    const host = await openTestHost(dialect, [orgPlugin, listener(heard)])
    try {
      const [support, sales, boss, ana] = await host.run(
        Effect.gen(function* () {
          const teams = yield* TeamRepo
          const people = yield* PersonRepo
          const support = yield* teams.create(teamInput({ key: "support", name: "Support" }))
          const sales = yield* teams.create(teamInput({ key: "sales", name: "Sales" }))
          const base = { timeZone: "Europe/Berlin", teamKey: "support", hireDate: "2025-01-06" }
          const boss = yield* people.create(personInput({ ...base, name: "Bo", email: "bo@example.com" }))
          const ana = yield* people.create(personInput({ ...base, name: "Ana", email: "ana@example.com" }))
          yield* people.setManager({ personId: ana.id, managerId: boss.id })
          yield* people.update({ id: ana.id, teamKey: "sales" })
          yield* people.update({ id: ana.id, name: "Ana B." })
          yield* people.recordDeparture({ personId: ana.id, leftOn: "2026-03-31" })
          return [support, sales, boss, ana] as const
        }),
      )
      await eventually(() => heard.length === 5, "five events")
      assert.deepStrictEqual(
        heard.filter(([, subject]) => subject === ana.id),
        [
          ["hired", ana.id, { personId: ana.id, email: "ana@example.com", teamId: support.id, hireDate: "2025-01-06" }],
          ["manager", ana.id, { personId: ana.id, fromManagerId: null, toManagerId: boss.id }],
          ["moved", ana.id, { personId: ana.id, fromTeamId: support.id, toTeamId: sales.id }],
          ["departed", ana.id, { personId: ana.id, email: "ana@example.com", leftOn: "2026-03-31" }],
        ],
      )
      assert.deepStrictEqual(
        heard.filter(([, subject]) => subject === boss.id).map(([name]) => name),
        ["hired"],
      )
    } finally {
      await host.close()
    }
  })
})

describe("a stop between a departure's commit and its delivery", () => {
  it("delivers the event once to each subscriber after the restart", async () => {
    const folder = mkdtempSync(join(tmpdir(), "teamops-events-"))
    try {
      const database = join(folder, "org.db")
      const host = (step: string) =>
        run(process.execPath, [join(import.meta.dirname, "events", "departingHost.mjs"), database, step], {
          timeout: 60_000,
        })
      // The first process commits a departure and dies as the first subscriber starts on it.
      const killed = await host("depart").then(
        () => assert.fail("the first process ended normally"),
        (error: { code?: number; signal?: string }) => error,
      )
      assert.strictEqual(killed.signal, "SIGKILL")
      const after = JSON.parse((await host("restart")).stdout)
      assert.deepStrictEqual(after, { departed: "left", deliveries: { first: 1, second: 1 } })
      // A second restart finds nothing left to deliver.
      assert.deepStrictEqual(JSON.parse((await host("restart")).stdout), after)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 120_000)
})
