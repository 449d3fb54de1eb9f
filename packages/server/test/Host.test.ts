import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import {
  type Builder,
  ConflictError,
  Contributions,
  contribute,
  DbError,
  definePlugin,
  ErrorRef,
  extensionPoint,
  InputError,
  Key,
  type Migrations,
  NotFoundError,
  PluginError,
} from "@teamops/core"
import { testDatabase, testDialects } from "@teamops/core/testing"
import { Context, Effect, Layer, Schema } from "effect"
import { afterEach, assert, describe, it, vi } from "vitest"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"
import { adminAuthorization } from "./adminToken.js"

const servers: Array<TeamopsServer> = []
const drops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  await Promise.all(drops.splice(0).map((drop) => drop()))
})

const boot = async (config: Omit<ServerConfig, "databaseUrl"> & { databaseUrl?: string }) => {
  const server = await createServer({ databaseUrl: ":memory:", graphiql: false, ...config })
  servers.push(server)
  return server
}

/** Boots a server expected to fail, and returns the PluginError it fails with. */
const bootFailure = async (
  config: Omit<ServerConfig, "databaseUrl"> & { databaseUrl?: string },
): Promise<PluginError> => {
  try {
    await boot(config)
  } catch (error) {
    assert.instanceOf(error, PluginError)
    return error as PluginError
  }
  return assert.fail("the server booted")
}

/** A fresh database of `dialect` for one test. */
const databaseUrl = async (dialect: "sqlite" | "postgres") => {
  const database = await testDatabase(dialect)
  drops.push(database.drop)
  return database.url
}

/** A fresh database of `dialect` that outlives one server: a file on SQLite. */
const lastingDatabaseUrl = async (dialect: "sqlite" | "postgres") => {
  if (dialect === "postgres") return databaseUrl(dialect)
  const folder = mkdtempSync(join(tmpdir(), "teamops-host-"))
  drops.push(async () => rmSync(folder, { recursive: true, force: true }))
  return join(folder, "host.db")
}

const graphql = async (server: TeamopsServer, query: string, variables?: Record<string, unknown>) => {
  const response = await server.fetch("http://teamops.test/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      authorization: await adminAuthorization(server),
    },
    body: JSON.stringify({ query, variables }),
  })
  return {
    status: response.status,
    body: (await response.json()) as { data?: any; errors?: Array<{ message: string }> },
  }
}

const get = async (server: TeamopsServer, path: string) => {
  const response = await server.fetch(`http://teamops.test${path}`)
  return { status: response.status, body: (await response.json()) as any }
}

// ---------------------------------------------------------------------------------------
// An owner plugin with an extension point, and contributors.

const Metric = Schema.Struct({ key: Key, unit: Schema.Literal("hours", "count") })
const metric = (value: typeof Metric.Encoded) => contribute(metricPoint, value)
const metricPoint = extensionPoint("acme-metrics", "metric", Metric)

class MetricRegistry extends Context.Tag("test/MetricRegistry")<MetricRegistry, ReadonlyArray<string>>() {}

const metricsPlugin = definePlugin({
  id: "acme-metrics",
  version: "1.0.0",
  extensionPoints: [metricPoint],
  layer: Layer.effect(
    MetricRegistry,
    Effect.map(Contributions, (contributions) =>
      contributions.of(metricPoint).map(({ pluginId, value }) => `${pluginId}:${value.key}:${value.unit}`),
    ),
  ),
  schema: (builder, { run }) => {
    builder.queryField("metrics", (t) =>
      t.stringList({ resolve: () => run(Effect.map(MetricRegistry, (m) => [...m])) }),
    )
  },
})

const contributor = (
  id: string,
  contributes: ReadonlyArray<ReturnType<typeof metric>>,
  extra: { dependsOn?: Array<string>; migrations?: Migrations } = {},
) =>
  definePlugin({
    id,
    version: "0.3.1",
    dependsOn: extra.dependsOn ?? ["acme-metrics"],
    contributes,
    migrations: extra.migrations ?? {},
  })

const failingMigration: Migrations = {
  "0001_init": {
    up: async (db) => {
      await db.schema.createTable("acme_sales_deals").addColumn("id", "text").execute()
    },
  },
  "0002_amounts": {
    up: async () => {
      throw new Error("column amount is missing")
    },
  },
}

/** Adds a query field, `hello` (a host needs at least one field to boot). */
const withAField = (builder: Builder) => {
  builder.queryField("hello", (t) => t.string({ resolve: () => "hello" }))
}

describe("boot refusals name the plugin", () => {
  it("an invalid contribution: the contributing plugin, the point and the field path", async () => {
    const error = await bootFailure({
      plugins: [
        metricsPlugin,
        contributor("acme-sales", [
          metric({ key: "deals", unit: "hours" }),
          metric({ key: "revenue", unit: "euros" as "hours" }),
        ]),
      ],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.match(error.message, /^plugin "acme-sales": contribution metric\[1\] is invalid: unit: /)
    assert.include(error.message, `"euros"`)
  })

  it("every issue of an invalid contribution", async () => {
    const error = await bootFailure({
      plugins: [metricsPlugin, contributor("acme-sales", [metric({ key: "Deals Won", unit: "euros" as "hours" })])],
    })
    assert.include(error.message, `contribution metric[0] is invalid: key: expected a lower-kebab key`)
    assert.include(error.message, "\nunit: ")
  })

  it("a contribution to a plugin not in dependsOn", async () => {
    const error = await bootFailure({
      plugins: [metricsPlugin, contributor("acme-sales", [metric({ key: "deals", unit: "count" })], { dependsOn: [] })],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(
      error.message,
      `plugin "acme-sales": contribution metric[0] goes to plugin "acme-metrics", which is not in dependsOn`,
    )
  })

  it("a failing migration: the plugin and the migration", async () => {
    const error = await bootFailure({
      plugins: [definePlugin({ id: "acme-sales", version: "1.0.0", migrations: failingMigration })],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales": migration "0002_amounts" failed: column amount is missing`)
  })

  it("an invalid plugin configuration: the plugin and the field", async () => {
    const plugin = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      config: Schema.Struct({ currency: Schema.Literal("EUR", "USD"), target: Schema.Number }),
    })
    const error = await bootFailure({
      plugins: [plugin],
      pluginConfig: { "acme-sales": { currency: "GBP", target: 10 } },
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.match(error.message, /^plugin "acme-sales": invalid configuration at plugins\.acme-sales\.currency: /)
    assert.include(error.message, `"GBP"`)

    const missing = await bootFailure({ plugins: [plugin] })
    assert.include(
      missing.message,
      `plugin "acme-sales": invalid configuration at plugins.acme-sales.currency: is missing`,
    )
    assert.include(missing.message, `plugins.acme-sales.target: is missing`)
  })

  it("a layer that fails", async () => {
    class Broken extends Context.Tag("test/Broken")<Broken, string>() {}
    const error = await bootFailure({
      plugins: [
        definePlugin({
          id: "acme-sales",
          version: "1.0.0",
          layer: Layer.fail("no licence") as Layer.Layer<Broken, string>,
        }),
      ],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales": layer failed: no licence`)
  })

  it("a schema that does not build: at boot, not at the first request", async () => {
    const error = await bootFailure({
      plugins: [
        definePlugin({
          id: "acme-sales",
          version: "1.0.0",
          schema: (builder) => {
            const Empty = builder.objectRef<object>("AcmeEmpty").implement({ fields: () => ({}) })
            builder.queryField("acmeEmpty", (t) => t.field({ type: Empty, resolve: () => ({}) }))
          },
        }),
      ],
    })
    assert.strictEqual(error.pluginId, "teamops")
    assert.strictEqual(
      error.message,
      "the GraphQL schema does not build: Type AcmeEmpty must define one or more fields.",
    )
  })

  it("a schema function that throws", async () => {
    const error = await bootFailure({
      plugins: [
        definePlugin({
          id: "acme-sales",
          version: "1.0.0",
          schema: () => {
            throw new Error("no fields")
          },
        }),
      ],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales": schema failed: no fields`)
  })
})

describe("the schema", () => {
  it("answers who is asking with no plugin at all", async () => {
    const server = await boot({ plugins: [] })
    assert.deepStrictEqual((await graphql(server, "{ viewer { kind service scopes roles } }")).body, {
      data: {
        viewer: {
          kind: "SERVICE",
          service: "test-admin",
          scopes: ["admin"],
          roles: ["ADMIN", "PEOPLE_PARTNER", "SERVICE"],
        },
      },
    })
  })
})

describe("contributions", () => {
  it("the owner gets every decoded contribution, with the contributing plugin, in boot order", async () => {
    const server = await boot({
      plugins: [
        contributor("acme-support", [metric({ key: "tickets", unit: "count" })]),
        metricsPlugin,
        contributor("acme-sales", [metric({ key: "deals", unit: "count" }), metric({ key: "calls", unit: "hours" })]),
      ],
    })
    const { status, body } = await graphql(server, "{ metrics }")
    assert.strictEqual(status, 200)
    assert.deepStrictEqual(body, {
      data: { metrics: ["acme-sales:deals:count", "acme-sales:calls:hours", "acme-support:tickets:count"] },
    })
  })

  it("the owner sees contributions decoded by the point's schema", async () => {
    const Trimmed = Schema.Struct({ label: Schema.Trim })
    const point = extensionPoint("acme-labels", "label", Trimmed)
    class Labels extends Context.Tag("test/Labels")<Labels, ReadonlyArray<string>>() {}
    const owner = definePlugin({
      id: "acme-labels",
      version: "1.0.0",
      extensionPoints: [point],
      layer: Layer.effect(
        Labels,
        Effect.map(Contributions, (c) => c.of(point).map((x) => `[${x.value.label}]`)),
      ),
      schema: (builder, { run }) => {
        builder.queryField("labels", (t) => t.stringList({ resolve: () => run(Effect.map(Labels, (l) => [...l])) }))
      },
    })
    const server = await boot({
      plugins: [
        owner,
        definePlugin({
          id: "acme-sales",
          version: "1.0.0",
          dependsOn: ["acme-labels"],
          contributes: [contribute(point, { label: "  Sales  " })],
        }),
      ],
    })
    assert.deepStrictEqual((await graphql(server, "{ labels }")).body, { data: { labels: ["[Sales]"] } })
  })
})

describe("plugin configuration", () => {
  it("the decoded configuration reaches the plugin's layer function", async () => {
    class Greeting extends Context.Tag("test/Greeting")<Greeting, string>() {}
    const seen: Array<unknown> = []
    const plugin = definePlugin({
      id: "acme-greeter",
      version: "1.0.0",
      config: Schema.Struct({
        greeting: Schema.Trim,
        times: Schema.optionalWith(Schema.NumberFromString, { default: () => 2 }),
      }),
      layer: (config) => {
        seen.push(config)
        return Layer.succeed(Greeting, Array.from({ length: config.times }, () => config.greeting).join(" "))
      },
      schema: (builder, { run }) => {
        builder.queryField("greeting", (t) => t.string({ resolve: () => run(Greeting) }))
      },
    })
    const server = await boot({ plugins: [plugin], pluginConfig: { "acme-greeter": { greeting: " hello " } } })
    assert.deepStrictEqual(seen, [{ greeting: "hello", times: 2 }])
    assert.deepStrictEqual((await graphql(server, "{ greeting }")).body, { data: { greeting: "hello hello" } })

    const other = await boot({ plugins: [plugin], pluginConfig: { "acme-greeter": { greeting: "hi", times: "3" } } })
    assert.deepStrictEqual(seen[1], { greeting: "hi", times: 3 })
    assert.deepStrictEqual((await graphql(other, "{ greeting }")).body, { data: { greeting: "hi hi hi" } })
  })

  it("refuses a key the configuration does not know, naming it", async () => {
    const plugin = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      config: Schema.Struct({ currency: Schema.optionalWith(Schema.String, { default: () => "EUR" }) }),
      schema: withAField,
    })
    const error = await bootFailure({ plugins: [plugin], pluginConfig: { "acme-sales": { curency: "USD" } } })
    assert.strictEqual(
      error.message,
      `plugin "acme-sales": invalid configuration at plugins.acme-sales.curency: is unexpected, expected: "currency"`,
    )
  })

  it("a plugin without a config schema gets its raw section", async () => {
    class Raw extends Context.Tag("test/Raw")<Raw, unknown>() {}
    const seen: Array<unknown> = []
    const plugin = definePlugin({
      id: "acme-raw",
      version: "1.0.0",
      layer: (config) => {
        seen.push(config)
        return Layer.succeed(Raw, config)
      },
      schema: withAField,
    })
    await boot({ plugins: [plugin], pluginConfig: { "acme-raw": { anything: [1, 2] } } })
    assert.deepStrictEqual(seen, [{ anything: [1, 2] }])
  })
})

describe("health", () => {
  it("a healthy host: /healthz 200, /readyz 200 with the plugins and their versions", async () => {
    const server = await boot({
      plugins: [metricsPlugin, contributor("acme-sales", [metric({ key: "deals", unit: "count" })])],
    })
    assert.deepStrictEqual(await get(server, "/healthz"), { status: 200, body: { status: "ok" } })
    assert.deepStrictEqual(await get(server, "/readyz"), {
      status: 200,
      body: {
        status: "ready",
        database: "ok",
        plugins: [
          { id: "acme-metrics", version: "1.0.0", status: "booted" },
          { id: "acme-sales", version: "0.3.1", status: "booted" },
        ],
      },
    })
  })

  it("a host whose database stopped answering: /readyz 503, /healthz still 200", async () => {
    const server = await boot({ plugins: [metricsPlugin] })
    await server.host.db.kysely.destroy()
    const ready = await get(server, "/readyz")
    assert.strictEqual(ready.status, 503)
    assert.strictEqual(ready.body.status, "degraded")
    assert.strictEqual(ready.body.database, "unreachable")
    assert.strictEqual((await get(server, "/healthz")).status, 200)
  })
})

describe.each(testDialects())("optional plugins on %s", (dialect) => {
  it("an optional plugin whose migration fails is left out with its dependants; the rest boot", async () => {
    const server = await boot({
      databaseUrl: await databaseUrl(dialect),
      plugins: [
        metricsPlugin,
        contributor("acme-sales", [metric({ key: "deals", unit: "count" })], { migrations: failingMigration }),
        // Not optional itself: left out because it depends on a plugin left out.
        contributor("acme-reports", [metric({ key: "reports", unit: "count" })], {
          dependsOn: ["acme-metrics", "acme-sales"],
        }),
        contributor("acme-support", [metric({ key: "tickets", unit: "count" })]),
      ],
      optional: ["acme-sales"],
    })
    assert.deepStrictEqual(
      server.host.booted.map((p) => p.id),
      ["acme-metrics", "acme-support"],
    )

    assert.deepStrictEqual(await get(server, "/healthz"), { status: 200, body: { status: "ok" } })
    assert.deepStrictEqual(await get(server, "/readyz"), {
      status: 503,
      body: {
        status: "degraded",
        database: "ok",
        plugins: [
          { id: "acme-metrics", version: "1.0.0", status: "booted" },
          { id: "acme-support", version: "0.3.1", status: "booted" },
          {
            id: "acme-sales",
            version: "0.3.1",
            status: "left-out",
            reason: `plugin "acme-sales": migration "0002_amounts" failed: column amount is missing`,
          },
          {
            id: "acme-reports",
            version: "0.3.1",
            status: "left-out",
            reason: `plugin "acme-reports" depends on "acme-sales", which was left out`,
          },
        ],
      },
    })

    // The owner does not see the contributions of plugins left out.
    assert.deepStrictEqual((await graphql(server, "{ metrics }")).body, {
      data: { metrics: ["acme-support:tickets:count"] },
    })
  })

  it("the same failure in a plugin that is not optional refuses the boot", async () => {
    const error = await bootFailure({
      databaseUrl: await databaseUrl(dialect),
      plugins: [metricsPlugin, contributor("acme-sales", [], { migrations: failingMigration })],
    })
    assert.strictEqual(error.message, `plugin "acme-sales": migration "0002_amounts" failed: column amount is missing`)
  })

  it("an optional plugin with an invalid configuration is left out", async () => {
    const server = await boot({
      databaseUrl: await databaseUrl(dialect),
      plugins: [
        metricsPlugin,
        definePlugin({ id: "acme-sales", version: "1.0.0", config: Schema.Struct({ target: Schema.Number }) }),
      ],
      optional: ["acme-sales"],
      pluginConfig: { "acme-sales": { target: "high" } },
    })
    const ready = await get(server, "/readyz")
    assert.strictEqual(ready.status, 503)
    assert.deepStrictEqual(ready.body.plugins[1].id, "acme-sales")
    assert.deepStrictEqual(ready.body.plugins[1].status, "left-out")
    assert.match(
      ready.body.plugins[1].reason,
      /^plugin "acme-sales": invalid configuration at plugins\.acme-sales\.target: /,
    )
  })

  it("records the version of each booted plugin; a second boot migrates nothing again", async () => {
    const url = await databaseUrl(dialect)
    let runs = 0
    const plugin = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      schema: withAField,
      migrations: {
        "0001_init": {
          up: async (db) => {
            runs++
            await db.schema.createTable("acme_sales_deals").addColumn("id", "text").execute()
          },
        },
      },
    })
    if (dialect === "postgres") {
      const first = await boot({ databaseUrl: url, plugins: [plugin] })
      await first.close()
      servers.splice(servers.indexOf(first), 1)
      const second = await boot({ databaseUrl: url, plugins: [{ ...plugin, version: "1.1.0" }] })
      const rows = await second.host.db.kysely.selectFrom("teamops_plugins").select(["id", "version"]).execute()
      assert.deepStrictEqual(rows, [{ id: "acme-sales", version: "1.1.0" }])
      assert.strictEqual(runs, 1)
    } else {
      const server = await boot({ databaseUrl: url, plugins: [plugin] })
      const rows = await server.host.db.kysely.selectFrom("teamops_plugins").select(["id", "version"]).execute()
      assert.deepStrictEqual(rows, [{ id: "acme-sales", version: "1.0.0" }])
      assert.strictEqual(runs, 1)
    }
  })

  it("a boot on a database migrated before reads every history in one statement, and runs no migrator", async () => {
    const url = await lastingDatabaseUrl(dialect)
    const plugin = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      schema: withAField,
      migrations: {
        "0001_init": { up: (db) => db.schema.createTable("acme_sales_deals").addColumn("id", "text").execute() },
      },
    })
    const first = await boot({ databaseUrl: url, plugins: [plugin] })
    await first.close()
    servers.splice(servers.indexOf(first), 1)

    const sent: Array<string> = []
    await boot({ databaseUrl: url, plugins: [plugin], onStatement: (sql) => sent.push(sql) })
    const histories = sent.filter((sql) => sql.includes("_migrations"))
    assert.strictEqual(histories.length, 1)
    assert.include(histories[0], '"teamops_migrations"')
    assert.include(histories[0], '"acme_sales_migrations"')
  })
})

describe("the resolver adapter", () => {
  const faulty = definePlugin({
    id: "acme-faulty",
    version: "1.0.0",
    schema: (builder, { run, runQuery, invariant }) => {
      builder.queryFields((t) => ({
        fine: t.string({ resolve: () => run(Effect.succeed("fine")) }),
        missing: t.string({
          args: { team: t.arg.string({ required: true }) },
          resolve: (_, args) =>
            runQuery(
              Effect.fail(new NotFoundError({ message: `no team "${args.team}"`, entity: "Team", key: args.team })),
              () => "team",
            ),
        }),
        badInput: t.string({
          resolve: () => runQuery(Effect.fail(new InputError({ path: ["when"], message: "when: expected a date" }))),
        }),
        broken: t.string({ resolve: () => invariant("row 7 refers to nothing") }),
        undeclared: t.string({
          resolve: () => run(Effect.fail(new NotFoundError({ message: "no such team", entity: "Team", key: "x" }))),
        }),
        defect: t.string({ resolve: () => run(Effect.die(new Error("kaboom: secret detail"))) }),
        plainFailure: t.string({ resolve: () => run(Effect.fail("not an error object")) }),
        dbFailure: t.string({
          resolve: () => run(Effect.fail(new DbError({ message: "relation acme_secret does not exist" }))),
        }),
        wrongDeclared: t.string({
          errors: {
            types: [ConflictError],
            union: { name: "WrongDeclaredResult" },
            result: { name: "WrongDeclaredSuccess" },
          },
          resolve: () => run(Effect.fail(new NotFoundError({ message: "no such team", entity: "Team", key: "x" }))),
        }),
      }))
      builder.mutationField("claim", (t) =>
        t.string({
          args: { name: t.arg.string({ required: true }) },
          errors: {
            types: [ConflictError],
            union: { name: "ClaimResult" },
            result: { name: "ClaimSuccess" },
            dataField: { name: "name" },
          },
          resolve: (_, { name }) =>
            run(
              name === "taken"
                ? Effect.fail(new ConflictError({ message: `"${name}" is already claimed` }))
                : Effect.succeed(name),
            ),
        }),
      )
    },
  })

  const masked = async (server: TeamopsServer, field: string) => {
    const { status, body } = await graphql(server, `{ ${field} }`)
    assert.strictEqual(status, 200, field)
    assert.isNull(body.data, field)
    assert.deepStrictEqual(
      body.errors?.map((e) => e.message),
      ["Unexpected error."],
      field,
    )
  }

  it("masks an undeclared typed failure, a defect, a non-Error failure and a database failure; the server keeps serving", async () => {
    const server = await boot({ plugins: [faulty] })
    for (const field of ["undeclared", "defect", "plainFailure", "dbFailure"]) {
      await masked(server, field)
      assert.deepStrictEqual((await graphql(server, "{ fine }")).body, { data: { fine: "fine" } })
    }
  })

  it("masks a typed failure the field does not declare, even when it declares others", async () => {
    const server = await boot({ plugins: [faulty] })
    const { body } = await graphql(server, "{ wrongDeclared { __typename } }")
    assert.deepStrictEqual(
      body.errors?.map((e) => e.message),
      ["Unexpected error."],
    )
  })

  it("logs each masked failure once, with the plugin and the field", async () => {
    const server = await boot({ plugins: [faulty] })
    const lines: Array<string> = []
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => {
      lines.push(args.join(" "))
    })
    try {
      for (const field of ["undeclared", "defect", "dbFailure", "broken"]) {
        lines.length = 0
        await masked(server, field)
        await new Promise((resolve) => setTimeout(resolve, 20))
        assert.strictEqual(lines.length, 1, `${field}: ${lines.join("\n")}`)
        assert.include(lines[0], "plugin=acme-faulty", field)
        assert.include(lines[0], `path=${field}`, field)
      }
      assert.include(lines[0], "row 7 refers to nothing")
    } finally {
      spy.mockRestore()
    }
  })

  it("reports input and not-found failures of query fields as field errors naming the argument", async () => {
    const server = await boot({ plugins: [faulty] })
    const missing = await graphql(server, `{ missing(team: "nope") }`)
    assert.deepStrictEqual(
      missing.body.errors?.map((e: any) => [e.message, e.extensions?.code]),
      [['team: no team "nope"', "NOT_FOUND"]],
    )
    const bad = await graphql(server, "{ badInput }")
    assert.deepStrictEqual(
      bad.body.errors?.map((e: any) => [e.message, e.extensions?.code]),
      [["when: expected a date", "BAD_USER_INPUT"]],
    )
  })

  it("gives a plugin's own error type the kernel's Error interface, in every host of the process", async () => {
    class QuotaError extends Schema.TaggedError<QuotaError>()("QuotaError", { message: Schema.String }) {}
    const quota = definePlugin({
      id: "acme-quota",
      version: "1.0.0",
      schema: (builder, { run }) => {
        builder.objectType(QuotaError, { name: "QuotaError", interfaces: [ErrorRef], fields: () => ({}) })
        builder.queryField("quota", (t) => t.int({ resolve: () => 1 }))
        builder.mutationField("spend", (t) =>
          t.string({
            errors: { types: [QuotaError], union: { name: "SpendResult" }, result: { name: "SpendSuccess" } },
            resolve: () => run(Effect.fail(new QuotaError({ message: "over quota" }))),
          }),
        )
      },
    })
    for (const server of [await boot({ plugins: [quota] }), await boot({ plugins: [quota] })]) {
      const { body } = await graphql(server, "mutation { spend { ... on Error { __typename message } } }")
      assert.deepStrictEqual(body, { data: { spend: { __typename: "QuotaError", message: "over quota" } } })
    }
  })

  it("returns a declared error as its typed payload", async () => {
    const server = await boot({ plugins: [faulty] })
    const claim = `mutation ($name: String!) {
      claim(name: $name) {
        __typename
        ... on ClaimSuccess { name }
        ... on ConflictError { message }
        ... on Error { message }
      }
    }`
    assert.deepStrictEqual((await graphql(server, claim, { name: "taken" })).body, {
      data: { claim: { __typename: "ConflictError", message: `"taken" is already claimed` } },
    })
    assert.deepStrictEqual((await graphql(server, claim, { name: "free" })).body, {
      data: { claim: { __typename: "ClaimSuccess", name: "free" } },
    })
  })
})

describe.each(testDialects())("an optional plugin that fails leaves no trace, on %s", (dialect) => {
  const deals = metric({ key: "deals", unit: "count" })
  /** acme-sales, contributing `deals`, made to fail at one step of its boot. */
  const failingAt: Record<string, { plugin: ReturnType<typeof definePlugin<any>>; config?: unknown; reason: RegExp }> =
    {
      configuration: {
        plugin: definePlugin({
          id: "acme-sales",
          version: "0.3.1",
          dependsOn: ["acme-metrics"],
          config: Schema.Struct({ target: Schema.Number }),
          contributes: [deals],
        }),
        config: { target: "high" },
        reason: /invalid configuration at plugins\.acme-sales\.target/,
      },
      contributions: {
        plugin: contributor("acme-sales", [deals, metric({ key: "Not A Key", unit: "count" })]),
        reason: /contribution metric\[1\] is invalid/,
      },
      migrations: {
        plugin: contributor("acme-sales", [deals], { migrations: failingMigration }),
        reason: /migration "0002_amounts" failed/,
      },
      layer: {
        plugin: definePlugin({
          ...contributor("acme-sales", [deals]),
          layer: Layer.fail(new Error("no licence")) as Layer.Layer<MetricRegistry, Error>,
        }),
        reason: /layer failed: no licence/,
      },
      schema: {
        plugin: definePlugin({
          ...contributor("acme-sales", [deals]),
          schema: () => {
            throw new Error("no type Deal")
          },
        }),
        reason: /schema failed: no type Deal/,
      },
    }

  it.each(Object.keys(failingAt))("failing in its %s", async (stepName) => {
    const { plugin, config, reason } = failingAt[stepName] as (typeof failingAt)[string]
    const started: Array<string> = []
    // An owner that acts on the contributions when it starts, as roles publishes ladders.
    const owner = definePlugin({
      ...metricsPlugin,
      start: Effect.map(Contributions, (c) => {
        started.push(...c.of(metricPoint).map((m) => `${m.pluginId}:${m.value.key}`))
      }),
    })
    const server = await boot({
      databaseUrl: await databaseUrl(dialect),
      plugins: [owner, plugin, contributor("acme-support", [metric({ key: "tickets", unit: "count" })])],
      optional: ["acme-sales"],
      ...(config === undefined ? {} : { pluginConfig: { "acme-sales": config } }),
    })
    assert.deepStrictEqual((await graphql(server, "{ metrics }")).body, {
      data: { metrics: ["acme-support:tickets:count"] },
    })
    assert.deepStrictEqual(started, ["acme-support:tickets"])
    const sales = (await get(server, "/readyz")).body.plugins.find((p: { id: string }) => p.id === "acme-sales")
    assert.strictEqual(sales.status, "left-out")
    assert.match(sales.reason, reason)
  })
})

describe("starting plugins", () => {
  it("starts every plugin once, in boot order", async () => {
    const started: Array<string> = []
    const starting = (id: string, dependsOn: Array<string>) =>
      definePlugin({ id, version: "1.0.0", dependsOn, start: Effect.sync(() => started.push(id)) })
    await boot({ plugins: [starting("b", ["a"]), starting("a", []), definePlugin({ ...metricsPlugin })] })
    assert.deepStrictEqual(started, ["a", "b"])
  })

  it("a start that fails stops the boot, even of an optional plugin, naming it", async () => {
    const failing = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      start: Effect.fail(new Error("the CRM does not answer")),
      schema: withAField,
    })
    const error = await bootFailure({ plugins: [failing], optional: ["acme-sales"] })
    assert.strictEqual(error.message, `plugin "acme-sales": start failed: the CRM does not answer`)
  })
})

describe("configuration sections", () => {
  it("refuses a section for a plugin that is not loaded, naming it and the plugins loaded", async () => {
    const error = await bootFailure({
      plugins: [metricsPlugin],
      pluginConfig: { "acme-metrics": {}, "acme-slaes": { currency: "EUR" } },
    })
    assert.strictEqual(
      error.message,
      `the configuration has a section for "acme-slaes", which is not loaded; loaded: "acme-metrics"`,
    )
  })
})

describe("one copy of graphql and effect", () => {
  it("refuses a plugin that loads its own copy of graphql, naming both", async () => {
    const folder = mkdtempSync(join(tmpdir(), "teamops-copy-"))
    drops.push(async () => rmSync(folder, { recursive: true, force: true }))
    mkdirSync(join(folder, "node_modules", "graphql"), { recursive: true })
    writeFileSync(
      join(folder, "node_modules", "graphql", "package.json"),
      JSON.stringify({ name: "graphql", main: "index.js" }),
    )
    writeFileSync(join(folder, "node_modules", "graphql", "index.js"), "module.exports = {}\n")
    const plugin = definePlugin({
      id: "acme-sales",
      version: "1.0.0",
      schema: withAField,
      origin: pathToFileURL(join(folder, "plugin.js")).href,
    })
    const error = await bootFailure({ plugins: [plugin] })
    assert.match(
      error.message,
      /^plugin "acme-sales" loads its own copy of graphql \(.*teamops-copy-.*node_modules\/graphql\/index\.js\), not the host's \(.*\): make graphql a peer dependency of the plugin and install it once$/,
    )
  })

  it("knows where each plugin was declared", () => {
    assert.strictEqual(definePlugin({ id: "here", version: "1.0.0" }).origin, import.meta.url)
  })
})
