import { Db, Directory, type DirectoryEntry } from "@teamops/core"
import { Effect, Layer } from "effect"
import { type Kysely, sql } from "kysely"
import type { OrgDatabase } from "./OrgDatabase.js"

const entryOf = (row: { id: string; email: string; status: string } | undefined): DirectoryEntry | undefined =>
  row === undefined ? undefined : { personId: row.id, email: row.email, active: row.status === "active" }

/**
 * The org chart as the access rules read it: people by email and id, and the reporting lines
 * as they stand now. A person who left manages nobody.
 */
export const OrgDirectory = Layer.effect(
  Directory,
  Effect.map(Db, (db) => {
    const query = <A>(work: (k: Kysely<OrgDatabase>) => Promise<A>) => db.query(work)
    const person = (column: "id" | "email", value: string) =>
      query((k) =>
        k.selectFrom("org_people").select(["id", "email", "status"]).where(column, "=", value).executeTakeFirst(),
      ).pipe(Effect.map(entryOf))
    return {
      byEmail: (email) => person("email", email),
      byId: (personId) => person("id", personId),
      // Everyone below, in one recursive statement; the depth bound stops a cycle in bad data.
      reportsOf: (personId) =>
        query((k) =>
          k
            .withRecursive("down(id, depth)", (q) =>
              q
                .selectFrom("org_people")
                .select(["id", sql<number>`1`.as("depth")])
                .where("manager_id", "=", personId)
                .where(
                  sql<boolean>`exists (select 1 from org_people m where m.id = ${personId} and m.status = 'active')`,
                )
                .unionAll(
                  q
                    .selectFrom("org_people as p")
                    .innerJoin("down", "down.id", "p.manager_id")
                    .select(["p.id", sql<number>`down.depth + 1`.as("depth")])
                    .where(sql<boolean>`down.depth < 100`),
                ),
            )
            .selectFrom("down")
            .select("id")
            .distinct()
            .execute(),
        ).pipe(Effect.map((rows) => new Set(rows.map((row) => row.id)))),
      teamsOf: (personIds) =>
        personIds.length === 0
          ? Effect.succeed(new Set<string>())
          : query((k) =>
              k.selectFrom("org_people").select("team_id").distinct().where("id", "in", personIds).execute(),
            ).pipe(Effect.map((rows) => new Set(rows.map((row) => row.team_id)))),
    }
  }),
)
