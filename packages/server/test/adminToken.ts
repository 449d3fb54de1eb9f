import { createToken } from "../src/access/TokenStore.js"
import type { TeamopsServer } from "../src/Server.js"

const tokens = new WeakMap<TeamopsServer, Promise<string>>()

/** The `Authorization` header of an admin service token of `server`, made once per server. */
export const adminAuthorization = async (server: TeamopsServer) => {
  let token = tokens.get(server)
  if (token === undefined) {
    token = server.host.runtime
      .runPromise(
        createToken({
          owner: { service: "test-admin" },
          name: "test",
          scopes: ["admin"],
          createdAt: new Date(),
          expiresAt: null,
        }),
      )
      .then((created) => created.secret)
    tokens.set(server, token)
  }
  return `Bearer ${await token}`
}
