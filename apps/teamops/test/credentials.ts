// The credentials the tests of the guides send, made as `teamops token create` makes them, and
// the check that a page shows them wherever it shows a request.
import { Directory, type TokenScope } from "@teamops/core"
import { type Dialect, testDatabase } from "@teamops/core/testing"
import { createServer, createToken, type TeamopsServer } from "@teamops/server"
import { Effect } from "effect"
import { expect } from "vitest"
import { defaultPlugins } from "../src/DefaultPlugins.js"
import { blocksOf } from "./docPages.js"

/** The header every request of the documentation shows. */
export const shownHeader = "Authorization: Bearer $TEAMOPS_TOKEN"

/** A token of the person `email` (found through the org chart), or of a service account. */
export const mintToken = async (
  server: TeamopsServer,
  owner: { readonly email: string } | { readonly service: string },
  scopes: ReadonlyArray<TokenScope> = [],
): Promise<string> => {
  const run = server.host.runtime.runPromise
  const tokenOwner =
    "service" in owner
      ? { service: owner.service }
      : await run(
          Effect.flatMap(Directory, (directory) => directory.byEmail(owner.email)).pipe(
            Effect.flatMap((person) =>
              person === undefined ? Effect.die(new Error(`no person ${owner.email}`)) : Effect.succeed(person),
            ),
            Effect.map((person) => ({ personId: person.personId })),
          ),
        )
  const made = await run(
    createToken({ owner: tokenOwner, name: "test", scopes, createdAt: new Date(), expiresAt: null }),
  )
  return made.secret
}

/** The headers of a GraphQL request sent with `token`. */
export const withBearer = (token: string) => ({ "content-type": "application/json", authorization: `Bearer ${token}` })

/** The server, sending `token` with every request that carries no credential of its own. */
export const authorized = (server: TeamopsServer, token: string): TeamopsServer => ({
  ...server,
  fetch: (input, init) => {
    const request = new Request(input, init)
    if (!request.headers.has("authorization")) request.headers.set("authorization", `Bearer ${token}`)
    return server.fetch(request)
  },
})

/**
 * Checks that a page shows the token wherever it sends a request: every `curl` to `/graphql`
 * carries {@link shownHeader} and every `fetch(` snippet an `Authorization` header with
 * `TEAMOPS_TOKEN`, and the page says which header a request carries and where a token comes
 * from (the demo prints some; `teamops token create` makes one). Answers how many it checked.
 */
export const expectShowsToken = (name: string, page: string) => {
  let checked = 0
  for (const block of blocksOf(page)) {
    for (const command of block.text.replace(/\\\n/g, " ").split("\n")) {
      if (!/\bcurl .*\/graphql\b/.test(command)) continue
      expect(command, `${name}:${block.line}`).toContain(shownHeader)
      checked++
    }
    if (/\bfetch\(/.test(block.text)) {
      expect(block.text, `${name}:${block.line}`).toMatch(/Authorization.*TEAMOPS_TOKEN/)
      checked++
    }
  }
  expect(page, `${name} says which header a request carries`).toContain(shownHeader)
  expect(page, `${name} says where a token comes from`).toContain("teamops token create")
  return checked
}

/** A server of the default plugins on a fresh database, sending a token of `owner` with every request. */
export const openGuideServer = async (
  dialect: Dialect,
  owner: { readonly email: string } | { readonly service: string },
  scopes: ReadonlyArray<TokenScope>,
) => {
  const database = await testDatabase(dialect)
  const booted = await createServer({ databaseUrl: database.url, plugins: defaultPlugins, graphiql: false })
  return {
    booted,
    server: authorized(booted, await mintToken(booted, owner, scopes)),
    run: <A, E>(effect: Effect.Effect<A, E, any>) => booted.host.runtime.runPromise(effect),
    close: async () => {
      await booted.close()
      await database.drop()
    },
  }
}
export type GuideServer = Awaited<ReturnType<typeof openGuideServer>>
