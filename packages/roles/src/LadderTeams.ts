import { Db } from "@teamops/core"
import { type OrgDatabase, TeamRepo } from "@teamops/org"
import { Effect } from "effect"
import type { Kysely } from "kysely"

/**
 * The org teams that own ladders, by key, in two statements whatever the number of keys.
 * A ladder names its team by key, and a key no team has (yet) reads as no team.
 */
export const teamsByKeys = (keys: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    if (keys.length === 0) return []
    const db = yield* Db
    const teams = yield* TeamRepo
    const rows = yield* db.query((k: Kysely<OrgDatabase>) =>
      k.selectFrom("org_teams").select("id").where("key", "in", keys).execute(),
    )
    return yield* teams.byIds(rows.map((r) => r.id))
  })
