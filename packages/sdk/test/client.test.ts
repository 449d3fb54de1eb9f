// The SDK against a live server: typed requests, pages of a connection, typed errors, a token
// without the scope asked for, and retries only where sending again is safe.
import { createServer as createHttpServer } from "node:http"
import type { AddressInfo } from "node:net"
import { orgPlugin } from "@teamops/org"
import { openTestHost, type TestHost, testDialects } from "@teamops/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createClient, orThrow, PeopleDocument, paginate, TeamopsError } from "../src/index.js"

const people = 250

/** The error a request failed with; a request that succeeded fails the test. */
const failure = (request: Promise<unknown>): Promise<TeamopsError> =>
  request.then(
    () => {
      throw new Error("expected the request to fail")
    },
    (error: TeamopsError) => error,
  )

describe.each(testDialects())("the SDK against a server on %s", (dialect) => {
  let host: TestHost
  let url: string
  beforeAll(async () => {
    host = await openTestHost(dialect, [orgPlugin])
    url = `http://127.0.0.1:${await host.raw.listen(0)}/graphql`
    await host.data(`mutation { createTeam(input: { key: "alpha", name: "Alpha" }) { __typename } }`)
    for (let start = 0; start < people; start += 10) {
      const creates = Array.from({ length: 10 }, (_, i) => {
        const n = String(start + i).padStart(3, "0")
        return `p${n}: createPerson(input: { name: "Person ${n}", email: "p${n}@example.com", timeZone: "UTC", teamKey: "alpha" }) { __typename }`
      })
      await host.data(`mutation { ${creates.join("\n")} }`)
    }
  })
  afterAll(() => host.close())

  it("answers a generated document with its data, typed", async () => {
    const client = createClient({ url, token: host.adminToken })
    const data = await client.request(PeopleDocument, { first: 3 })
    expect(data.people.totalCount).toBe(people)
    expect(data.people.edges.map((e) => e.node.email)).toEqual([
      "p000@example.com",
      "p001@example.com",
      "p002@example.com",
    ])
    expect(data.people.edges[0]?.node.team?.key).toBe("alpha")
  })

  it("pages through every person of a connection", async () => {
    const client = createClient({ url, token: host.adminToken })
    const emails: Array<string> = []
    for await (const person of paginate(client, PeopleDocument, { first: 100 }, (d) => d.people))
      emails.push(person.email)
    expect(emails).toHaveLength(people)
    expect(new Set(emails).size).toBe(people)
  })

  it("finds the one connection of an answer itself, typed", async () => {
    const client = createClient({ url, token: host.adminToken })
    let count = 0
    for await (const person of client.paginate(PeopleDocument, { first: 100 })) {
      expect(person.email).toMatch(/@example\.com$/)
      count++
    }
    expect(count).toBe(people)
  })

  it("asks which connection to page through when an answer holds two", async () => {
    const client = createClient({ url, token: host.adminToken })
    const two = `query ($after: String) {
      a: people(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { email } } }
      b: people(first: 1) { pageInfo { hasNextPage endCursor } edges { node { email } } }
    }`
    await expect(client.paginate(two, {}).next()).rejects.toThrow("the answer holds 2 connections")
    const first = await client.paginate(two, {}, (d: any) => d.a).next()
    expect(first.value).toEqual({ email: "p000@example.com" })
  })

  it("refuses to page through a document without $after or pageInfo", async () => {
    const client = createClient({ url, token: host.adminToken })
    const pages = paginate(client, "query { people { edges { node { email } } } }", {}, (d: any) => d.people)
    await expect(pages.next()).rejects.toThrow("paginate: the document declares no $after variable")
  })

  it("throws a TeamopsError with the errors and status of a refused request", async () => {
    const client = createClient({ url, token: host.adminToken })
    const error = await failure(client.request("query { people(first: -1) { totalCount } }"))
    expect(error).toBeInstanceOf(TeamopsError)
    expect(error.status).toBe(200)
    expect(error.errors[0]?.message).toContain("first")
    expect(error.errors[0]?.extensions?.code).toBe("BAD_USER_INPUT")
  })

  it("turns a refused mutation's payload into a TeamopsError on request", async () => {
    const client = createClient({ url, token: host.adminToken })
    const create = (key: string) =>
      client.request<
        { createTeam: { __typename: "CreateTeamSuccess" } | { __typename: "InputError"; message: string } },
        Record<string, never>
      >(`mutation { createTeam(input: { key: "${key}", name: "Beta" }) { __typename ... on InputError { message } } }`)
    expect(orThrow((await create("beta")).createTeam).__typename).toBe("CreateTeamSuccess")
    const refused = (await create("Not A Key")).createTeam
    expect(() => orThrow(refused)).toThrow(TeamopsError)
    expect(() => orThrow(refused)).toThrow(/^InputError: /)
  })

  it("reports a token without the scope a field needs", async () => {
    const token = await host.token({ service: "reader" }, [])
    const client = createClient({ url, token })
    const error = await failure(client.request("query { people(first: 1) { totalCount } }"))
    expect(error).toBeInstanceOf(TeamopsError)
    expect(error.errors.map((e) => e.extensions?.code)).toContain("FORBIDDEN")
  })
})

describe("retries", () => {
  /** A server that answers `statuses` in turn, then 200 with `data`, counting the requests it got. */
  const flaky = async (statuses: ReadonlyArray<number>, headers: Record<string, string> = {}) => {
    let got = 0
    const server = createHttpServer((_, response) => {
      const status = statuses[got++] ?? 200
      response.writeHead(status, { "content-type": "application/json", ...headers })
      response.end(
        status === 200
          ? JSON.stringify({ data: { ok: true } })
          : JSON.stringify({ errors: [{ message: `status ${status}` }] }),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
    return { url, got: () => got, close: () => new Promise((resolve) => server.close(resolve)) }
  }

  it("sends again after a 503, twice, and answers the third", async () => {
    const server = await flaky([503, 503], { "retry-after": "0" })
    try {
      const client = createClient({ url: server.url, token: "tops_x" })
      expect(await client.request("{ ok }")).toEqual({ ok: true })
      expect(server.got()).toBe(3)
    } finally {
      await server.close()
    }
  })

  it("gives up after three retries", async () => {
    const server = await flaky([503, 503, 503, 503, 503], { "retry-after": "0" })
    try {
      const client = createClient({ url: server.url, token: "tops_x" })
      const error = await failure(client.request("{ ok }"))
      expect(error).toBeInstanceOf(TeamopsError)
      expect(error.status).toBe(503)
      expect(server.got()).toBe(4)
    } finally {
      await server.close()
    }
  })

  it("never sends again after another 4xx", async () => {
    const server = await flaky([400])
    try {
      const client = createClient({ url: server.url, token: "tops_x" })
      const error = await failure(client.request("{ ok }"))
      expect(error.status).toBe(400)
      expect(server.got()).toBe(1)
    } finally {
      await server.close()
    }
  })
})
