import { accessRule, definePlugin, PluginError, route } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import { afterEach, assert, describe, expect, it } from "vitest"
import { createToken } from "../src/access/TokenStore.js"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"

const servers: Array<TeamopsServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const boot = async (config: Omit<ServerConfig, "databaseUrl">) => {
  const server = await createServer({ databaseUrl: ":memory:", graphiql: false, ...config })
  servers.push(server)
  return server
}

/** Who owns which vault: a service of the plugin, which its rule reads. */
class Vaults extends Context.Tag("test/Vaults")<Vaults, ReadonlyMap<string, string>>() {}

const callerName = (viewer: { readonly kind: string; readonly name?: string }) =>
  viewer.kind === "service" ? viewer.name : undefined

const ownsVault = accessRule("ownsVault", (vault: string, caller) =>
  Effect.map(Vaults, (vaults) => vaults.get(vault) === callerName(caller.viewer)),
)
const brokenRule = accessRule("broken", (_: string) => Effect.die(new Error("the vault register is down")))
const undeclared = accessRule("undeclared", (_: string) => Effect.succeed(true))

const vaults = definePlugin({
  id: "vaults",
  version: "0.1.0",
  layer: Layer.succeed(Vaults, new Map([["v1", "alice"]])),
  access: [ownsVault, brokenRule],
  routes: [route("GET", "/:vault", { signedIn: true }, ({ params }) => Effect.succeed({ vault: params.vault }))],
  schema: (builder) => {
    builder.queryField("vaultSecret", (t) =>
      t.string({
        args: { vault: t.arg.string({ required: true }) },
        authScopes: (_, { vault }) => ({ ...ownsVault.ask(vault), admin: true }),
        resolve: (_, { vault }) => `secret of ${vault}`,
      }),
    )
    builder.queryField("brokenSecret", (t) =>
      t.string({ authScopes: () => brokenRule.ask("v1"), resolve: () => "never" }),
    )
    builder.queryField("undeclaredSecret", (t) =>
      t.string({ authScopes: () => undeclared.ask("v1"), resolve: () => "never" }),
    )
  },
})

const tokenOf = (server: TeamopsServer, service: string, scopes: ReadonlyArray<"admin">) =>
  server.host.runtime
    .runPromise(createToken({ owner: { service }, name: "t", scopes, createdAt: new Date(), expiresAt: null }))
    .then((created) => created.secret)

const ask = async (server: TeamopsServer, token: string, query: string) => {
  const response = await server.fetch("http://teamops.test/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query }),
  })
  return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions: { code: string } }> }
}

describe("access rules of plugins", () => {
  it("answers a plugin's rule with its services, for each kind of caller", async () => {
    const server = await boot({ plugins: [vaults] })
    const alice = await tokenOf(server, "alice", [])
    const bob = await tokenOf(server, "bob", [])
    const admin = await tokenOf(server, "root", ["admin"])
    expect((await ask(server, alice, '{ vaultSecret(vault: "v1") }')).data).toEqual({ vaultSecret: "secret of v1" })
    expect((await ask(server, bob, '{ vaultSecret(vault: "v1") }')).errors?.[0]?.extensions.code).toBe("FORBIDDEN")
    expect((await ask(server, alice, '{ vaultSecret(vault: "v2") }')).errors?.[0]?.extensions.code).toBe("FORBIDDEN")
    expect((await ask(server, admin, '{ vaultSecret(vault: "v2") }')).data).toEqual({ vaultSecret: "secret of v2" })
  })

  it("refuses when a rule's check fails or no booted plugin declares the rule", async () => {
    const server = await boot({ plugins: [vaults] })
    const admin = await tokenOf(server, "root", ["admin"])
    expect((await ask(server, admin, "{ brokenSecret }")).errors?.[0]?.extensions.code).toBe("FORBIDDEN")
    expect((await ask(server, admin, "{ undeclaredSecret }")).errors?.[0]?.extensions.code).toBe("FORBIDDEN")
  })

  it("answers a rule asked by a route as by a field", async () => {
    const guarded = definePlugin({
      id: "guarded",
      version: "0.1.0",
      dependsOn: ["vaults"],
      routes: [route("GET", "/v1", ownsVault.ask("v1"), () => Effect.succeed({ opened: true }))],
    })
    const server = await boot({ plugins: [vaults, guarded] })
    const open = async (service: string) =>
      (
        await server.fetch("http://teamops.test/plugins/guarded/v1", {
          headers: { authorization: `Bearer ${await tokenOf(server, service, [])}` },
        })
      ).status
    expect([await open("alice"), await open("bob")]).toEqual([200, 403])
  })

  it("refuses at boot a rule name that is not lower camel, or two rules with one name", async () => {
    const refusal = (access: ReadonlyArray<ReturnType<typeof accessRule<string>>>) =>
      boot({ plugins: [definePlugin({ id: "rules", version: "0.1.0", access })] }).then(
        () => assert.fail("the server booted"),
        (e: unknown) => {
          assert.instanceOf(e, PluginError)
          return e.message
        },
      )
    expect(await refusal([accessRule("Owns-Vault", () => Effect.succeed(true))])).toBe(
      'plugin "rules": access rule "Owns-Vault": expected a lower camel name',
    )
    expect(await refusal([ownsVault, accessRule("ownsVault", () => Effect.succeed(true))])).toBe(
      'plugin "rules": access rule "ownsVault": another rule has this name',
    )
  })
})
