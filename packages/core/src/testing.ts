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
 * An empty database of `dialect`: an in-memory SQLite database, or a new PostgreSQL
 * database beside the one `TEAMOPS_TEST_POSTGRES_URL` names, which `drop` removes.
 * Separate databases keep parallel tests out of each other's catalogs.
 */
export const testDatabase = async (dialect: "sqlite" | "postgres"): Promise<TestDatabase> => {
  if (dialect === "sqlite") return { dialect, url: ":memory:", drop: async () => {} }
  const base = process.env.TEAMOPS_TEST_POSTGRES_URL
  if (base === undefined) throw new Error("TEAMOPS_TEST_POSTGRES_URL is not set")
  const name = `teamops_test_${crypto.randomUUID().replaceAll("-", "")}`
  await administer(base, `create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { dialect, url: url.toString(), drop: () => administer(base, `drop database if exists ${name} with (force)`) }
}

const administer = async (url: string, statement: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
