import { measured, testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { LadderRepo } from "../src/LadderRepo.js"
import { graphqlData, openRoles, type TestRoles, withLadder } from "./support.js"

const everything = `{ ladders {
  key team { key } warnings
  levels { key track { kind } matrix { expected { key } } ladder { key } }
  level(key: "css2") { matrix { competency { key } } }
} }`

describe.each(testDialects())("statements per query on %s", (dialect) => {
  let roles: TestRoles
  beforeEach(async () => {
    roles = await openRoles(dialect)
  })
  afterEach(async () => {
    await roles.close()
  })

  const addLadders = (from: number, to: number) =>
    roles.run(
      Effect.flatMap(LadderRepo, (r) =>
        Effect.forEach(
          Array.from({ length: to - from }, (_, i) => `ladder-${from + i}`),
          (key) => Effect.zipRight(r.saveDraft(withLadder((d) => (d.key = key))), r.publish(key)),
        ),
      ),
    )

  const measure = async () => {
    const { answer, sent } = await measured(roles, () => graphqlData(roles.server, everything))
    return { data: answer, sent: sent.length }
  }

  it("sends as many statements for 12 ladders as for 2", async () => {
    await addLadders(0, 2)
    const small = await measure()
    expect(small.data.ladders).toHaveLength(2)
    await addLadders(2, 12)
    const large = await measure()
    expect(large.data.ladders).toHaveLength(12)
    expect(large.data.ladders[11].levels[1].matrix).toHaveLength(3)
    expect(large.sent).toBe(small.sent)
    // The versions, then the teams by key (no team has the key: no second statement).
    expect(large.sent).toBeLessThanOrEqual(3)
  })
})
