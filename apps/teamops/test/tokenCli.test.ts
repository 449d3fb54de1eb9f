// `teamops token` and `teamops audit` as users run them, the committed launcher over the built
// code, on a database that a server of the same plugins answers from at the same time.
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Directory, encodeGlobalID } from "@teamops/core"
import { createServer, type TeamopsServer } from "@teamops/server"
import { testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"

const launcher = fileURLToPath(new URL("../bin/teamops.js", import.meta.url))
const workDir = mkdtempSync(join(tmpdir(), "teamops-tokens-"))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const { PORT: _port, TEAMOPS_DATABASE_URL: _database, ...baseEnv } = process.env

interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const teamops = (args: ReadonlyArray<string>, database?: string) =>
  new Promise<Result>((resolve) => {
    const child = spawn(process.execPath, [launcher, ...args], {
      cwd: workDir,
      env: { ...baseEnv, ...(database === undefined ? {} : { TEAMOPS_DATABASE_URL: database }) },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (chunk) => {
      stdout += chunk
    })
    child.stderr.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
const day = 86_400_000

// Each command is a process of its own, seconds to boot: on SQLite only. The tokens and the
// audit log they write are the host's, run on both stores by the authorization and privacy tests.
describe.each(testDialects().filter((d) => d === "sqlite"))("teamops token and audit on %s", (dialect) => {
  let database: string
  let drop: () => Promise<void>
  let server: TeamopsServer
  const run = (args: ReadonlyArray<string>) => teamops(args, database)

  /** The answer of `viewer` to a request sent with `token`. */
  const viewer = async (token: string) => {
    const response = await server.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ viewer { kind personId service roles scopes } }" }),
    })
    return { status: response.status, body: (await response.json()) as any }
  }

  const personId = async (email: string) => {
    const person = await server.host.runtime.runPromise(Effect.flatMap(Directory, (d) => d.byEmail(email)))
    return encodeGlobalID("Person", person?.personId as string)
  }

  beforeAll(async () => {
    const db =
      dialect === "sqlite" ? { url: join(workDir, "tokens.db"), drop: async () => {} } : await testDatabase(dialect)
    database = db.url
    drop = db.drop
    expect((await run(["seed"])).code).toBe(0)
    server = await createServer({ databaseUrl: database, plugins: defaultPlugins, graphiql: false })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  let personal: { id: string; secret: string }
  let service: { id: string; secret: string }

  it("makes a person's token: the secret alone on stdout, a summary on stderr, 90 days", async () => {
    const before = Date.now()
    const made = await run(["token", "create", "--person", "Nikos@teamops.example"])
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(/^tops_[0-9A-Za-z]{36}\n$/)
    const summary = new RegExp(`^token (${uuid}) for nikos@teamops\\.example, no scopes, expires (\\S+)$`).exec(
      made.stderr.trim(),
    )
    expect(summary).not.toBeNull()
    const expires = Date.parse(summary?.[2] as string)
    expect(expires).toBeGreaterThanOrEqual(before + 90 * day)
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * day)
    personal = { id: summary?.[1] as string, secret: made.stdout.trim() }
    const { status, body } = await viewer(personal.secret)
    expect(status).toBe(200)
    expect(body.data.viewer).toEqual({
      kind: "PERSON",
      personId: await personId("nikos@teamops.example"),
      service: null,
      roles: ["MANAGER", "MEMBER"],
      scopes: [],
    })
  })

  it("makes a service's token with its scopes, name and expiry", async () => {
    const made = await run([
      "token",
      "create",
      "--service",
      "hr-sync",
      "--scope",
      "org:write",
      "--scope",
      "people",
      "--name",
      "HR sync",
      "--expires",
      "30",
    ])
    expect(made.code).toBe(0)
    expect(made.stdout).toMatch(/^tops_\w+\n$/)
    const summary = new RegExp(
      `^token (${uuid}) for service hr-sync, scopes org:write people, expires \\d{4}-\\d\\d-\\d\\dT\\S+Z$`,
    ).exec(made.stderr.trim())
    expect(summary).not.toBeNull()
    service = { id: summary?.[1] as string, secret: made.stdout.trim() }
    expect((await viewer(service.secret)).body.data.viewer).toEqual({
      kind: "SERVICE",
      personId: null,
      service: "hr-sync",
      roles: ["PEOPLE_PARTNER", "SERVICE"],
      scopes: ["org:write", "people"],
    })
    // Without --expires, a service's token never expires.
    const forever = await run(["token", "create", "--service", "exporter", "--scope", "metrics:read"])
    expect(forever.stderr.trim()).toMatch(/, scopes metrics:read, never expires$/)
  })

  it("lists the tokens as JSON, newest first, without a secret or a hash", async () => {
    const listed = await run(["token", "list"])
    expect(listed.code).toBe(0)
    expect(listed.stdout).not.toContain("tops_")
    expect(listed.stdout).not.toContain("hash")
    const tokens = JSON.parse(listed.stdout)
    const hr = tokens.find((t: any) => t.id === service.id)
    expect(hr).toEqual({
      id: service.id,
      name: "HR sync",
      person: null,
      service: "hr-sync",
      scopes: ["org:write", "people"],
      createdAt: hr.createdAt,
      expiresAt: hr.expiresAt,
      lastUsedAt: hr.lastUsedAt,
      revokedAt: null,
    })
    expect(hr.lastUsedAt).not.toBeNull()
    const created = tokens.map((t: any) => t.createdAt)
    expect(created).toEqual([...created].sort().reverse())
    const nikos = JSON.parse((await run(["token", "list", "--person", "nikos@teamops.example"])).stdout)
    expect(nikos.map((t: any) => [t.id, t.name, t.person])).toEqual([
      [personal.id, "nikos@teamops.example", "nikos@teamops.example"],
    ])
  })

  it("revokes a token, which the server then refuses with 401; an unknown id is an error", async () => {
    const revoked = await run(["token", "revoke", personal.id])
    expect(revoked.code).toBe(0)
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: personal.id, revokedAt: expect.any(String) })
    const refused = await viewer(personal.secret)
    expect(refused.status).toBe(401)
    expect(refused.body.errors[0].message).toBe("not signed in: the token was revoked")
    // Again: it stays revoked at its first time, and says so.
    const again = await run(["token", "revoke", personal.id])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).revokedAt).toBe(JSON.parse(revoked.stdout).revokedAt)
    expect(again.stderr).toContain(`token ${personal.id} was already revoked at`)

    const unknown = await run(["token", "revoke", "5f0c1e6e-0000-4000-8000-000000000000"])
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toBe("")
    expect(unknown.stderr.trim()).toBe("teamops: no token 5f0c1e6e-0000-4000-8000-000000000000")
  })

  it("an expired token gets 401", async () => {
    const made = await run(["token", "create", "--person", "kostas@teamops.example", "--expires", "1"])
    const secret = made.stdout.trim()
    expect((await viewer(secret)).status).toBe(200)
    // A day later.
    const id = /^token (\S+) /.exec(made.stderr.trim())?.[1] as string
    await server.host.db.kysely
      .updateTable("teamops_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", id)
      .execute()
    const refused = await viewer(secret)
    expect(refused.status).toBe(401)
    expect(refused.body.errors[0]).toEqual({
      message: "not signed in: the token has expired",
      extensions: { code: "UNAUTHENTICATED" },
    })
  })

  it("refuses an unknown email, a service without a scope, and an unknown option, in one line", async () => {
    const ghost = await run(["token", "create", "--person", "ghost@teamops.example"])
    expect([ghost.code, ghost.stdout, ghost.stderr.trim()]).toEqual([
      1,
      "",
      "teamops: no person with email ghost@teamops.example",
    ])
    const unscoped = await run(["token", "create", "--service", "hr-sync"])
    expect([unscoped.code, unscoped.stdout, unscoped.stderr.trim()]).toEqual([
      1,
      "",
      "teamops: a service token needs at least one --scope",
    ])
    const both = await run(["token", "create", "--service", "x", "--person", "nikos@teamops.example"])
    expect([both.code, both.stderr.trim()]).toEqual([1, "teamops: give either --person EMAIL or --service NAME"])
    const mistyped = await run(["token", "create", "--person", "nikos@teamops.example", "--scopes", "admin"])
    expect([mistyped.code, mistyped.stdout, mistyped.stderr.trim()]).toEqual([
      1,
      "",
      "teamops token create: unknown option --scopes (did you mean --scope?); see teamops token create --help",
    ])
    const audit = await run(["audit", "--limt", "3"])
    expect([audit.code, audit.stderr.trim()]).toEqual([
      1,
      "teamops audit: unknown option --limt (did you mean --limit?); see teamops audit --help",
    ])
  })

  it("writes each token made and revoked to the audit log as the operator; teamops audit prints them", async () => {
    const made = await run(["audit", "--operation", "token create", "--principal", "operator", "--json"])
    expect(made.code).toBe(0)
    const lines = made.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line))
    expect(lines.map((l) => [l.principal, l.operation, l.outcome])).toEqual(
      Array(lines.length).fill(["operator", "token create", "ok"]),
    )
    const targets = lines.map((l) => l.targets)
    expect(targets).toContainEqual([personal.id])
    expect(targets).toContainEqual([service.id])
    // Newest first, each with its time.
    expect(lines.map((l) => l.seq)).toEqual([...lines.map((l) => l.seq)].sort((a, b) => b - a))

    const revokes = await run(["audit", "--operation", "token revoke"])
    expect(revokes.code).toBe(0)
    // One line: revoking a token again is not a new revocation.
    const [line, ...rest] = revokes.stdout.trimEnd().split("\n")
    expect(rest).toEqual([])
    expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z  operator  token revoke  ${personal.id}  ok$`))

    // The refusals of the revoked and the expired token, newest first, limited.
    const denied = await run(["audit", "--denied", "--limit", "1", "--json"])
    expect(
      denied.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toMatchObject([{ principal: "anonymous", operation: "authenticate", targets: [], outcome: "denied" }])
    const nobody = await run(["audit", "--principal", "kostas@teamops.example"])
    expect([nobody.code, nobody.stdout, nobody.stderr.trim()]).toEqual([0, "", "no audit lines"])
  })
})
