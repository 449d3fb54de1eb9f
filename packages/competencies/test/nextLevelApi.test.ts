// Person.nextLevel and readiness without targetLevel, over GraphQL, on the Customer Support
// ladder that the support plugin publishes at boot.
import { readFileSync } from "node:fs"
import { aorPlugin } from "@teamops/aor"
import { GlobalId } from "@teamops/core"
import { graphql, graphqlData, testDialects } from "@teamops/core/testing"
import { kpiPlugin } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import type { TeamopsServer } from "@teamops/server"
import { supportPlugin } from "@teamops/support"
import { targetsPlugin } from "@teamops/targets"
import { measured, openTestHost, type TestHost } from "@teamops/testing"
import { Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { competenciesPlugin } from "../src/plugin.js"

/** Every competency of the support ladder: rated `leading` by a manager, a person is ready for any level. */
const supportCompetencies = [
  "product-knowledge",
  "customer-communication",
  "troubleshooting",
  "ownership",
  "mentoring-and-leadership",
  "process-and-tooling",
  "collaboration-with-product",
]

const otherLadder = readFileSync(new URL("./fixtures/ladder-v1.yaml", import.meta.url), "utf8").replace(
  "key: support\nname: Support Ladder",
  "key: other\nname: Other Ladder",
)

describe.each(testDialects())("next level on %s", (dialect) => {
  let app: TestHost
  let server: TeamopsServer
  beforeEach(async () => {
    app = await openTestHost(dialect, [
      orgPlugin,
      rolesPlugin,
      competenciesPlugin,
      aorPlugin,
      kpiPlugin,
      targetsPlugin,
      supportPlugin,
    ])
    boss = undefined
    server = app.server
    await mutate(`createTeam(input: { key: "support", name: "Support" }) { __typename }`)
  })
  afterEach(async () => {
    await app?.close()
  })

  /** Runs `mutation(<variables>) { <selection> }`; the variables are strings, `id` an ID. */
  const mutate = (selection: string, variables: Record<string, string> = {}) => {
    const declared = Object.keys(variables).map(
      (name) => `$${name}: ${["id", "boss"].includes(name) ? "ID" : "String"}!`,
    )
    const head = declared.length === 0 ? "mutation" : `mutation(${declared.join(", ")})`
    return graphqlData(server, `${head} { ${selection} }`, variables)
  }
  const hire = async (user: string, team = "support"): Promise<string> => {
    const data = await mutate(
      `createPerson(input: { name: $user, email: $email, timeZone: "UTC", teamKey: $team }) {
        __typename ... on CreatePersonSuccess { person { id } } }`,
      { user, email: `${user}@x.com`, team },
    )
    return data.createPerson.person.id
  }
  const promote = async (id: string, level: string, ladder = "support") => {
    const data = await mutate(
      `promotePerson(input: { personId: $id, ladderKey: $ladder, level: $level, rationale: "Shown." }) { __typename }`,
      { id, ladder, level },
    )
    expect(data.promotePerson.__typename).toBe("PromotePersonSuccess")
  }
  // Ratings come from the person's manager, a `boss` of another team hired once per test.
  let boss: { id: string; server: TeamopsServer } | undefined
  const managed = async (id: string) => {
    if (boss === undefined) {
      await mutate(`createTeam(input: { key: "leads", name: "Leads" }) { __typename }`)
      const bossId = await hire("boss", "leads")
      boss = {
        id: bossId,
        server: app.as(await app.token({ personId: Schema.decodeSync(GlobalId("Person"))(bossId) })),
      }
    }
    await mutate("setManager(input: { personId: $id, managerId: $boss }) { __typename }", { id, boss: boss.id })
    return boss.server
  }
  const rateEverything = async (id: string) => {
    const manager = await managed(id)
    for (const competency of supportCompetencies) {
      const data = await graphqlData(
        manager,
        `mutation($id: ID!, $competency: String!) {
          recordAssessment(input: { personId: $id, ladderKey: "support", competency: $competency, rating: "leading" }) { __typename }
        }`,
        { id, competency },
      )
      expect(data.recordAssessment.__typename).toBe("RecordAssessmentSuccess")
    }
  }
  const person = (id: string, selection: string) =>
    graphql(server, `query($id: ID!) { person(id: $id) { ${selection} } }`, { id })

  it("answers the level a promotion leads to, up the person's own track", async () => {
    const ana = await hire("ana")
    const next = async () => (await person(ana, "nextLevel { key title track { key } ladder { key version } }")).data
    expect(await next()).toEqual({ person: { nextLevel: null } })
    await promote(ana, "css1")
    expect((await next()).person.nextLevel).toEqual({
      key: "css2",
      title: "Customer Support Specialist 2",
      track: { key: "ic" },
      ladder: { key: "support", version: 1 },
    })
    await promote(ana, "css2")
    expect((await next()).person.nextLevel.key).toBe("senior-support-specialist")
    await promote(ana, "customer-support-engineer")
    expect((await next()).person.nextLevel.key).toBe("senior-support-engineer")
    await promote(ana, "senior-support-engineer")
    expect(await next()).toEqual({ person: { nextLevel: null } })
  })

  it("answers readiness for the next level when targetLevel is left out", async () => {
    const ana = await hire("ana")
    await promote(ana, "css1")
    const selection = "ladderKey version level { key } ready met total explanation"
    const byDefault = await person(ana, `readiness { ${selection} }`)
    expect(byDefault.errors).toBeUndefined()
    expect(byDefault.data.person.readiness).toMatchObject({
      ladderKey: "support",
      version: 1,
      level: { key: "css2" },
      ready: false,
      met: 0,
    })
    const named = await person(ana, `readiness(targetLevel: "css2") { ${selection} }`)
    expect(byDefault.data).toEqual(named.data)

    await rateEverything(ana)
    expect((await person(ana, "readiness { level { key } ready }")).data.person.readiness).toEqual({
      level: { key: "css2" },
      ready: true,
    })
    // A target named keeps its meaning: css1, whatever the next level is.
    expect((await person(ana, `readiness(targetLevel: "css1") { level { key } ready }`)).data.person.readiness).toEqual(
      { level: { key: "css1" }, ready: true },
    )
  })

  it("answers no readiness for a person with no next level, and names the argument at fault", async () => {
    const ana = await hire("ana")
    const message = async (args = "") => (await person(ana, `readiness${args} { ready }`)).errors?.map((e) => e.message)
    const readiness = async () => {
      const answer = await person(ana, "nextLevel { key } readiness { ready }")
      expect(answer.errors).toBeUndefined()
      return answer.data.person
    }
    expect(await readiness()).toEqual({ nextLevel: null, readiness: null })
    await promote(ana, "support-lead")
    expect(await readiness()).toEqual({ nextLevel: { key: "support-manager" }, readiness: { ready: false } })
    await promote(ana, "support-manager")
    expect(await readiness()).toEqual({ nextLevel: null, readiness: null })
    // Another ladder named: the next level is on the ladder of the current level.
    await mutate(`importLadder(input: { format: YAML, content: $content }) { __typename }`, { content: otherLadder })
    await mutate(`publishLadderVersion(input: { ladderKey: "other" }) { __typename }`)
    expect(await message(`(ladder: "other")`)).toEqual([
      'ladder: the next level of ana@x.com is on ladder "support", not "other": name a level of "other" with targetLevel',
    ])
    await promote(ana, "css1", "other")
    expect((await person(ana, `readiness(ladder: "other") { ladderKey level { key } }`)).data.person.readiness).toEqual(
      { ladderKey: "other", level: { key: "css2" } },
    )
    // With targetLevel given, the messages are those of a named level.
    expect(await message(`(targetLevel: "css9")`)).toEqual([
      'targetLevel: ladder "other" version 1 has no level "css9" (levels: css1, css2)',
    ])
  })

  describe("on a team page", () => {
    const page = `{ team(key: "support") { members(first: 50) { edges { node {
      email nextLevel { key } readiness { ready }
    } } } } }`

    // Even members at css1 with every competency rated; odd ones at css2, not rated.
    const fill = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const id = await hire(`p${String(i).padStart(2, "0")}`)
        await promote(id, "css1")
        if (i % 2 === 0) await rateEverything(id)
        else await promote(id, "css2")
      }
    }
    const measure = async () => {
      const { answer: result, sent } = await measured(app, () => graphql(server, page))
      expect(result.errors).toBeUndefined()
      return { members: result.data.team.members.edges.map((e: any) => e.node), sent }
    }
    const expected = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        email: `p${String(i).padStart(2, "0")}@x.com`,
        nextLevel: { key: i % 2 === 0 ? "css2" : "senior-support-specialist" },
        readiness: { ready: i % 2 === 0 },
      }))

    it("sends as many statements for 20 members as for 2", async () => {
      await fill(0, 2)
      const small = await measure()
      expect(small.members).toEqual(expected(2))

      await fill(2, 20)
      const large = await measure()
      expect(large.members).toEqual(expected(20))
      expect(large.sent.length, large.sent.join("\n")).toBe(small.sent.length)
      // The team, its members, their promotions, the latest ladder versions (next level),
      // the ladder's published versions, the latest ratings, the evidence on them and the
      // work recorded in areas (readiness).
      expect(small.sent.length, small.sent.join("\n")).toBeLessThanOrEqual(8)
    })
  })
})
