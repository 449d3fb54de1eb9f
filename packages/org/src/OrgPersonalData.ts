import { ConflictError, Db, NotFoundError, type PersonalData } from "@teamops/core"
import { Effect } from "effect"
import type { Kysely } from "kysely"
import type { OrgDatabase } from "./OrgDatabase.js"

const personRow = (personId: string) =>
  Effect.flatMap(Db, (db) =>
    db.query((k: Kysely<OrgDatabase>) =>
      k.selectFrom("org_people").selectAll().where("id", "=", personId).executeTakeFirst(),
    ),
  )

/**
 * A person's org record, their salary included. Only a person who left can be erased: their
 * name and email give way to the pseudonym, and their team, manager line, dates and salary
 * stay, so team figures stay right: the cost of a past departure does not change once erased.
 */
export const orgPersonalData: PersonalData = {
  export: (personId) => Effect.map(personRow(personId), (row) => ({ person: row ?? null })),
  erase: (personId, pseudonym) =>
    Effect.gen(function* () {
      const row = yield* personRow(personId)
      if (row === undefined) {
        return yield* new NotFoundError({ entity: "Person", key: personId, message: `no person with id "${personId}"` })
      }
      if (row.status !== "left") {
        return yield* new ConflictError({ message: `${row.email} has not left: record the departure first` })
      }
      const db = yield* Db
      yield* db.query((k: Kysely<OrgDatabase>) =>
        k
          .updateTable("org_people")
          .set({ name: pseudonym.name, email: pseudonym.email })
          .where("id", "=", personId)
          .execute(),
      )
    }),
}
