// Requests sent to hurt the server or to make it leak: each is refused with a GraphQL error
// that has a code and says what to change, the refused work never runs, the answer shows no
// stack trace, SQL or file path, and the server answers the next request as before.
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Builder, definePlugin, encodeGlobalID, listConnection } from "@teamops/core"
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest"
import { createToken } from "../src/access/TokenStore.js"
import { defaultLimits } from "../src/hardening/Limits.js"
import { workQueue } from "../src/hardening/OperationQueue.js"
import { createServer, type ServerConfig, type TeamopsServer } from "../src/Server.js"
import { adminAuthorization } from "./adminToken.js"

// How often each resolver ran, to show that a refused operation never ran.
const calls = { hello: 0, bump: 0, nest: 0 }
let bumped = 0

interface Nest {
  readonly depth: number
}

/** A plugin with a field that counts its calls, a self-nesting type, a page of 300 words, a node type, a slow field and a mutation. */
const abusePlugin = definePlugin({
  id: "acme-abuse",
  version: "1.0.0",
  schema: (builder: Builder) => {
    builder.queryField("hello", (t) =>
      t.string({
        resolve: () => {
          calls.hello++
          return "hello"
        },
      }),
    )
    const NestType = builder.objectRef<Nest>("Nest")
    NestType.implement({
      fields: (t) => ({
        depth: t.exposeInt("depth"),
        child: t.field({ type: NestType, resolve: (nest) => ({ depth: nest.depth + 1 }) }),
      }),
    })
    builder.queryField("nest", (t) =>
      t.field({
        type: NestType,
        resolve: () => {
          calls.nest++
          return { depth: 0 }
        },
      }),
    )
    const words = Array.from({ length: 300 }, (_, i) => `w${String(i).padStart(3, "0")}`)
    builder.queryField("words", (t) =>
      t.connection({
        type: "String",
        resolve: (_, args) =>
          listConnection(args, {
            list: async (page) =>
              words.filter((w) => page.after === undefined || w > (page.after[0] ?? "")).slice(0, page.limit + 1),
            count: async () => words.length,
            cursorOf: (w) => [w],
          }),
      }),
    )
    const Thing = builder.objectRef<{ readonly id: string }>("Thing")
    builder.node(Thing, {
      id: { resolve: (thing) => thing.id },
      loadOne: async (id) => (id === "1" ? { id } : null),
      fields: (t) => ({ name: t.string({ resolve: (thing) => `thing ${thing.id}` }) }),
    })
    builder.queryField("slow", (t) =>
      t.string({ resolve: () => new Promise<string>((resolve) => setTimeout(() => resolve("late"), 400)) }),
    )
    builder.mutationField("bump", (t) =>
      t.int({
        resolve: () => {
          calls.bump++
          return ++bumped
        },
      }),
    )
  },
})

const servers: Array<TeamopsServer> = []
const folders: Array<string> = []
beforeEach(() => {
  calls.hello = 0
  calls.bump = 0
  calls.nest = 0
  bumped = 0
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

const boot = async (config: Partial<ServerConfig> = {}) => {
  const server = await createServer({ databaseUrl: ":memory:", plugins: [abusePlugin], graphiql: false, ...config })
  servers.push(server)
  return server
}

const url = "http://teamops.test/graphql"

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  readonly body: any
}

/** What the server leaks when it should not: stack frames, SQL, file paths. */
const expectClean = (text: string) => {
  expect(text).not.toMatch(/(^|\n|\\n)\s*at \S/)
  expect(text).not.toMatch(/\bat (file:\/\/)?\/\S+:\d+/)
  expect(text).not.toMatch(/\bselect |\binsert /i)
  expect(text).not.toContain("/work/")
  expect(text).not.toContain("node_modules")
}

const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text()
  expectClean(text)
  let body: any
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, headers: response.headers, text, body }
}

/** POSTs `body` (JSON unless a string) as the admin, with `headers` added. */
const send = async (
  server: TeamopsServer,
  body: unknown,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Answer> =>
  answer(
    await server.fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        authorization: await adminAuthorization(server),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...init,
    }),
  )

const query = (server: TeamopsServer, document: string, variables?: Record<string, unknown>) =>
  send(server, { query: document, ...(variables ? { variables } : {}) })

/** The codes of an answer's errors. */
const codes = (answer: Answer): Array<string> => (answer.body?.errors ?? []).map((e: any) => e.extensions?.code)

/** After a refusal the server still answers a plain request. */
const stillAnswers = async (server: TeamopsServer) => {
  const ok = await query(server, "{ hello }")
  expect(ok.status).toBe(200)
  expect(ok.body).toEqual({ data: { hello: "hello" } })
}

describe("the shape of a document", () => {
  it("refuses an operation nested 30 levels deep before it runs", async () => {
    const server = await boot()
    const document = `{ nest { ${"child { ".repeat(29)}depth${" }".repeat(29)} } }`
    const refused = await query(server, document)
    // So deep, it costs too much as well.
    expect(codes(refused)).toEqual(["QUERY_TOO_COSTLY", "QUERY_TOO_DEEP"])
    const deep = refused.body.errors[1]
    expect(deep.message).toBe(
      `the operation is nested 31 levels deep; at most ${defaultLimits.maxDepth} are allowed (limits.maxDepth)`,
    )
    expect(deep.extensions).toMatchObject({ limit: "maxDepth", max: defaultLimits.maxDepth, found: 31 })
    expect(calls.nest).toBe(0)
    // As deep as allowed runs.
    const deepest = `{ nest { ${"child { ".repeat(defaultLimits.maxDepth - 2)}depth${" }".repeat(defaultLimits.maxDepth - 2)} } }`
    expect(codes(await query(server, deepest))).toEqual([])
    await stillAnswers(server)
  })

  it("counts the depth of fragments where they are spread", async () => {
    const server = await boot()
    const fragments = Array.from(
      { length: 10 },
      (_, i) => `fragment F${i} on Nest { child { ${i === 9 ? "depth" : `...F${i + 1}`} } }`,
    )
    const refused = await query(server, `{ nest { ...F0 } } ${fragments.join(" ")}`)
    expect(codes(refused)).toEqual(["QUERY_TOO_DEEP"])
    expect(calls.nest).toBe(0)
    await stillAnswers(server)
  })

  it("refuses too many aliases, and 1,000 and 77,000 aliases at the parser, before any resolver runs", async () => {
    const server = await boot()
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: hello`).join(" ")} }`
    const over = await query(server, aliases(defaultLimits.maxAliases + 1))
    expect(codes(over)).toEqual(["TOO_MANY_ALIASES"])
    expect(over.body.errors[0].message).toBe(
      `the operation has ${defaultLimits.maxAliases + 1} aliases; at most ${defaultLimits.maxAliases} are allowed (limits.maxAliases)`,
    )
    for (const n of [1_000, 77_000]) {
      const refused = await query(server, aliases(n))
      expect(codes(refused)).toEqual(["TOO_MANY_TOKENS"])
      expect(refused.body.errors[0].message).toBe(
        `the document has more than ${defaultLimits.maxTokens} tokens, the most allowed (limits.maxTokens)`,
      )
    }
    expect(calls.hello).toBe(0)
    expect(codes(await query(server, aliases(defaultLimits.maxAliases)))).toEqual([])
    await stillAnswers(server)
  })

  it("refuses 500 fragments that spread one another, and fragments whose spreads multiply, before they run", async () => {
    const server = await boot()
    const cycle = Array.from({ length: 500 }, (_, i) => `fragment F${i} on Query { hello ...F${(i + 1) % 500} }`)
    const many = await query(server, `{ ...F0 } ${cycle.join(" ")}`)
    expect(codes(many)).toEqual(["TOO_MANY_TOKENS"])
    // Within the token limit: 60 fragments, each spreading the next twice, expand to 2^60 selections.
    const doubling = Array.from(
      { length: 60 },
      (_, i) => `fragment D${i} on Query { ${i === 59 ? "hello" : `...D${i + 1} ...D${i + 1}`} }`,
    )
    const multiplied = await query(server, `{ ...D0 } ${doubling.join(" ")}`)
    expect(codes(multiplied)).toContain("QUERY_TOO_COSTLY")
    expect(calls.hello).toBe(0)
    await stillAnswers(server)
  })

  it("refuses a 2 MB document at the parser", async () => {
    const server = await boot()
    const document = `{ ${"hello ".repeat(350_000)}}`
    expect(document.length).toBeGreaterThan(2_000_000)
    const refused = await query(server, document)
    expect(codes(refused)).toEqual(["TOO_MANY_TOKENS"])
    expect(calls.hello).toBe(0)
    await stillAnswers(server)
  })

  it("refuses too many directives", async () => {
    const server = await boot()
    const refused = await query(server, `{ hello ${"@include(if: true) ".repeat(defaultLimits.maxDirectives + 1)}}`)
    expect(codes(refused)).toContain("TOO_MANY_DIRECTIVES")
    expect(calls.hello).toBe(0)
    await stillAnswers(server)
  })
})

describe("pages, cursors and ids", () => {
  it("refuses first: -1 and first: 1000000, written in the document or sent as a variable", async () => {
    const server = await boot()
    const costly = await query(server, "{ words(first: 1000000) { edges { node } } }")
    expect(codes(costly)).toEqual(["QUERY_TOO_COSTLY"])
    for (const first of [-1, 1_000_000]) {
      const refused = await query(server, "query ($first: Int) { words(first: $first) { edges { node } } }", { first })
      expect(codes(refused)).toEqual(["BAD_USER_INPUT"])
      expect(refused.body.errors[0].message).toBe(`first must be between 0 and 100, got ${first}`)
    }
    const negative = await query(server, "{ words(first: -1) { edges { node } } }")
    expect(codes(negative)).toEqual(["BAD_USER_INPUT"])
    const page = await query(server, "{ words(first: 100) { edges { node } pageInfo { hasNextPage } } }")
    expect(page.body.data.words.edges).toHaveLength(100)
    await stillAnswers(server)
  })

  it("refuses a garbage cursor, and pages on from a foreign one without an error about its insides", async () => {
    const server = await boot()
    for (const after of ["garbage", "%%%", Buffer.from("[1,2]").toString("base64url"), "x".repeat(10_000)]) {
      const refused = await query(
        server,
        "query ($after: String) { words(first: 2, after: $after) { edges { node } } }",
        {
          after,
        },
      )
      expect(codes(refused)).toEqual(["BAD_USER_INPUT"])
      expect(refused.body.errors[0].message).toMatch(/^after: ".*" is not a cursor of this connection$/)
    }
    // A cursor of another list is a position like any other: the page after it.
    const foreign = Buffer.from(JSON.stringify(["w150"])).toString("base64url")
    const paged = await query(server, "query ($after: String) { words(first: 2, after: $after) { edges { node } } }", {
      after: foreign,
    })
    expect(paged.body).toEqual({ data: { words: { edges: [{ node: "w151" }, { node: "w152" }] } } })
    await stillAnswers(server)
  })

  it("refuses nodes(ids:) with 5,000 ids, and answers garbage and foreign ids without leaking", async () => {
    const server = await boot()
    const thing = encodeGlobalID("Thing", "1")
    const ids = Array.from({ length: 5_000 }, () => thing)
    const many = await query(server, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids })
    expect(codes(many)).toEqual(["BAD_USER_INPUT"])
    expect(many.body.errors[0].message).toBe("ids: at most 100 ids at a time, got 5000")
    const written = await query(server, `{ nodes(ids: [${ids.map((id) => `"${id}"`).join(", ")}]) { id } }`)
    expect(codes(written)).toEqual(["TOO_MANY_TOKENS"])
    const page = await query(server, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ids.slice(0, 100) })
    expect(page.body.data.nodes).toHaveLength(100)

    for (const id of ["garbage", "", Buffer.from("Nope:1").toString("base64"), encodeGlobalID("Thing", "2")]) {
      const found = await query(server, "query ($id: ID!) { node(id: $id) { id } }", { id })
      // Not found reads as null; an id that does not decode, or names no node type, is an error on the field.
      expect(found.body.data).toEqual({ node: null })
      for (const error of found.body.errors ?? []) expect(error.path).toEqual(["node"])
    }
    await stillAnswers(server)
  })
})

describe("the request body and batches", () => {
  const fiftyMegabytes = 50 * 1024 * 1024

  it("refuses a batch of 1,000 operations before any runs, and runs a small batch", async () => {
    const server = await boot()
    const refused = await send(
      server,
      Array.from({ length: 1_000 }, () => ({ query: "{ hello }" })),
    )
    expect(refused.status).toBe(413)
    expect(codes(refused)).toEqual(["BAD_REQUEST"])
    expect(refused.body.errors[0].message).toBe(
      `Batching is limited to ${defaultLimits.maxBatchOperations} operations per request.`,
    )
    expect(calls.hello).toBe(0)
    const small = await send(server, [{ query: "{ hello }" }, { query: "{ a: hello }" }])
    expect(small.body).toEqual([{ data: { hello: "hello" } }, { data: { a: "hello" } }])
    await stillAnswers(server)
  })

  it("refuses a 50 MB body by its content-length, and one sent without a length as it is counted", async () => {
    const server = await boot()
    const big = `{"query":"{ hello }","variables":{"x":"${"x".repeat(fiftyMegabytes)}"}}`
    const declared = await send(server, "{}", { "content-length": String(big.length) })
    expect(declared.status).toBe(413)
    expect(codes(declared)).toEqual(["REQUEST_ENTITY_TOO_LARGE"])
    const counted = await send(server, big)
    expect(counted.status).toBe(413)
    expect(codes(counted)).toEqual(["REQUEST_ENTITY_TOO_LARGE"])
    expect(calls.hello).toBe(0)
    await stillAnswers(server)
  })

  it("refuses a 50 MB body over a socket, streamed in chunks, without reading it all", async () => {
    const server = await boot()
    const port = await server.listen(0)
    const chunk = new Uint8Array(64 * 1024).fill(0x20)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ hello }","variables":{"x":"'))
      },
      pull(controller) {
        if (sent >= fiftyMegabytes) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const streamed = await answer(
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: await adminAuthorization(server) },
        body,
        duplex: "half",
      } as RequestInit),
    )
    expect(streamed.status).toBe(413)
    expect(codes(streamed)).toEqual(["REQUEST_ENTITY_TOO_LARGE"])
    // The answer came before the sender was done: the server stopped at the limit, and hung up.
    expect(sent).toBeLessThan(fiftyMegabytes)
    expect(streamed.headers.get("connection")).toBe("close")
    const declared = await answer(
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: await adminAuthorization(server) },
        body: new Uint8Array(fiftyMegabytes).fill(0x20),
      }),
    )
    expect(declared.status).toBe(413)
    expect(calls.hello).toBe(0)
    const ok = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: await adminAuthorization(server) },
      body: JSON.stringify({ query: "{ hello }" }),
    })
    expect(await ok.json()).toEqual({ data: { hello: "hello" } })
  })

  it("answers an operation that runs past the timeout with an error, and keeps serving", async () => {
    const server = await boot({ limits: { requestTimeoutMs: 50 } })
    const late = await query(server, "{ slow }")
    expect(codes(late)).toEqual(["REQUEST_TIMEOUT"])
    expect(late.body.errors[0].message).toMatch(
      /^the operation did not finish within 50 ms \(limits.requestTimeoutMs\)/,
    )
    await stillAnswers(server)
  })
})

describe("operations at once", () => {
  const finishing = async (server: TeamopsServer) => {
    const order: Array<string> = []
    await Promise.all(
      ["slow", "hello"].map(async (field, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 20))
        await query(server, `{ ${field} }`)
        order.push(field)
      }),
    )
    return order
  }

  it("runs one operation at a time when told, the next in line once it ends", async () => {
    expect(await finishing(await boot({ limits: { maxConcurrentOperations: 1 } }))).toEqual(["slow", "hello"])
  })

  it("runs the next operation beside a slow one while there is room", async () => {
    expect(await finishing(await boot({ limits: { maxConcurrentOperations: 2 } }))).toEqual(["hello", "slow"])
  })

  it("starts waiting work in the order it came, never more than the limit at once", async () => {
    const admit = workQueue(2)
    const started: Array<number> = []
    let running = 0
    let most = 0
    const opens: Array<() => void> = []
    const gates = Array.from({ length: 6 }, () => new Promise<void>((resolve) => opens.push(resolve)))
    const done = gates.map((gate, i) =>
      admit(async () => {
        started.push(i)
        most = Math.max(most, ++running)
        await gate
        running--
      }),
    )
    for (const i of [1, 0, 3, 2, 5, 4]) {
      opens[i]?.()
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    await Promise.all(done)
    expect(started).toEqual([0, 1, 2, 3, 4, 5])
    expect(most).toBe(2)
  })
})

describe("requests a browser sends for another site", () => {
  const forged = { origin: "https://evil.example" }

  it("runs no mutation sent as text/plain, as a form or as multipart, nor any GET without the header", async () => {
    const server = await boot()
    const mutation = JSON.stringify({ query: "mutation { bump }" })
    const plain = await send(server, mutation, { ...forged, "content-type": "text/plain" })
    const form = await send(server, `query=${encodeURIComponent("mutation { bump }")}`, {
      ...forged,
      "content-type": "application/x-www-form-urlencoded",
    })
    const multipart = new FormData()
    multipart.set("operations", mutation)
    multipart.set("map", "{}")
    const parts = await answer(
      await server.fetch(url, {
        method: "POST",
        headers: { ...forged, authorization: await adminAuthorization(server) },
        body: multipart,
      }),
    )
    const get = async (document: string, headers: Record<string, string> = {}) =>
      answer(
        await server.fetch(`${url}?query=${encodeURIComponent(document)}`, {
          headers: {
            ...forged,
            accept: "application/json",
            authorization: await adminAuthorization(server),
            ...headers,
          },
        }),
      )
    const getMutation = await get("mutation { bump }")
    const getQuery = await get("{ hello }")
    for (const refused of [plain, form, parts, getMutation, getQuery]) {
      expect(refused.status).toBe(403)
      expect(codes(refused)).toEqual(["CSRF_PREVENTED"])
    }
    expect(calls.bump).toBe(0)
    expect(calls.hello).toBe(0)
    // A script that sets the header may GET a query; a JSON POST needs nothing more.
    expect((await get("{ hello }", { "x-graphql-yoga-csrf": "1" })).body).toEqual({ data: { hello: "hello" } })
    expect((await send(server, mutation, forged)).body).toEqual({ data: { bump: 1 } })
    await stillAnswers(server)
  })

  const preflight = (server: TeamopsServer, origin: string) =>
    server.fetch(url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    })

  it("allows no other origin by default", async () => {
    const server = await boot()
    const response = await preflight(server, "https://app.example")
    expect(response.headers.get("access-control-allow-origin")).toBeNull()
    expect(response.headers.get("access-control-allow-headers")).toBeNull()
    const post = await send(server, { query: "{ hello }" }, { origin: "https://app.example" })
    expect(post.headers.get("access-control-allow-origin")).toBeNull()
    await stillAnswers(server)
  })

  it("allows the listed origins only, never with credentials", async () => {
    const server = await boot({ cors: { origins: ["https://app.example"] } })
    const unlisted = await preflight(server, "https://evil.example")
    for (const header of ["allow-origin", "allow-headers", "allow-methods", "allow-credentials"]) {
      expect(unlisted.headers.get(`access-control-${header}`)).toBeNull()
    }
    const listed = await preflight(server, "https://app.example")
    expect(listed.status).toBe(204)
    expect(listed.headers.get("access-control-allow-origin")).toBe("https://app.example")
    expect(listed.headers.get("access-control-allow-headers")).toContain("authorization")
    expect(listed.headers.get("access-control-allow-credentials")).toBeNull()
    const post = await send(server, { query: "{ hello }" }, { origin: "https://app.example" })
    expect(post.headers.get("access-control-allow-origin")).toBe("https://app.example")
    await stillAnswers(server)
  })

  it("refuses * and what is not an origin among the origins, before opening the database", async () => {
    await expect(boot({ cors: { origins: ["*"] } })).rejects.toThrow('cors.origins: "*" is not accepted')
    await expect(boot({ cors: { origins: ["https://app.example/"] } })).rejects.toThrow(
      'cors.origins: expected an origin such as "https://app.example.com", got "https://app.example/"',
    )
    await expect(boot({ databaseUrl: "mysql://nowhere/x", limits: { maxDepth: 0 } })).rejects.toThrow(
      "limits.maxDepth: expected a positive whole number, got 0",
    )
  })
})

describe("introspection", () => {
  const introspection = "{ __schema { types { name } } }"

  const inProduction = async (config: Partial<ServerConfig> = {}) => {
    const before = process.env.NODE_ENV
    process.env.NODE_ENV = "production"
    try {
      return await boot(config)
    } finally {
      process.env.NODE_ENV = before
    }
  }

  it("is refused in production, and field names are not suggested", async () => {
    const server = await inProduction()
    const refused = await query(server, introspection)
    expect(codes(refused)).toEqual(["INTROSPECTION_DISABLED"])
    expect(codes(await query(server, '{ __type(name: "Query") { name } }'))).toEqual(["INTROSPECTION_DISABLED"])
    const misspelt = await query(server, "{ helo }")
    expect(misspelt.body.errors[0].message).toBe('Cannot query field "helo" on type "Query".')
    expect((await query(server, "{ __typename }")).body).toEqual({ data: { __typename: "Query" } })
    await stillAnswers(server)
  })

  it("answers in production when configured, and elsewhere by default", async () => {
    const allowed = await inProduction({ introspection: true })
    expect(codes(await query(allowed, introspection))).toEqual([])
    const development = await boot()
    expect(codes(await query(development, introspection))).toEqual([])
    expect((await query(development, "{ helo }")).body.errors[0].message).toContain('Did you mean "hello"?')
    const off = await boot({ introspection: false })
    expect(codes(await query(off, introspection))).toEqual(["INTROSPECTION_DISABLED"])
  })
})

describe("persisted operations", () => {
  const hello = "query Hello { hello }"
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

  const documentsFile = () => {
    const folder = mkdtempSync(join(tmpdir(), "teamops-persisted-"))
    folders.push(folder)
    const file = join(folder, "persisted-documents.json")
    writeFileSync(file, JSON.stringify({ [sha256(hello)]: hello }))
    return file
  }

  it("runs only registered documents in persisted-only mode", async () => {
    const server = await boot({ persistedOperations: { file: documentsFile(), only: true } })
    const byHash = await send(server, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(hello) } } })
    expect(byHash.body).toEqual({ data: { hello: "hello" } })
    const byDocumentId = await send(server, { documentId: sha256(hello) })
    expect(byDocumentId.body).toEqual({ data: { hello: "hello" } })
    const prefixed = await send(server, { documentId: `sha256:${sha256(hello)}` })
    expect(prefixed.body).toEqual({ data: { hello: "hello" } })
    expect(calls.hello).toBe(3)

    const arbitrary = await query(server, "{ a: hello }")
    expect(codes(arbitrary)).toEqual(["PERSISTED_QUERY_ONLY"])
    const unknown = await send(server, { documentId: sha256("{ nope }") })
    expect(codes(unknown)).toEqual(["PERSISTED_QUERY_NOT_FOUND"])
    expect(unknown.body.errors[0].message).toBe(`no registered operation has the hash "${sha256("{ nope }")}"`)
    const none = await send(server, { variables: {} })
    expect(codes(none)).toEqual(["PERSISTED_QUERY_ID_REQUIRED"])
    expect(calls.hello).toBe(3)
    expect((await send(server, { documentId: sha256(hello) })).body).toEqual({ data: { hello: "hello" } })
  })

  it("runs registered and other documents when not only", async () => {
    const server = await boot({ persistedOperations: { file: documentsFile() } })
    expect((await send(server, { documentId: sha256(hello) })).body).toEqual({ data: { hello: "hello" } })
    await stillAnswers(server)
  })

  it("does not start on a file it cannot read", async () => {
    await expect(boot({ persistedOperations: { file: "/nonexistent/persisted.json" } })).rejects.toThrow(
      "persistedOperations.file: cannot read /nonexistent/persisted.json",
    )
  })
})

describe("the rate limit", () => {
  const tokenOf = async (server: TeamopsServer, service: string) =>
    `Bearer ${(await server.host.runtime.runPromise(createToken({ owner: { service }, name: "test", scopes: ["admin"], createdAt: new Date(), expiresAt: null }))).secret}`

  it("answers 429 with Retry-After past the rate of a token, and counts each operation of a batch", async () => {
    const server = await boot({ rateLimit: { requestsPerMinute: 4 } })
    const sender = await tokenOf(server, "sender")
    const as = (authorization: string, body: unknown) => send(server, body, { authorization })
    expect((await as(sender, [{ query: "{ hello }" }, { query: "{ hello }" }, { query: "{ hello }" }])).status).toBe(
      200,
    )
    expect((await as(sender, { query: "{ hello }" })).status).toBe(200)
    const refused = await as(sender, { query: "{ hello }" })
    expect(refused.status).toBe(429)
    const seconds = Number(refused.headers.get("retry-after"))
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 15).toBe(true)
    expect(codes(refused)).toEqual(["RATE_LIMITED"])
    expect(refused.body.errors[0].message).toBe(
      `too many requests: at most 4 a minute for each token; retry in ${seconds} s`,
    )
    expect(refused.body.errors[0].extensions).toMatchObject({
      limit: "requestsPerMinute",
      max: 4,
      retryAfterSeconds: seconds,
    })
    expect(calls.hello).toBe(4)
    // Another token has an allowance of its own.
    expect((await as(await tokenOf(server, "other"), { query: "{ hello }" })).body).toEqual({
      data: { hello: "hello" },
    })
  })
})

describe("limits { … }", () => {
  it("tells any signed-in caller the server's limits", async () => {
    const server = await boot({ limits: { maxDepth: 12 }, rateLimit: { requestsPerMinute: 100 } })
    const reader = (
      await server.host.runtime.runPromise(
        createToken({ owner: { service: "reader" }, name: "test", scopes: [], createdAt: new Date(), expiresAt: null }),
      )
    ).secret
    const fields =
      "maxPageSize maxDepth maxAliases maxTokens maxDirectives maxCost maxBodyBytes maxBatchOperations requestTimeoutMs maxConcurrentOperations requestsPerMinute"
    const read = await send(server, { query: `{ limits { ${fields} } }` }, { authorization: `Bearer ${reader}` })
    expect(read.body).toEqual({
      data: { limits: { ...defaultLimits, maxDepth: 12, maxPageSize: 100, requestsPerMinute: 100 } },
    })
    const anonymous = await answer(
      await server.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ limits { maxDepth } }" }),
      }),
    )
    expect(anonymous.status).toBe(401)
  })
})
