import { type Dependency, definePlugin, type Plugin, PluginError } from "@teamops/core"
import { afterEach, assert, describe, it } from "vitest"
import { orderPlugins } from "../src/PluginOrder.js"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"

/** A plugin with one query field, `<id>Version` (a host needs at least one field to boot). */
const plugin = (id: string, dependsOn: ReadonlyArray<string | Dependency> = [], version = "1.0.0") =>
  definePlugin({
    id,
    version,
    dependsOn,
    schema: (builder) => {
      builder.queryField(`${id.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}Version`, (t) =>
        t.string({ resolve: () => version }),
      )
    },
  })

const ids = (plugins: ReadonlyArray<Plugin<any>>) => plugins.map((p) => p.id)

const ordered = (plugins: ReadonlyArray<Plugin<any>>, optional: ReadonlyArray<string> = []) => {
  const result = orderPlugins(plugins, new Set(optional))
  if (result._tag === "Refused") assert.fail(`refused: ${result.problem.message}`)
  return result.order
}

const refused = (plugins: ReadonlyArray<Plugin<any>>, optional: ReadonlyArray<string> = []) => {
  const result = orderPlugins(plugins, new Set(optional))
  if (result._tag === "Ordered") assert.fail(`ordered: ${ids(result.order.plugins).join(", ")}`)
  return result.problem
}

const servers: Array<TeamopsServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** Boots a server expected to fail, and returns the PluginError it fails with. */
const bootFailure = async (config: Omit<ServerConfig, "databaseUrl">): Promise<PluginError> => {
  try {
    servers.push(await createServer({ databaseUrl: ":memory:", ...config }))
  } catch (error) {
    assert.instanceOf(error, PluginError)
    return error as PluginError
  }
  return assert.fail("the server booted")
}

describe("orderPlugins: order", () => {
  it("orders by id when nothing depends on anything", () => {
    const order = ordered([plugin("c"), plugin("a"), plugin("b")])
    assert.deepStrictEqual(ids(order.plugins), ["a", "b", "c"])
    assert.deepStrictEqual(order.leftOut, [])
  })

  it("puts dependencies first, ties broken by id", () => {
    const order = ordered([
      plugin("reports", ["sales", "org"]),
      plugin("sales", ["org"]),
      plugin("zeta"),
      plugin("org"),
      plugin("alpha", ["zeta"]),
    ])
    // Ready first: org and zeta; org < zeta, then sales (org placed), then ...
    assert.deepStrictEqual(ids(order.plugins), ["org", "sales", "reports", "zeta", "alpha"])
  })

  it("gives the same order whatever the order of the list", () => {
    const plugins = [plugin("b", ["a"]), plugin("a"), plugin("d", ["b", "c"]), plugin("c", ["a"]), plugin("e")]
    const expected = ["a", "b", "c", "d", "e"]
    assert.deepStrictEqual(ids(ordered(plugins).plugins), expected)
    assert.deepStrictEqual(ids(ordered([...plugins].reverse()).plugins), expected)
  })
})

describe("orderPlugins: refusals name the plugin", () => {
  it("a duplicate id", () => {
    assert.deepStrictEqual(refused([plugin("acme-sales"), plugin("org"), plugin("acme-sales", [], "2.0.0")]), {
      pluginId: "acme-sales",
      message: `plugin "acme-sales" is registered twice`,
    })
  })

  it("a malformed id", () => {
    assert.deepStrictEqual(refused([plugin("Acme_Sales")]), {
      pluginId: "Acme_Sales",
      message: `plugin "Acme_Sales": id must be lower-kebab-case, such as "acme-sales"`,
    })
  })

  it("a version that is not semantic", () => {
    assert.deepStrictEqual(refused([plugin("acme-sales", [], "1.0")]), {
      pluginId: "acme-sales",
      message: `plugin "acme-sales": version "1.0" is not a semantic version such as "1.2.0"`,
    })
    assert.strictEqual(ordered([plugin("acme-sales", [], "1.2.0-beta.1+build.7")]).plugins.length, 1)
  })

  it("a plugin that depends on itself", () => {
    assert.deepStrictEqual(refused([plugin("acme-sales", ["acme-sales"])]), {
      pluginId: "acme-sales",
      message: `plugin "acme-sales" depends on itself`,
    })
  })

  it("a missing dependency", () => {
    assert.deepStrictEqual(refused([plugin("org"), plugin("acme-sales", ["org", "billing"])]), {
      pluginId: "acme-sales",
      message: `plugin "acme-sales" depends on "billing", which is not loaded`,
    })
  })

  it("a dependency cycle, listed in the message", () => {
    assert.deepStrictEqual(
      refused([plugin("org"), plugin("c", ["a"]), plugin("b", ["c", "org"]), plugin("a", ["b"])]),
      {
        pluginId: "a",
        message: `plugins form a dependency cycle: "a" -> "b" -> "c" -> "a"`,
      },
    )
  })

  it("a cycle reached through a plugin outside it lists only the cycle", () => {
    const problem = refused([plugin("aa", ["b"]), plugin("b", ["c"]), plugin("c", ["b"])])
    assert.strictEqual(problem.message, `plugins form a dependency cycle: "b" -> "c" -> "b"`)
    assert.strictEqual(problem.pluginId, "b")
  })
})

describe("orderPlugins: optional plugins", () => {
  it("leaves out an optional plugin with a problem, and its dependants, and orders the rest", () => {
    const order = ordered(
      [
        plugin("org"),
        plugin("acme-sales", ["org"], "one"),
        plugin("acme-reports", ["acme-sales"]),
        plugin("acme-support", ["org"]),
      ],
      ["acme-sales", "acme-reports"],
    )
    assert.deepStrictEqual(ids(order.plugins), ["org", "acme-support"])
    assert.deepStrictEqual(order.leftOut, [
      {
        pluginId: "acme-sales",
        message: `plugin "acme-sales": version "one" is not a semantic version such as "1.2.0"`,
      },
      { pluginId: "acme-reports", message: `plugin "acme-reports" depends on "acme-sales", which was left out` },
    ])
  })

  it("leaves out an optional plugin whose dependency is missing", () => {
    const order = ordered([plugin("org"), plugin("acme-sales", ["billing"])], ["acme-sales"])
    assert.deepStrictEqual(ids(order.plugins), ["org"])
    assert.deepStrictEqual(order.leftOut, [
      { pluginId: "acme-sales", message: `plugin "acme-sales" depends on "billing", which is not loaded` },
    ])
  })

  it("leaves out the dependants of a plugin left out, optional or not", () => {
    // As when the optional plugin fails later in the boot (see Host.test.ts).
    const order = ordered(
      [plugin("org"), plugin("acme-sales", ["org"], "one"), plugin("acme-reports", ["acme-sales"])],
      ["acme-sales"],
    )
    assert.deepStrictEqual(ids(order.plugins), ["org"])
    assert.deepStrictEqual(
      order.leftOut.map((p) => p.pluginId),
      ["acme-sales", "acme-reports"],
    )
  })
})

describe("orderPlugins: version ranges", () => {
  it("definePlugin keeps the ids in dependsOn and the ranges by id", () => {
    const sales = plugin("acme-sales", [{ id: "org", version: "^0.1.0" }, "billing"])
    assert.deepStrictEqual(sales.dependsOn, ["org", "billing"])
    assert.deepStrictEqual(sales.dependencyRanges, { org: "^0.1.0" })
    assert.deepStrictEqual(plugin("org").dependencyRanges, {})
  })

  it("boots a dependency whose version is in the range, next to plain ids", () => {
    const order = ordered([
      plugin("acme-reports", ["acme-sales", { id: "org", version: ">=0.1.0 <2.0.0" }]),
      plugin("acme-sales", [{ id: "org", version: "^0.1.0" }]),
      plugin("acme-support", ["org"]),
      plugin("org", [], "0.1.4"),
    ])
    assert.deepStrictEqual(ids(order.plugins), ["org", "acme-sales", "acme-reports", "acme-support"])
    assert.deepStrictEqual(order.leftOut, [])
  })

  it("refuses a dependency whose version is outside the range", () => {
    assert.deepStrictEqual(
      refused([plugin("org", [], "0.1.0"), plugin("acme-sales", [{ id: "org", version: "^2.0.0" }])]),
      {
        pluginId: "acme-sales",
        message: `plugin "acme-sales" needs "org" ^2.0.0, and 0.1.0 is loaded`,
      },
    )
  })

  it("takes a prerelease only when the range names one", () => {
    const beta = plugin("org", [], "0.2.0-beta.1")
    assert.strictEqual(
      refused([beta, plugin("acme-sales", [{ id: "org", version: ">=0.1.0" }])]).message,
      `plugin "acme-sales" needs "org" >=0.1.0, and 0.2.0-beta.1 is loaded`,
    )
    assert.strictEqual(
      ordered([beta, plugin("acme-sales", [{ id: "org", version: "^0.2.0-beta.0" }])]).plugins.length,
      2,
    )
  })

  it("refuses a range that is not one, naming the plugin, the dependency and the range", () => {
    assert.deepStrictEqual(refused([plugin("org"), plugin("acme-sales", [{ id: "org", version: "two" }])]), {
      pluginId: "acme-sales",
      message: `plugin "acme-sales": dependency "org" has version "two", which is not a version range such as "^1.2.0"`,
    })
  })

  it("leaves out an optional plugin outside the range, and its dependants", () => {
    const order = ordered(
      [
        plugin("org", [], "0.1.0"),
        plugin("acme-sales", [{ id: "org", version: "^2.0.0" }]),
        plugin("acme-reports", ["acme-sales"]),
        plugin("acme-support", [{ id: "org", version: "0.1.x" }]),
      ],
      ["acme-sales"],
    )
    assert.deepStrictEqual(ids(order.plugins), ["org", "acme-support"])
    assert.deepStrictEqual(order.leftOut, [
      { pluginId: "acme-sales", message: `plugin "acme-sales" needs "org" ^2.0.0, and 0.1.0 is loaded` },
      { pluginId: "acme-reports", message: `plugin "acme-reports" depends on "acme-sales", which was left out` },
    ])
  })

  it("takes any version for a plugin made by a definePlugin older than ranges", () => {
    const { dependencyRanges: _, ...older } = plugin("acme-sales", ["org"])
    assert.deepStrictEqual(ids(ordered([older as Plugin<any>, plugin("org", [], "0.1.0")]).plugins), [
      "org",
      "acme-sales",
    ])
  })

  it("leaves out an optional plugin whose range is not one", () => {
    const order = ordered([plugin("org"), plugin("acme-sales", [{ id: "org", version: "^^1" }])], ["acme-sales"])
    assert.deepStrictEqual(ids(order.plugins), ["org"])
    assert.deepStrictEqual(order.leftOut, [
      {
        pluginId: "acme-sales",
        message: `plugin "acme-sales": dependency "org" has version "^^1", which is not a version range such as "^1.2.0"`,
      },
    ])
  })
})

describe("createServer refuses to boot, naming the plugin", () => {
  it("a duplicate id", async () => {
    const error = await bootFailure({ plugins: [plugin("acme-sales"), plugin("acme-sales")] })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales" is registered twice`)
  })

  it("a malformed id", async () => {
    const error = await bootFailure({ plugins: [plugin("Acme_Sales")] })
    assert.strictEqual(error.pluginId, "Acme_Sales")
    assert.strictEqual(error.message, `plugin "Acme_Sales": id must be lower-kebab-case, such as "acme-sales"`)
  })

  it("a bad version", async () => {
    const error = await bootFailure({ plugins: [plugin("acme-sales", [], "v1")] })
    assert.strictEqual(error.message, `plugin "acme-sales": version "v1" is not a semantic version such as "1.2.0"`)
  })

  it("a missing dependency", async () => {
    const error = await bootFailure({ plugins: [plugin("acme-sales", ["billing"])] })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales" depends on "billing", which is not loaded`)
  })

  it("a dependency outside its range", async () => {
    const error = await bootFailure({
      plugins: [plugin("org", [], "0.1.0"), plugin("acme-sales", [{ id: "org", version: "^2.0.0" }])],
    })
    assert.strictEqual(error.pluginId, "acme-sales")
    assert.strictEqual(error.message, `plugin "acme-sales" needs "org" ^2.0.0, and 0.1.0 is loaded`)
  })

  it("a dependency cycle", async () => {
    const error = await bootFailure({
      plugins: [plugin("acme-sales", ["acme-billing"]), plugin("acme-billing", ["acme-sales"])],
    })
    assert.strictEqual(error.pluginId, "acme-billing")
    assert.strictEqual(
      error.message,
      `plugins form a dependency cycle: "acme-billing" -> "acme-sales" -> "acme-billing"`,
    )
  })

  it("boots the plugins in order: dependencies first, ties by id", async () => {
    const server = await createServer({
      databaseUrl: ":memory:",
      plugins: [
        plugin("zeta"),
        plugin("acme-reports", ["acme-sales"]),
        plugin("acme-sales"),
        plugin("alpha", ["zeta"]),
      ],
    })
    servers.push(server)
    assert.deepStrictEqual(ids(server.host.booted), ["acme-sales", "acme-reports", "zeta", "alpha"])
  })
})
