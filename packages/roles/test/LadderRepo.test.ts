import { NotFoundError } from "@teamops/core"
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import type { LadderDocument } from "../src/Ladder.js"
import { importAndPublishLadder, importLadder } from "../src/LadderImport.js"
import { LadderRepo } from "../src/LadderRepo.js"
import { failureOf, openRoles, supportLadder, supportYaml, type TestRoles, withLadder } from "./support.js"

const repo = LadderRepo
const save = (doc: LadderDocument) => Effect.flatMap(repo, (r) => r.saveDraft(doc))
const publish = (key: string) => Effect.flatMap(repo, (r) => r.publish(key))

const emea = withLadder((d) => {
  d.key = "support-emea"
  d.name = "Support EMEA Ladder"
  d.extends = "support"
  d.scale = []
  d.competencies = [{ key: "languages", name: "Languages", category: "Craft", description: "Two languages." }]
  d.matrix = { css1: { languages: { expected: "practising", behaviours: [] } } }
})

describe.each(testDialects())("LadderRepo on %s", (dialect) => {
  let roles: TestRoles
  beforeEach(async () => {
    roles = await openRoles(dialect)
  })
  afterEach(async () => {
    await roles.close()
  })

  it("saves a draft, creating the ladder, and replaces it on the next save", async () => {
    const draft = await roles.run(save(supportLadder))
    expect(draft).toMatchObject({ ladderKey: "support", version: null, publishedAt: null })
    expect(draft.document).toEqual(supportLadder)
    expect(draft.effective).toEqual(supportLadder)
    expect(await roles.run(Effect.flatMap(repo, (r) => r.summary("support")))).toEqual({
      key: "support",
      name: "Customer Support Ladder",
      description: "How people grow in customer support.",
      teamKey: "support",
      latestVersion: null,
      hasDraft: true,
    })
    const renamed = withLadder((d) => (d.changelog = "Second draft."))
    await roles.run(save(renamed))
    expect((await roles.run(Effect.flatMap(repo, (r) => r.draft("support"))))?.document.changelog).toBe("Second draft.")
    expect(await roles.run(Effect.flatMap(repo, (r) => r.published("support")))).toBeUndefined()
  })

  it("publishes drafts as versions 1, 2, … and never changes a published version", async () => {
    await roles.run(save(supportLadder))
    const first = await roles.run(publish("support"))
    expect(first).toMatchObject({ ladderKey: "support", version: 1 })
    expect(first.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(await roles.run(Effect.flatMap(repo, (r) => r.draft("support")))).toBeUndefined()

    const changed = withLadder((d) => {
      d.name = "Support Ladder"
      d.changelog = "Renamed."
    })
    await roles.run(save(changed))
    const second = await roles.run(publish("support"))
    expect(second.version).toBe(2)

    const v1 = await roles.run(Effect.flatMap(repo, (r) => r.published("support", 1)))
    expect(v1).toEqual(first)
    expect((await roles.run(Effect.flatMap(repo, (r) => r.published("support"))))?.version).toBe(2)
    expect((await roles.run(Effect.flatMap(repo, (r) => r.history("support")))).map((v) => v.version)).toEqual([1, 2])
    expect(await roles.run(Effect.flatMap(repo, (r) => r.summary("support")))).toMatchObject({
      name: "Support Ladder",
      latestVersion: 2,
      hasDraft: false,
    })
    expect(await roles.run(Effect.flatMap(repo, (r) => r.published("support", 3)))).toBeUndefined()
  })

  it("publishes nothing for a file that says what the latest version says, its changelog aside", async () => {
    const first = await roles.run(importAndPublishLadder("yaml", supportYaml))
    expect([first.published, first.version.version]).toEqual([true, 1])
    const same = await roles.run(importAndPublishLadder("yaml", supportYaml))
    expect([same.published, same.version.version]).toEqual([false, 1])
    const reworded = supportYaml.replace(/^changelog: .*$/m, "changelog: Reworded.")
    expect(reworded).not.toBe(supportYaml)
    expect((await roles.run(importAndPublishLadder("yaml", reworded))).published).toBe(false)
    const changed = supportYaml.replace(/^name: .*$/m, "name: Another name")
    const next = await roles.run(importAndPublishLadder("yaml", changed))
    expect([next.published, next.version.version]).toEqual([true, 2])
  })

  it("answers NotFoundError for an unknown ladder, a ladder without a draft, and a base not published", async () => {
    expect(failureOf(await roles.exit(publish("nope")))).toEqual(
      new NotFoundError({ entity: "Ladder", key: "nope", message: 'no ladder with key "nope"' }),
    )
    await roles.run(save(supportLadder))
    await roles.run(publish("support"))
    expect(failureOf(await roles.exit(publish("support")))).toEqual(
      new NotFoundError({ entity: "LadderDraft", key: "support", message: 'ladder "support" has no draft to publish' }),
    )
    const orphan = { ...emea, extends: "elsewhere" }
    expect(failureOf(await roles.exit(save(orphan)))).toEqual(
      new NotFoundError({ entity: "Ladder", key: "elsewhere", message: 'no published ladder "elsewhere" to extend' }),
    )
    expect(await roles.run(Effect.flatMap(repo, (r) => r.summary("support-emea")))).toBeUndefined()
  })

  it("merges the base's latest published version into a ladder that extends it, and keeps it", async () => {
    await roles.run(save(supportLadder))
    await roles.run(publish("support"))
    await roles.run(save(emea))
    const published = await roles.run(publish("support-emea"))
    expect(published.document).toEqual(emea)
    expect(published.effective.scale).toEqual(supportLadder.scale)
    expect(published.effective.competencies.map((c) => c.key)).toEqual([
      "communication",
      "troubleshooting",
      "coaching",
      "languages",
    ])
    expect(Object.keys(published.effective.matrix.css1 ?? {})).toEqual([
      "communication",
      "troubleshooting",
      "languages",
    ])

    // A new version of the base does not change what was published against the old one.
    await roles.run(save(withLadder((d) => (d.competencies = d.competencies.slice(0, 2)))))
    await roles.run(publish("support"))
    const again = await roles.run(Effect.flatMap(repo, (r) => r.published("support-emea", 1)))
    expect(again?.effective).toEqual(published.effective)
  })

  it("lists every ladder, and the latest published versions, each in one statement", async () => {
    await roles.run(save(supportLadder))
    await roles.run(publish("support"))
    await roles.run(save(withLadder((d) => (d.changelog = "Two."))))
    await roles.run(publish("support"))
    await roles.run(save(emea))
    const summaries = await roles.run(Effect.flatMap(repo, (r) => r.list))
    expect(summaries.map((s) => [s.key, s.latestVersion, s.hasDraft])).toEqual([
      ["support", 2, false],
      ["support-emea", null, true],
    ])
    const latest = await roles.run(Effect.flatMap(repo, (r) => r.latest))
    expect(latest.map((v) => [v.ladderKey, v.version])).toEqual([["support", 2]])
    const some = await roles.run(
      Effect.flatMap(repo, (r) =>
        r.versions([
          { ladderKey: "support", version: 1 },
          { ladderKey: "support-emea", version: null },
          { ladderKey: "support", version: 7 },
        ]),
      ),
    )
    expect(some.map((v) => [v.ladderKey, v.version]).sort()).toEqual([
      ["support", 1],
      ["support-emea", null],
    ])
    expect(await roles.run(Effect.flatMap(repo, (r) => r.versions([])))).toEqual([])
  })

  it("imports a ladder file as a draft, checked against its base", async () => {
    const draft = await roles.run(importLadder("yaml", supportYaml))
    expect(draft.document).toEqual(supportLadder)
    const derived = supportYaml.replace("key: support\n", "key: support-emea\nextends: support\n")
    const refused = failureOf(await roles.exit(importLadder("yaml", derived)))
    expect(refused).toMatchObject({
      _tag: "LadderFileError",
      problems: [{ path: "extends", line: 2, column: 1, message: 'no published ladder "support" to extend' }],
    })
    await roles.run(publish("support"))
    expect((await roles.run(importLadder("yaml", derived))).ladderKey).toBe("support-emea")
  })
})
