import { binaryCollation, type Migration } from "@teamops/core"

export const init: Migration = {
  up: async (db) => {
    const instant = "bigint" as const
    await db.schema
      .createTable("kpi_events")
      .addColumn("id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("seq", instant, (c) => c.notNull().unique())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("conversation_id", "text", (c) => c.modifyFront(binaryCollation(db)))
      .addColumn("content", "text", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("kpi_events_conversation")
      .on("kpi_events")
      .columns(["conversation_id", "seq"])
      .execute()
    await db.schema.createIndex("kpi_events_at").on("kpi_events").column("at").execute()

    await db.schema
      .createTable("kpi_conversations")
      .addColumn("conversation_id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("created_at", instant, (c) => c.notNull())
      .addColumn("outbound", "integer", (c) => c.notNull())
      .addColumn("customer_id", "text")
      .addColumn("channel", "text")
      .execute()
    await db.schema
      .createIndex("kpi_conversations_customer")
      .on("kpi_conversations")
      .columns(["customer_id", "created_at"])
      .execute()

    await db.schema
      .createTable("kpi_cycles")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("cycle", "integer", (c) => c.notNull())
      .addColumn("start_at", instant, (c) => c.notNull())
      .addColumn("waits_for_customer", "integer", (c) => c.notNull())
      .addColumn("first_customer_at", instant)
      .addColumn("first_handoff_at", instant)
      .addColumn("handoff_precedes_human", "integer", (c) => c.notNull())
      .addColumn("first_human_at", instant)
      .addColumn("first_human_after_customer_at", instant)
      .addColumn("first_bot_at", instant)
      .addColumn("resolved_at", instant)
      .addColumn("resolved_by", "text")
      .addColumn("reopened_at", instant)
      .addColumn("owner_email", "text")
      .addColumn("owner_team", "text")
      .addPrimaryKeyConstraint("kpi_cycles_pk", ["conversation_id", "cycle"])
      .execute()
    await db.schema.createIndex("kpi_cycles_start").on("kpi_cycles").column("start_at").execute()
    await db.schema.createIndex("kpi_cycles_resolved").on("kpi_cycles").column("resolved_at").execute()

    await db.schema
      .createTable("kpi_assignments")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("seq", instant, (c) => c.notNull())
      .addColumn("person_email", "text")
      .addColumn("team_key", "text")
      .execute()
    await db.schema
      .createIndex("kpi_assignments_conversation")
      .on("kpi_assignments")
      .columns(["conversation_id", "at", "seq"])
      .execute()

    await db.schema
      .createTable("kpi_spans")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("cycle", "integer", (c) => c.notNull())
      .addColumn("person_email", "text", (c) => c.notNull())
      .addColumn("team_key", "text")
      .addColumn("start_at", instant, (c) => c.notNull())
      .addColumn("end_at", instant)
      .execute()
    await db.schema
      .createIndex("kpi_spans_conversation")
      .on("kpi_spans")
      .columns(["conversation_id", "cycle"])
      .execute()
    await db.schema.createIndex("kpi_spans_start").on("kpi_spans").column("start_at").execute()

    await db.schema
      .createTable("kpi_complexity")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("seq", instant, (c) => c.notNull())
      .addColumn("complexity", "text", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("kpi_complexity_conversation")
      .on("kpi_complexity")
      .columns(["conversation_id", "at", "seq"])
      .execute()

    await db.schema
      .createTable("kpi_replies")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("cycle", "integer", (c) => c.notNull())
      .addColumn("customer_at", instant, (c) => c.notNull())
      .addColumn("human_at", instant, (c) => c.notNull())
      .execute()
    await db.schema.createIndex("kpi_replies_conversation").on("kpi_replies").column("conversation_id").execute()
    await db.schema.createIndex("kpi_replies_human").on("kpi_replies").column("human_at").execute()

    await db.schema
      .createTable("kpi_ratings")
      .addColumn("conversation_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("cycle", "integer", (c) => c.notNull())
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("seq", instant, (c) => c.notNull())
      .addColumn("rating", "integer", (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex("kpi_ratings_conversation")
      .on("kpi_ratings")
      .columns(["conversation_id", "cycle"])
      .execute()
    await db.schema.createIndex("kpi_ratings_at").on("kpi_ratings").column("at").execute()

    await db.schema
      .createTable("kpi_reviews")
      .addColumn("event_id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("seq", instant, (c) => c.notNull())
      .addColumn("reviewee", "text", (c) => c.notNull())
      .addColumn("conversation_id", "text", (c) => c.modifyFront(binaryCollation(db)))
      .addColumn("score", "double precision")
      .execute()
    await db.schema.createIndex("kpi_reviews_at").on("kpi_reviews").column("at").execute()

    await db.schema
      .createTable("kpi_proactive")
      .addColumn("event_id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("team_key", "text")
      .addColumn("person_email", "text")
      .execute()
    await db.schema.createIndex("kpi_proactive_at").on("kpi_proactive").column("at").execute()

    await db.schema
      .createTable("kpi_article_views")
      .addColumn("event_id", "text", (c) => c.primaryKey().modifyFront(binaryCollation(db)))
      .addColumn("at", instant, (c) => c.notNull())
      .addColumn("customer_id", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .execute()
    await db.schema.createIndex("kpi_article_views_at").on("kpi_article_views").column("at").execute()

    await db.schema
      .createTable("kpi_calendars")
      .addColumn("team_key", "text", (c) => c.notNull().modifyFront(binaryCollation(db)))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("effective_from", instant)
      .addColumn("time_zone", "text", (c) => c.notNull())
      .addColumn("weekly", "text", (c) => c.notNull())
      .addColumn("holidays", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("kpi_calendars_pk", ["team_key", "position"])
      .execute()
  },
}
