import { readFileSync } from "node:fs"
import { createServer } from "@teamops/server"
import { printSchema } from "graphql"
import { expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"

const committed = new URL("../../../schema.graphql", import.meta.url)

it("the committed schema.graphql is the schema the default plugins build (npm run schema rewrites it)", async () => {
  const server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins })
  try {
    expect(`${printSchema(server.host.schema)}\n`).toBe(readFileSync(committed, "utf8"))
  } finally {
    await server.close()
  }
})
