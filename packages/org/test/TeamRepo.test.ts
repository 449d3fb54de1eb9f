import { ConflictError, NotFoundError } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { UpdateTeamInput } from "../src/Team.js"
import { TeamRepo } from "../src/TeamRepo.js"
import { failureOf, openOrg, refusedWhenRacing, type TestOrg, teamInput, warmPool } from "./support.js"

const updateInput = Schema.decodeUnknownSync(UpdateTeamInput)

const create = (input: Record<string, unknown>) => Effect.flatMap(TeamRepo, (r) => r.create(teamInput(input)))
const update = (input: Record<string, unknown>) => Effect.flatMap(TeamRepo, (r) => r.update(updateInput(input)))
const byKey = (key: string) => Effect.flatMap(TeamRepo, (r) => r.byKey(key))
const count = Effect.flatMap(TeamRepo, (r) => r.count)

describe.each(testDialects())("TeamRepo on %s", (dialect) => {
  let org: TestOrg
  beforeEach(async () => {
    org = await openOrg(dialect)
  })
  afterEach(async () => {
    await org.close()
  })

  it("withParents answers the teams of the keys and every team above them, in one statement", async () => {
    await org.run(create({ key: "support", name: "Support" }))
    await org.run(create({ key: "emea", name: "EMEA", parentKey: "support" }))
    await org.run(create({ key: "athens", name: "Athens", parentKey: "emea" }))
    await org.run(create({ key: "apac", name: "APAC", parentKey: "support" }))
    await org.run(create({ key: "sales", name: "Sales" }))
    org.statements.reset()
    const found = await org.run(Effect.flatMap(TeamRepo, (r) => r.withParents(["athens", "sales", "nowhere"])))
    expect(found.map((t) => t.key).sort()).toEqual(["athens", "emea", "sales", "support"])
    expect(org.statements.sent()).toHaveLength(1)
  })

  it("creates a team and reads it back by key and by id", async () => {
    const team = await org.run(
      create({ key: "support", name: "  Customer Support ", description: " Answers customers. " }),
    )
    expect(team).toMatchObject({
      key: "support",
      name: "Customer Support",
      description: "Answers customers.",
      parentId: null,
    })
    expect(await org.run(byKey("support"))).toEqual(team)
    expect(await org.run(Effect.flatMap(TeamRepo, (r) => r.byIds([team.id, "no-such-id"])))).toEqual([team])
    expect(await org.run(byKey("nope"))).toBeUndefined()
    expect(await org.run(count)).toBe(1)
  })

  it("creates a subteam under a parent and lists the subteams of several parents in one call", async () => {
    const support = await org.run(create({ key: "support", name: "Support" }))
    const sales = await org.run(create({ key: "sales", name: "Sales" }))
    const lonely = await org.run(create({ key: "lonely", name: "Lonely" }))
    const emea = await org.run(create({ key: "support-emea", name: "Support EMEA", parentKey: "support" }))
    await org.run(create({ key: "support-apac", name: "Support APAC", parentKey: "support" }))
    await org.run(create({ key: "sales-emea", name: "Sales EMEA", parentKey: "sales" }))
    expect(emea.parentId).toBe(support.id)

    const ids = [support.id, sales.id, lonely.id]
    const subteams = await org.run(Effect.flatMap(TeamRepo, (r) => r.subteamsOf(ids, { limit: 10, after: undefined })))
    const keysUnder = (parentId: string) => subteams.filter((t) => t.parentId === parentId).map((t) => t.key)
    expect(subteams).toHaveLength(3)
    expect(keysUnder(support.id)).toEqual(["support-apac", "support-emea"])
    expect(keysUnder(sales.id)).toEqual(["sales-emea"])
    const counts = await org.run(Effect.flatMap(TeamRepo, (r) => r.subteamCounts(ids)))
    expect(counts.get(support.id)).toBe(2)
    expect(counts.get(sales.id)).toBe(1)
    expect(counts.has(lonely.id)).toBe(false)
  })

  it("updates the name, description and parent, keeping what is left out", async () => {
    await org.run(create({ key: "support", name: "Support" }))
    await org.run(create({ key: "ops", name: "Ops" }))
    await org.run(create({ key: "tools", name: "Tools", description: "Internal tools.", parentKey: "support" }))

    const renamed = await org.run(update({ key: "tools", name: "Tooling" }))
    expect(renamed).toMatchObject({ key: "tools", name: "Tooling", description: "Internal tools." })

    const ops = await org.run(byKey("ops"))
    const moved = await org.run(update({ key: "tools", parentKey: "ops", description: null }))
    expect(moved).toMatchObject({ name: "Tooling", description: null, parentId: ops?.id })
    expect(await org.run(byKey("tools"))).toEqual(moved)

    const detached = await org.run(update({ key: "tools", parentKey: null }))
    expect(detached.parentId).toBeNull()
    expect((await org.run(byKey("tools")))?.parentId).toBeNull()
  })

  it("refuses a parent that would close a cycle and leaves the team as it was", async () => {
    await org.run(create({ key: "a", name: "A" }))
    await org.run(create({ key: "b", name: "B", parentKey: "a" }))
    await org.run(create({ key: "c", name: "C", parentKey: "b" }))
    const before = await org.run(byKey("a"))

    const error = failureOf(await org.exit(update({ key: "a", parentKey: "c", name: "Renamed" })))
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.message).toBe(`team "c" cannot be the parent of "a": it is "a" or one of its subteams`)
    expect(await org.run(byKey("a"))).toEqual(before)

    const self = failureOf(await org.exit(update({ key: "b", parentKey: "b" })))
    expect(self).toBeInstanceOf(ConflictError)
    expect(self.message).toContain(`team "b" cannot be the parent of "b"`)
  })

  it("refuses a duplicate key", async () => {
    await org.run(create({ key: "support", name: "Support" }))
    const error = failureOf(await org.exit(create({ key: "support", name: "Support again" })))
    expect(error).toBeInstanceOf(ConflictError)
    expect(error.message).toBe(`a team with key "support" already exists`)
    expect(await org.run(count)).toBe(1)
    expect((await org.run(byKey("support")))?.name).toBe("Support")
  })

  it("refuses an unknown parent key or team key with a NotFoundError", async () => {
    const onCreate = failureOf(await org.exit(create({ key: "emea", name: "EMEA", parentKey: "nowhere" })))
    expect(onCreate).toBeInstanceOf(NotFoundError)
    expect(onCreate).toMatchObject({ entity: "Team", key: "nowhere", message: `no team with key "nowhere"` })
    expect(await org.run(count)).toBe(0)

    await org.run(create({ key: "emea", name: "EMEA" }))
    const onUpdate = failureOf(await org.exit(update({ key: "emea", parentKey: "nowhere" })))
    expect(onUpdate).toMatchObject({ _tag: "NotFoundError", entity: "Team", key: "nowhere" })
    expect((await org.run(byKey("emea")))?.parentId).toBeNull()

    const unknown = failureOf(await org.exit(update({ key: "ghost", name: "Ghost" })))
    expect(unknown).toMatchObject({ _tag: "NotFoundError", entity: "Team", key: "ghost" })
  })

  it("refuses a duplicate key sent twice at the same time", async () => {
    await warmPool(org)
    for (const key of ["one", "two", "three", "four", "five"]) {
      const refused = await refusedWhenRacing(org, create({ key, name: "First" }), create({ key, name: "Second" }))
      expect(refused, key).toHaveLength(1)
      expect(refused[0], key).toBeInstanceOf(ConflictError)
      expect(refused[0]?.message).toBe(`a team with key "${key}" already exists`)
    }
    expect(await org.run(count)).toBe(5)
  })

  it("refuses one of two opposite moves sent at the same time, so no cycle is stored", async () => {
    await warmPool(org)
    for (const round of [1, 2, 3, 4, 5]) {
      const [a, b] = [`a-${round}`, `b-${round}`]
      await org.run(create({ key: a, name: a }))
      await org.run(create({ key: b, name: b }))
      const refused = await refusedWhenRacing(org, update({ key: a, parentKey: b }), update({ key: b, parentKey: a }))
      expect(refused, a).toHaveLength(1)
      expect(refused[0], a).toBeInstanceOf(ConflictError)
      const parents = [(await org.run(byKey(a)))?.parentId, (await org.run(byKey(b)))?.parentId]
      expect(
        parents.filter((id) => id !== null),
        a,
      ).toHaveLength(1)
    }
  })

  it("lists teams by key, a page at a time, and counts them", async () => {
    for (const key of ["delta", "alpha", "echo", "charlie", "bravo"]) await org.run(create({ key, name: key }))
    const list = (limit: number, after?: string) =>
      org.run(Effect.flatMap(TeamRepo, (r) => r.list({ limit, after: after === undefined ? undefined : [after] })))

    // A page fetches one row more than asked, to tell that another page follows.
    expect((await list(2)).map((t) => t.key)).toEqual(["alpha", "bravo", "charlie"])
    expect((await list(2, "bravo")).map((t) => t.key)).toEqual(["charlie", "delta", "echo"])
    expect((await list(2, "delta")).map((t) => t.key)).toEqual(["echo"])
    expect(await org.run(count)).toBe(5)
  })
})
