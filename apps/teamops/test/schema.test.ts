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

it("every query and mutation field says who may call it", async () => {
  const server = await createServer({ databaseUrl: ":memory:", plugins: defaultPlugins })
  try {
    const { schema } = server.host
    const undeclared = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.values(type?.getFields() ?? {})
        .filter(
          (field) =>
            (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes === undefined,
        )
        .map((field) => `${type?.name}.${field.name}`),
    )
    expect(undeclared).toEqual([])
  } finally {
    await server.close()
  }
})
