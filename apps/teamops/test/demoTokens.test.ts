// The tokens `teamops serve --demo` prints: an admin's, a manager's and a member's of the demo
// organisation, each acting for its person with what that person may see.
import { orgPlugin } from "@teamops/org"
import { createServer, readAudit, seedDemo, type TeamopsServer } from "@teamops/server"
import { graphql, testDatabase, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { demoTokens } from "../src/DemoTokens.js"
import { authorized } from "./credentials.js"

type Made = Effect.Effect.Success<ReturnType<typeof demoTokens>>

describe.each(testDialects())("the demo's tokens on %s", (dialect) => {
  let server: TeamopsServer
  let drop: () => Promise<void>
  let made: Made
  const as = (role: string) => {
    const token = made.find((t) => t.role === role)
    if (token === undefined) throw new Error(`no ${role} token`)
    return authorized(server, token.secret)
  }
  const ask = async (role: string, query: string) => {
    const answer = await graphql(as(role), query)
    expect(answer.errors).toBeUndefined()
    return answer.data as any
  }
  const idOf = async (email: string) => (await ask("admin", `{ person(email: "${email}") { id } }`)).person.id as string
  const historyOf = async (role: string, email: string) =>
    (await ask(role, `{ person(email: "${email}") { levelHistory { to { key } } } }`)).person.levelHistory

  beforeAll(async () => {
    const database = await testDatabase(dialect)
    drop = database.drop
    server = await createServer({ databaseUrl: database.url, plugins: defaultPlugins })
    expect(await seedDemo(server.host, { whenEmpty: true })).toBe(true)
    made = await Effect.runPromise(demoTokens(server))
  })
  afterAll(async () => {
    await server?.close()
    await drop?.()
  })

  it("makes an admin's, a manager's and a member's token, each of a person of the demo", () => {
    expect(made.map((t) => [t.role, t.email])).toEqual([
      ["admin", "eleni@teamops.example"],
      ["manager", "nikos@teamops.example"],
      ["member", "kostas@teamops.example"],
    ])
    for (const { secret } of made) expect(secret).toMatch(/^tops_[0-9A-Za-z]{36}$/)
  })

  it("acts for its person, with the roles of their place in the organisation", async () => {
    const viewer = "{ viewer { roles scopes personId } }"
    expect((await ask("admin", viewer)).viewer).toEqual({
      roles: ["ADMIN", "PEOPLE_PARTNER", "MANAGER", "MEMBER"],
      scopes: ["admin"],
      personId: await idOf("eleni@teamops.example"),
    })
    expect((await ask("manager", viewer)).viewer).toEqual({
      roles: ["MANAGER", "MEMBER"],
      scopes: [],
      personId: await idOf("nikos@teamops.example"),
    })
    expect((await ask("member", viewer)).viewer).toEqual({
      roles: ["MEMBER"],
      scopes: [],
      personId: await idOf("kostas@teamops.example"),
    })
    expect((await ask("member", "{ viewer { person { email name } } }")).viewer.person).toEqual({
      email: "kostas@teamops.example",
      name: "Kostas Georgiou",
    })
  })

  it("the admin sees everything: everyone's career data, every token, the audit log", async () => {
    expect((await ask("admin", "{ people(first: 100) { totalCount } teams { totalCount } }")).people.totalCount).toBe(
      22,
    )
    for (const email of ["kostas@teamops.example", "jack@teamops.example", "nikos@teamops.example"]) {
      expect((await historyOf("admin", email)).length).toBeGreaterThan(0)
    }
    const tokens = (await ask("admin", "{ tokens { name scopes } }")).tokens
    expect(tokens.filter((t: any) => t.name === "demo")).toHaveLength(3)
    const audit = await ask("admin", '{ auditLog(operation: "token create", first: 10) { totalCount } }')
    expect(audit.auditLog.totalCount).toBe(3)
  })

  it("the manager sees the career data of his reports, not of others'", async () => {
    expect((await historyOf("manager", "kostas@teamops.example")).length).toBeGreaterThan(0)
    expect(await historyOf("manager", "jack@teamops.example")).toEqual([])
  })

  it("the member sees his own career data, and not a colleague's, nor the audit log", async () => {
    expect((await historyOf("member", "kostas@teamops.example")).length).toBeGreaterThan(0)
    expect(await historyOf("member", "aoife@teamops.example")).toEqual([])
    expect((await ask("member", "{ people(first: 100) { totalCount } }")).people.totalCount).toBe(22)
    const audit = await graphql(as("member"), "{ auditLog(first: 1) { totalCount } }")
    expect(audit.errors).toBeDefined()
  })

  it("makes new tokens at each start, as the operator, in the audit log; the earlier ones still work", async () => {
    const earlier = made
    const again = await Effect.runPromise(demoTokens(server))
    expect(again.map((t) => t.role)).toEqual(["admin", "manager", "member"])
    for (const [i, token] of again.entries()) expect(token.secret).not.toBe(earlier[i]?.secret)
    for (const token of [...earlier, ...again]) {
      const answer = await graphql(authorized(server, token.secret), "{ viewer { kind } }")
      expect(answer.data).toEqual({ viewer: { kind: "PERSON" } })
    }
    const lines = await server.host.runtime.runPromise(readAudit({ operation: "token create", limit: 10 }))
    expect(lines.map((l) => [l.principal, l.outcome])).toEqual(Array(6).fill(["operator", "ok"]))
  })
})

it("makes no tokens on a database without the demo people", async () => {
  const server = await createServer({ databaseUrl: ":memory:", plugins: [orgPlugin], graphiql: false })
  try {
    expect(await Effect.runPromise(demoTokens(server))).toEqual([])
  } finally {
    await server.close()
  }
})
