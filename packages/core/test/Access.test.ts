// The rule `managesTeam`: a team's managers are above someone of it, and being in it is not enough.
import { describe, expect, it } from "vitest"
import { makeAccess, type Relations } from "../src/Access.js"
import type { TokenScope } from "../src/Principal.js"

// Mia is in team "lead" and manages Ana, of team "red"; Ana manages nobody.
const relationsOf = (personId: string): Relations => ({
  reports: async () => new Set(personId === "p-mia" ? ["p-ana"] : []),
  teams: async () => new Set(personId === "p-mia" ? ["lead", "red"] : ["red"]),
  managedTeams: async () => new Set(personId === "p-mia" ? ["red"] : []),
  email: async () => undefined,
})
const person = (personId: string) => makeAccess({ kind: "person", personId, scopes: [] }, relationsOf(personId))

describe("managesTeam", () => {
  it("holds for a manager of someone of the team, not for its members or managers of other teams", async () => {
    expect(await person("p-mia").allows({ managesTeam: "red" })).toBe(true)
    expect(await person("p-mia").allows({ managesTeam: "lead" })).toBe(false)
    // Ana is in red, so she sees red's KPIs (teamOf), but does not manage it.
    expect(await person("p-ana").allows({ teamOf: "red" })).toBe(true)
    expect(await person("p-ana").allows({ managesTeam: "red" })).toBe(false)
  })

  it("holds for admins, and not for services without it", async () => {
    const service = (scopes: ReadonlyArray<TokenScope>) =>
      makeAccess({ kind: "service", name: "bi", scopes, tokenId: "t" })
    expect(await makeAccess({ kind: "operator" }).allows({ managesTeam: "red" })).toBe(true)
    expect(await service(["admin"]).allows({ managesTeam: "red" })).toBe(true)
    expect(await service(["metrics:read"]).allows({ managesTeam: "red" })).toBe(false)
    expect(await makeAccess({ kind: "anonymous" }).allows({ managesTeam: "red" })).toBe(false)
  })
})
