import { Db, type DbError } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import type { KpiDatabase } from "./KpiDatabase.js"

/** A conversation, when it was created, and the team its first assignment names. */
export interface ConversationStart {
  readonly conversationId: string
  /** UTC milliseconds. */
  readonly createdAt: number
  readonly teamKey: string
}

/**
 * When the conversations of teams were created, for plugins that look at when customers write
 * (coverage of the hours) rather than at what a report counts.
 */
export interface ConversationStartsService {
  /**
   * The conversations created in `[from, to)` whose first assignment (by instant, then arrival)
   * names one of `teamKeys`, in one statement, oldest first. A conversation never assigned to a
   * team is in none.
   */
  readonly ofTeams: (
    teamKeys: ReadonlyArray<string>,
    from: number,
    to: number,
  ) => Effect.Effect<ReadonlyArray<ConversationStart>, DbError>
}

export class ConversationStarts extends Context.Tag("@teamops/kpi/ConversationStarts")<
  ConversationStarts,
  ConversationStartsService
>() {
  static readonly layer = Layer.effect(
    ConversationStarts,
    Effect.map(Db, (db) => makeConversationStarts(db)),
  )
}

const makeConversationStarts = (db: Context.Tag.Service<Db>): ConversationStartsService => ({
  ofTeams: (teamKeys, from, to) =>
    teamKeys.length === 0 || from >= to
      ? Effect.succeed([])
      : db
          .query((k: Kysely<KpiDatabase>) =>
            k
              .selectFrom("kpi_conversations as c")
              .innerJoin("kpi_assignments as a", "a.conversation_id", "c.conversation_id")
              .select(["c.conversation_id", "c.created_at", "a.team_key"])
              .where("c.created_at", ">=", from)
              .where("c.created_at", "<", to)
              .where("a.team_key", "in", teamKeys)
              // The first assignment: none of the same conversation comes before it.
              .where(({ not, exists, selectFrom }) =>
                not(
                  exists(
                    selectFrom("kpi_assignments as b")
                      .select("b.seq")
                      .whereRef("b.conversation_id", "=", "a.conversation_id")
                      .where((eb) =>
                        eb.or([
                          eb("b.at", "<", eb.ref("a.at")),
                          eb.and([eb("b.at", "=", eb.ref("a.at")), eb("b.seq", "<", eb.ref("a.seq"))]),
                        ]),
                      ),
                  ),
                ),
              )
              .orderBy("c.created_at")
              .orderBy("c.conversation_id")
              .execute(),
          )
          .pipe(
            Effect.map((rows) =>
              rows.map((r) => ({
                conversationId: r.conversation_id,
                // PostgreSQL answers a bigint as text.
                createdAt: Number(r.created_at),
                teamKey: r.team_key as string,
              })),
            ),
          ),
})
