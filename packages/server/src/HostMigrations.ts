import { dialectOf, type Migrations } from "@teamops/core"

/** The host's own tables, migrated before any plugin's. */
export const hostMigrations: Migrations = {
  "0001_plugins": {
    // Which version of each plugin last migrated this database: a later boot with an
    // older plugin version can then be told apart from a fresh install.
    up: async (db) => {
      await db.schema
        .createTable("teamops_plugins")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("migrated_at", "text", (c) => c.notNull())
        .execute()
    },
  },
  "0002_access": {
    // Tokens are stored as their SHA-256 hash; the token itself is shown once, at creation.
    // The audit log names principals by id (`person:<id>`), never by email, so erasing a
    // person never needs to touch it: it is only ever appended to.
    up: async (db) => {
      await db.schema
        .createTable("teamops_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("person_id", "text")
        .addColumn("service", "text")
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text")
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute()
      await db.schema.createIndex("teamops_tokens_person").on("teamops_tokens").column("person_id").execute()
      const { serialId } = dialectOf(db)
      await db.schema
        .createTable("teamops_audit")
        .addColumn("seq", serialId.type, serialId.column)
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("principal", "text", (c) => c.notNull())
        .addColumn("operation", "text", (c) => c.notNull())
        .addColumn("targets", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .execute()
      await db.schema.createIndex("teamops_audit_principal").on("teamops_audit").columns(["principal", "seq"]).execute()
      await db.schema.createIndex("teamops_audit_operation").on("teamops_audit").columns(["operation", "seq"]).execute()
    },
  },
  "0003_outbox": {
    // Domain events, written in the transaction of the change they tell of, and which
    // subscriber has handled which: a delivery commits with what its handler wrote.
    up: async (db) => {
      const { serialId } = dialectOf(db)
      await db.schema
        .createTable("teamops_outbox")
        .addColumn("seq", serialId.type, serialId.column)
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("event", "text", (c) => c.notNull())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute()
      await db.schema
        .createTable("teamops_deliveries")
        .addColumn("event_id", "text", (c) => c.notNull())
        .addColumn("subscriber", "text", (c) => c.notNull())
        .addColumn("delivered_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("teamops_deliveries_pk", ["event_id", "subscriber"])
        .execute()
    },
  },
}
