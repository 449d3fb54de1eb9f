import { CreateTeamInput, TeamRepo } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { formatLadderFile } from "../src/LadderFile.js"
import { graphql, graphqlData, openRoles, supportLadder, supportYaml, type TestRoles } from "./support.js"

const payload = (success: string) => `
  __typename
  ... on ${success} { ladder { key version publishedAt name } }
  ... on Error { message }
  ... on InputError { path }
  ... on NotFoundError { entity key }
  ... on LadderFileError { problems { path line column message } }`

const importMutation = `mutation($input: ImportLadderInput!) { importLadder(input: $input) { ${payload("ImportLadderSuccess")} } }`
const publishMutation = `mutation($input: PublishLadderVersionInput!) {
  publishLadderVersion(input: $input) { ${payload("PublishLadderVersionSuccess")} }
}`

describe.each(testDialects())("roles GraphQL API on %s", (dialect) => {
  let roles: TestRoles
  beforeEach(async () => {
    roles = await openRoles(dialect)
  })
  afterEach(async () => {
    await roles.close()
  })

  const mutate = async (query: string, input: Record<string, unknown>) => {
    const result = await graphql(roles.server, query, { input })
    expect(result.errors).toBeUndefined()
    return Object.values(result.data)[0] as any
  }
  const importYaml = (content: string) => mutate(importMutation, { format: "YAML", content })
  const publish = (ladderKey: string) => mutate(publishMutation, { ladderKey })

  it("importLadder stores a draft and publishLadderVersion publishes it", async () => {
    const imported = await importYaml(supportYaml)
    expect(imported).toEqual({
      __typename: "ImportLadderSuccess",
      ladder: { key: "support", version: null, publishedAt: null, name: "Customer Support Ladder" },
    })
    expect(await graphqlData(roles.server, '{ ladder(key: "support") { key } ladders { key } }')).toEqual({
      ladder: null,
      ladders: [],
    })
    const draft = await graphqlData(roles.server, '{ ladderDraft(key: "support") { key version changelog } }')
    expect(draft.ladderDraft).toEqual({ key: "support", version: null, changelog: "First version." })

    const published = await publish("support")
    expect(published.__typename).toBe("PublishLadderVersionSuccess")
    expect(published.ladder).toMatchObject({ key: "support", version: 1 })
    expect(published.ladder.publishedAt).toMatch(/^\d{4}-/)
    expect(await graphqlData(roles.server, '{ ladderDraft(key: "support") { key } }')).toEqual({ ladderDraft: null })
  })

  it("importLadder takes JSON too", async () => {
    const imported = await mutate(importMutation, { format: "JSON", content: formatLadderFile(supportLadder, "json") })
    expect(imported.__typename).toBe("ImportLadderSuccess")
  })

  it("importLadder answers a LadderFileError listing every problem with its line and column", async () => {
    const broken = supportYaml
      .replace("    track: management\n", "    track: mgmt\n")
      .replace("    to: css2\n", "    to: css3\n")
      .replace("expected: expert", "expected: guru")
    const answer = await importYaml(broken)
    expect(answer.__typename).toBe("LadderFileError")
    expect(answer.problems).toEqual([
      {
        path: "levels[2].track",
        line: 50,
        column: 5,
        message: 'unknown track "mgmt" (known: ic, management, specialist)',
      },
      {
        path: "transitions[0].to",
        line: 75,
        column: 5,
        message: 'unknown level or role "css3" (known: css1, css2, support-lead, tse1, product-liaison)',
      },
      {
        path: "matrix.support-lead.communication.expected",
        line: 132,
        column: 7,
        message: 'unknown scale step "guru" (known: aware, practising, proficient, expert)',
      },
    ])
    expect(answer.message.split("\n")).toEqual([
      'line 50, column 5: levels[2].track: unknown track "mgmt" (known: ic, management, specialist)',
      'line 75, column 5: transitions[0].to: unknown level or role "css3" (known: css1, css2, support-lead, tse1, product-liaison)',
      'line 132, column 7: matrix.support-lead.communication.expected: unknown scale step "guru" (known: aware, practising, proficient, expert)',
    ])
    expect(await graphqlData(roles.server, '{ ladderDraft(key: "support") { key } }')).toEqual({ ladderDraft: null })
  })

  it("importLadder answers an InputError for input that does not decode", async () => {
    const answer = await mutate(importMutation, { format: "YAML", content: "x".repeat(1_000_001) })
    expect(answer).toEqual({
      __typename: "InputError",
      message: "input.content: expected at most 1,000,000 characters",
      path: ["input", "content"],
    })
  })

  it("publishLadderVersion answers NotFoundError for an unknown ladder or a missing draft, InputError for a bad key", async () => {
    expect(await publish("nope")).toEqual({
      __typename: "NotFoundError",
      message: 'no ladder with key "nope"',
      entity: "Ladder",
      key: "nope",
    })
    await importYaml(supportYaml)
    await publish("support")
    expect(await publish("support")).toEqual({
      __typename: "NotFoundError",
      message: 'ladder "support" has no draft to publish',
      entity: "LadderDraft",
      key: "support",
    })
    expect((await publish("Not A Key")).__typename).toBe("InputError")
  })

  it("serves a ladder with its tracks, levels, matrix, roles, transitions, scale, team and warnings", async () => {
    await roles.run(
      Effect.flatMap(TeamRepo, (r) =>
        r.create(Schema.decodeUnknownSync(CreateTeamInput)({ key: "support", name: "Customer Support" })),
      ),
    )
    await importYaml(supportYaml)
    await publish("support")
    const data = await graphqlData(
      roles.server,
      `{ ladder(key: "support") {
          key name description version changelog extends team { key name }
          tracks { key name kind description }
          levels { key title rank track { key kind } }
          level(key: "css2") {
            key summary expectations { scope autonomy impact }
            matrix { competency { key name category description } expected { key label meaning } behaviours { text examples } }
            ladder { key version }
          }
          missing: level(key: "css9") { key }
          roles { key name why does lookFor embeddedIn }
          transitions { from to department kind takes via }
          scale { key label }
          competencies { key category }
          warnings
      } }`,
    )
    const ladder = data.ladder
    expect(ladder).toMatchObject({
      key: "support",
      name: "Customer Support Ladder",
      description: "How people grow in customer support.",
      version: 1,
      changelog: "First version.",
      extends: null,
      team: { key: "support", name: "Customer Support" },
      missing: null,
      warnings: ["from css2 the only way up is management (support-lead)"],
    })
    expect(ladder.tracks.map((t: any) => [t.key, t.kind])).toEqual([
      ["ic", "INDIVIDUAL_CONTRIBUTOR"],
      ["management", "MANAGEMENT"],
      ["specialist", "SPECIALIST"],
    ])
    expect(ladder.levels).toEqual([
      {
        key: "css1",
        title: "Customer Support Specialist I",
        rank: 1,
        track: { key: "ic", kind: "INDIVIDUAL_CONTRIBUTOR" },
      },
      {
        key: "css2",
        title: "Customer Support Specialist II",
        rank: 2,
        track: { key: "ic", kind: "INDIVIDUAL_CONTRIBUTOR" },
      },
      { key: "support-lead", title: "Support Lead", rank: 1, track: { key: "management", kind: "MANAGEMENT" } },
      { key: "tse1", title: "Technical Support Engineer I", rank: 1, track: { key: "specialist", kind: "SPECIALIST" } },
    ])
    expect(ladder.level.expectations).toEqual({
      scope: "Own tickets and the queue of the shift.",
      autonomy: "Works alone.",
      impact: "The shift meets its targets.",
    })
    expect(ladder.level.matrix[0]).toEqual({
      competency: {
        key: "communication",
        name: "Communication",
        category: "Craft",
        description: "Writes and speaks clearly to customers.",
      },
      expected: { key: "proficient", label: "Proficient", meaning: "Does it alone, reliably." },
      behaviours: [
        { text: "Answers in plain words.", examples: [] },
        { text: "Calms an angry customer.", examples: [] },
      ],
    })
    expect(ladder.level.matrix.map((m: any) => m.competency.key)).toEqual([
      "communication",
      "troubleshooting",
      "coaching",
    ])
    expect(ladder.level.ladder).toEqual({ key: "support", version: 1 })
    expect(ladder.roles).toEqual([
      {
        key: "product-liaison",
        name: "Product liaison",
        why: "Product teams hear the customer.",
        does: "Brings the top issues to a product team every week.",
        lookFor: "Clear writing and patience.",
        embeddedIn: "product-payments",
      },
    ])
    expect(ladder.transitions[1]).toEqual({
      from: "css2",
      to: "support-lead",
      department: null,
      kind: "PROMOTION",
      takes: "Coaching others.",
      via: "Leadership programme",
    })
    expect(ladder.transitions[4]).toMatchObject({ to: null, department: "Product Management", kind: "EXIT" })
    expect(ladder.scale.map((s: any) => s.key)).toEqual(["aware", "practising", "proficient", "expert"])
    expect(ladder.competencies.map((c: any) => c.key)).toEqual(["communication", "troubleshooting", "coaching"])
  })

  it("serves a given version, the latest without one, and null for a team no one has", async () => {
    await importYaml(supportYaml)
    await publish("support")
    await importYaml(supportYaml.replace("changelog: First version.", "changelog: Second version."))
    await publish("support")
    const data = await graphqlData(
      roles.server,
      `{ latest: ladder(key: "support") { version changelog team { key } }
         first: ladder(key: "support", version: 1) { version changelog }
         none: ladder(key: "support", version: 3) { version }
         unknown: ladder(key: "nope") { version }
         ladders { key version } }`,
    )
    expect(data).toEqual({
      latest: { version: 2, changelog: "Second version.", team: null },
      first: { version: 1, changelog: "First version." },
      none: null,
      unknown: null,
      ladders: [{ key: "support", version: 2 }],
    })
  })

  it("levelDiff tells what it takes to go from one level to another", async () => {
    await importYaml(supportYaml)
    await publish("support")
    const data = await graphqlData(
      roles.server,
      `{ levelDiff(ladderKey: "support", from: "css1", to: "css2") {
          from { key } to { key title }
          rises { competency { key } from { key } to { key } }
          falls { competency { key } }
          newCompetencies { competency { key } expected { key } }
          dropped { key }
          newBehaviours { competency { key } behaviour { text } }
          changedExpectations { aspect from to }
      } }`,
    )
    expect(data.levelDiff).toEqual({
      from: { key: "css1" },
      to: { key: "css2", title: "Customer Support Specialist II" },
      rises: [
        { competency: { key: "communication" }, from: { key: "practising" }, to: { key: "proficient" } },
        { competency: { key: "troubleshooting" }, from: { key: "aware" }, to: { key: "practising" } },
      ],
      falls: [],
      newCompetencies: [{ competency: { key: "coaching" }, expected: { key: "aware" } }],
      dropped: [],
      newBehaviours: [
        { competency: { key: "communication" }, behaviour: { text: "Calms an angry customer." } },
        { competency: { key: "coaching" }, behaviour: { text: "Pairs with a new colleague." } },
      ],
      changedExpectations: [
        { aspect: "scope", from: "Own tickets.", to: "Own tickets and the queue of the shift." },
        { aspect: "autonomy", from: "Works with guidance.", to: "Works alone." },
        { aspect: "impact", from: "Customers get correct answers.", to: "The shift meets its targets." },
      ],
    })
    const unknownLevel = await graphql(
      roles.server,
      '{ levelDiff(ladderKey: "support", from: "css1", to: "css9") { dropped { key } } }',
    )
    expect(unknownLevel.errors?.map((e) => e.message)).toEqual(['to: no level "css9" in ladder "support"'])
    const unknownLadder = await graphql(
      roles.server,
      '{ levelDiff(ladderKey: "nope", from: "a", to: "b") { dropped { key } } }',
    )
    expect(unknownLadder.errors?.map((e) => e.message)).toEqual(['ladderKey: no published ladder "nope"'])
  })
})
