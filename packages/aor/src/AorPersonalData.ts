import { Db, type PersonalData } from "@teamops/core"
import { Effect } from "effect"
import type { Kysely } from "kysely"
import type { AorDatabase } from "./AorDatabase.js"

const erased = "[erased]"

const withDb = <A>(work: (k: Kysely<AorDatabase>) => Promise<A>) => Effect.flatMap(Db, (db) => db.query(work))

/**
 * The person's ownerships, contributions, work and confirmations. Erasing keeps who held what
 * and when, the hours and the dates, so histories and health stay whole, and removes the text
 * written about the person: what their work says, its links, and the notes of the handovers
 * that gave them an area.
 */
export const aorPersonalData: PersonalData = {
  export: (personId) =>
    Effect.gen(function* () {
      const ownerships = yield* withDb((k) =>
        k.selectFrom("aor_ownerships").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      const contributions = yield* withDb((k) =>
        k.selectFrom("aor_contributions").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      const work = yield* withDb((k) =>
        k.selectFrom("aor_work").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      const confirmations = yield* withDb((k) =>
        k.selectFrom("aor_confirmations").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      return { ownerships, contributions, work, confirmations }
    }),
  erase: (personId) =>
    Effect.gen(function* () {
      yield* withDb((k) =>
        k.updateTable("aor_work").set({ text: erased, url: null }).where("person_id", "=", personId).execute(),
      )
      yield* withDb((k) =>
        k.updateTable("aor_ownerships").set({ note: erased }).where("person_id", "=", personId).execute(),
      )
    }),
}
