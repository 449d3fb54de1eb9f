import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type RawBuilder, sql } from "kysely"

export type Dialect = "sqlite" | "postgres"

/**
 * What differs between the stores where a migration or a query must say it, as named
 * capabilities rather than dialect branches copied into each plugin.
 */
export interface DialectCapabilities {
  readonly dialect: Dialect
  /**
   * The collation that compares text bytewise, as SQLite always does, for keys that sort
   * and group rows (`c.modifyFront(caps.binaryCollation)`); empty on SQLite.
   */
  readonly binaryCollation: RawBuilder<unknown>
  /** An id that grows with every row: SQLite's integer key, PostgreSQL's serial. */
  readonly serialId: {
    readonly type: "integer" | "serial"
    readonly column: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder
  }
}

/** Whether `db` talks to PostgreSQL. */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter

const postgres: DialectCapabilities = {
  dialect: "postgres",
  binaryCollation: sql`collate "C"`,
  serialId: { type: "serial", column: (c) => c.primaryKey() },
}

const sqlite: DialectCapabilities = {
  dialect: "sqlite",
  binaryCollation: sql``,
  serialId: { type: "integer", column: (c) => c.primaryKey().autoIncrement() },
}

/**
 * The capabilities of the store behind `db`, for migrations:
 *
 * ```ts
 * const { binaryCollation } = dialectOf(db)
 * db.schema.createTable("acme_deals").addColumn("key", "text", (c) => c.primaryKey().modifyFront(binaryCollation))
 * ```
 */
export const dialectOf = (db: Kysely<any>): DialectCapabilities => (isPostgres(db) ? postgres : sqlite)

/** The bytewise collation of the store behind `db` (see {@link DialectCapabilities.binaryCollation}). */
export const binaryCollation = (db: Kysely<any>) => dialectOf(db).binaryCollation

/**
 * A list of texts as one bound parameter, for `where(column, "in", textList(db.dialect, ids))`: one
 * statement whatever the length of the list, where inlining each value would need a
 * parameter apiece (and chunks of statements past the store's limit).
 */
export const textList = (dialect: Dialect, values: ReadonlyArray<string>): RawBuilder<string> =>
  dialect === "postgres"
    ? sql<string>`(select unnest(${[...values]}::text[]))`
    : sql<string>`(select value from json_each(${JSON.stringify(values)}))`
