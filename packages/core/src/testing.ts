import pg from "pg"

/** A database a test can use and throw away. */
export interface TestDatabase {
  readonly dialect: "sqlite" | "postgres"
  readonly url: string
  readonly drop: () => Promise<void>
}

/**
 * The stores every store test runs on: SQLite always, PostgreSQL too when
 * `TEAMOPS_TEST_POSTGRES_URL` is set.
 */
export const testDialects = (): ReadonlyArray<"sqlite" | "postgres"> =>
  process.env.TEAMOPS_TEST_POSTGRES_URL ? ["sqlite", "postgres"] : ["sqlite"]

/**
 * An empty database of `dialect`: an in-memory SQLite database, or a fresh schema of the
 * PostgreSQL test database (reached through its `search_path`) that `drop` removes.
 */
export const testDatabase = async (dialect: "sqlite" | "postgres"): Promise<TestDatabase> => {
  if (dialect === "sqlite") return { dialect, url: ":memory:", drop: async () => {} }
  const base = process.env.TEAMOPS_TEST_POSTGRES_URL
  if (base === undefined) throw new Error("TEAMOPS_TEST_POSTGRES_URL is not set")
  const schema = `test_${crypto.randomUUID().replaceAll("-", "")}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const url = new URL(base)
  url.searchParams.set("options", `-c search_path=${schema}`)
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    },
  }
}
