import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Directory, type DirectoryEntry, definePlugin } from "@teamops/core"
import { Effect, Layer } from "effect"
import { exportJWK, generateKeyPair, SignJWT } from "jose"
import { afterAll, afterEach, describe, expect, it } from "vitest"
import { claimsApiToken, hashApiToken, isApiToken, newApiToken } from "../src/access/ApiToken.js"
import { createToken, tokenById } from "../src/access/TokenStore.js"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"

// A directory of two people, the second of whom manages the first.
const people: ReadonlyArray<DirectoryEntry> = [
  { personId: "p-ana", email: "ana@x.com", active: true },
  { personId: "p-mia", email: "mia@x.com", active: true },
  { personId: "p-gone", email: "gone@x.com", active: false },
]
const directoryPlugin = definePlugin({
  id: "acme-directory",
  version: "1.0.0",
  layer: Layer.succeed(Directory, {
    byEmail: (email) => Effect.succeed(people.find((p) => p.email === email)),
    byId: (id) => Effect.succeed(people.find((p) => p.personId === id)),
    reportsOf: (id) => Effect.succeed(new Set(id === "p-mia" ? ["p-ana"] : [])),
    teamsOf: () => Effect.succeed(new Set<string>()),
  }),
})

const servers: Array<TeamopsServer> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

let statements: Array<string> = []
const boot = async (config: Partial<ServerConfig> = {}) => {
  const server = await createServer({
    databaseUrl: ":memory:",
    plugins: [directoryPlugin],
    graphiql: false,
    onStatement: (sql) => statements.push(sql),
    ...config,
  })
  servers.push(server)
  return server
}

const mint = (
  server: TeamopsServer,
  owner: { personId: string } | { service: string },
  expiresAt: Date | null = null,
) => server.host.runtime.runPromise(createToken({ owner, name: "test", scopes: [], createdAt: new Date(), expiresAt }))

const ask = async (
  server: TeamopsServer,
  authorization: string | undefined,
  query = "{ viewer { kind personId roles } }",
) => {
  const response = await server.fetch("http://teamops.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: (await response.json()) as any }
}

describe("API tokens", () => {
  it("are tops_, 30 random characters and a checksum a scanner can check", () => {
    const token = newApiToken()
    expect(token).toMatch(/^tops_[0-9A-Za-z]{36}$/)
    expect(isApiToken(token)).toBe(true)
    const altered = `${token.slice(0, 10)}${token[10] === "a" ? "b" : "a"}${token.slice(11)}`
    expect(isApiToken(altered)).toBe(false)
    expect(claimsApiToken(altered)).toBe(true)
    expect(new Set(Array.from({ length: 50 }, newApiToken)).size).toBe(50)
  })

  it("are stored only as a hash, and answer who is asking", async () => {
    const server = await boot()
    const { secret, token } = await mint(server, { personId: "p-mia" })
    const rows = await server.host.db.kysely.selectFrom("teamops_tokens").selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(secret)
    expect(rows[0]?.hash).toBe(hashApiToken(secret))
    const answer = await ask(server, `Bearer ${secret}`)
    expect(answer).toEqual({
      status: 200,
      body: { data: { viewer: { kind: "PERSON", personId: expect.any(String), roles: ["MANAGER", "MEMBER"] } } },
    })
    expect((await server.host.runtime.runPromise(tokenById(token.id)))?.lastUsedAt).not.toBeNull()
  })

  it("refuse a request without one, or with a malformed, unknown, revoked or expired one, with 401", async () => {
    const server = await boot()
    const { secret, token } = await mint(server, { personId: "p-ana" })
    const expired = await mint(server, { personId: "p-ana" }, new Date(Date.now() - 1000))
    const unknown = newApiToken()
    const revoke = await ask(
      server,
      `Bearer ${secret}`,
      `mutation { revokeToken(input: { id: "${token.id}" }) { __typename } }`,
    )
    expect(revoke.body.data.revokeToken.__typename).toBe("RevokeTokenSuccess")
    const cases = [
      [undefined, "send Authorization: Bearer <token>"],
      ["Bearer", "expected Authorization: Bearer <token>"],
      ["Basic YTpi", "expected Authorization: Bearer <token>"],
      ["Bearer tops_short", "the token is malformed"],
      [`Bearer ${unknown}`, "the token is not known"],
      [`Bearer ${secret}`, "the token was revoked"],
      [`Bearer ${expired.secret}`, "the token has expired"],
      ["Bearer not-a-token", "the token is malformed"],
    ] as const
    for (const [header, reason] of cases) {
      const answer = await ask(server, header)
      expect(answer.status, String(header)).toBe(401)
      expect(answer.body).toEqual({
        errors: [{ message: `not signed in: ${reason}`, extensions: { code: "UNAUTHENTICATED" } }],
      })
    }
    const health = await server.fetch("http://teamops.test/healthz")
    expect(health.status).toBe(200)
  })

  it("cost one indexed read per request, and their last use is written at most once a minute", async () => {
    const server = await boot()
    const { secret } = await mint(server, { service: "acme-sync" })
    statements = []
    await ask(server, `Bearer ${secret}`, "{ viewer { kind } }")
    await ask(server, `Bearer ${secret}`, "{ viewer { kind } }")
    const tokenStatements = statements.filter((s) => s.includes("teamops_tokens"))
    expect(tokenStatements).toEqual([
      expect.stringMatching(/^select .* from "teamops_tokens" where "hash" = \?$/),
      expect.stringMatching(/^update "teamops_tokens" set "last_used_at"/),
      expect.stringMatching(/^select .* from "teamops_tokens" where "hash" = \?$/),
    ])
  })

  it("let a person make and revoke their own, never with more scopes than they hold; admins make any", async () => {
    const server = await boot()
    const ana = `Bearer ${(await mint(server, { personId: "p-ana" })).secret}`
    const make = (auth: string, input: string) =>
      ask(
        server,
        auth,
        `mutation { createToken(input: { ${input} }) { __typename ... on CreateTokenSuccess { created { secret token { personId scopes expiresAt } } } ... on Error { message } } }`,
      )
    const own = (await make(ana, `name: "laptop"`)).body.data.createToken
    expect(own.created.secret).toMatch(/^tops_/)
    const days = (Date.parse(own.created.token.expiresAt) - Date.now()) / 86_400_000
    expect(Math.round(days)).toBe(90)
    expect((await make(ana, `name: "x", scopes: ["admin"]`)).body.data.createToken).toEqual({
      __typename: "InputError",
      message: "input.scopes: a token cannot grant what its maker does not hold: admin",
    })
    expect((await make(ana, `name: "x", service: "acme-sync"`)).body.data.createToken).toEqual({
      __typename: "ConflictError",
      message: "only admins make tokens for others",
    })
    const { secret: admin } = await server.host.runtime.runPromise(
      createToken({
        owner: { service: "ops" },
        name: "ops",
        scopes: ["admin"],
        createdAt: new Date(),
        expiresAt: null,
      }),
    )
    const service = (await make(`Bearer ${admin}`, `name: "sync", service: "acme-sync", scopes: ["org:write"]`)).body
      .data.createToken
    expect(service.created.token).toEqual({ personId: null, scopes: ["org:write"], expiresAt: null })
    const listed = await ask(server, ana, "{ tokens { name } }")
    expect(listed.body.data.tokens.map((t: any) => t.name)).toEqual(["laptop", "test"])
  })
})

describe("single sign-on", () => {
  const dir = mkdtempSync(join(tmpdir(), "teamops-sso-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const provider = async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256")
    const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256" }
    const file = join(dir, `jwks-${Math.random()}.json`)
    writeFileSync(file, JSON.stringify({ keys: [jwk] }))
    const sign = (
      claims: Record<string, unknown>,
      options: { issuer?: string; audience?: string; key?: CryptoKey } = {},
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(options.issuer ?? "https://id.acme.test")
        .setAudience(options.audience ?? "teamops")
        .setExpirationTime("5m")
        .sign(options.key ?? privateKey)
    return { file, sign }
  }

  it("maps a verified email to the person; refuses a wrong signature, audience or issuer, and unknown or departed people", async () => {
    const idp = await provider()
    const other = await generateKeyPair("RS256")
    const server = await boot({
      sso: { issuer: "https://id.acme.test", audience: "teamops", jwksFile: idp.file, emailClaim: "email" },
    })
    const answer = await ask(server, `Bearer ${await idp.sign({ email: "mia@x.com" })}`)
    expect(answer.status).toBe(200)
    expect(answer.body.data.viewer).toMatchObject({ kind: "PERSON", roles: ["MANAGER", "MEMBER"] })
    const refused = [
      [
        await idp.sign({ email: "mia@x.com" }, { key: other.privateKey }),
        "the identity provider's token does not verify: ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
      ],
      [
        await idp.sign({ email: "mia@x.com" }, { audience: "other" }),
        "the identity provider's token does not verify: ERR_JWT_CLAIM_VALIDATION_FAILED",
      ],
      [
        await idp.sign({ email: "mia@x.com" }, { issuer: "https://evil.test" }),
        "the identity provider's token does not verify: ERR_JWT_CLAIM_VALIDATION_FAILED",
      ],
      [await idp.sign({ sub: "mia" }), `the identity provider's token has no email in claim "email"`],
      [await idp.sign({ email: "nobody@x.com" }), "no active person has the email nobody@x.com"],
      [await idp.sign({ email: "gone@x.com" }), "no active person has the email gone@x.com"],
    ] as const
    for (const [jwt, reason] of refused) {
      const result = await ask(server, `Bearer ${jwt}`)
      expect(result.status, reason).toBe(401)
      expect(result.body.errors[0].message).toBe(`not signed in: ${reason}`)
    }
  })

  it("is off unless configured: a JWT is then a malformed token", async () => {
    const idp = await provider()
    const server = await boot()
    const result = await ask(server, `Bearer ${await idp.sign({ email: "mia@x.com" })}`)
    expect(result).toMatchObject({
      status: 401,
      body: { errors: [{ message: "not signed in: the token is malformed" }] },
    })
  })
})
