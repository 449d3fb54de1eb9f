import { formatLadderFile, type LadderDocument, parseLadderFile } from "@teamops/roles"
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import {
  assessmentInput,
  failureOf,
  hirePeople,
  ladderV1,
  ladderV2,
  openCompetencies,
  publishLadder,
  type TestCompetencies,
} from "./support.js"

// A new version may drop a competency that has assessments only when its changes say what
// became of it.

const edited = (yaml: string, change: (doc: any) => void) => {
  const doc = structuredClone(Effect.runSync(parseLadderFile("yaml", yaml))) as any
  change(doc)
  return formatLadderFile(doc as LadderDocument, "yaml")
}

/** The ladder without `competency`: out of its competencies and its matrix. */
const without = (yaml: string, competency: string, changes: ReadonlyArray<unknown>) =>
  edited(yaml, (doc) => {
    doc.competencies = doc.competencies.filter((c: any) => c.key !== competency)
    for (const entries of Object.values(doc.matrix) as Array<Record<string, unknown>>) delete entries[competency]
    doc.changes = changes
  })

describe.each(testDialects())("publishing a ladder that drops an assessed competency, on %s", (dialect) => {
  let app: TestCompetencies
  beforeEach(async () => {
    app = await openCompetencies(dialect)
    await app.run(publishLadder(ladderV1))
    const [ana] = await app.run(hirePeople("ana"))
    await app.run(
      Effect.flatMap(AssessmentRepo, (r) =>
        r.record(
          assessmentInput({
            personId: (ana as { id: string }).id,
            competency: "troubleshooting",
            raterKind: "manager",
            rating: "practising",
          }),
        ),
      ),
    )
  })
  afterEach(() => app.close())

  it("is refused when no change says what became of it, naming it and its assessments", async () => {
    const silent = edited(ladderV2, (doc) => {
      doc.changes = []
    })
    const error = failureOf(await app.exit(publishLadder(silent))) as { _tag: string; message: string }
    expect(error._tag).toBe("LadderFileError")
    expect(error.message).toBe(
      'competencies: competency "troubleshooting" of version 1 has 1 assessment and is not in this version: say in changes what became of it (rename, split, merge or remove)',
    )
    // Nothing was published.
    expect((await app.data(`{ ladder(key: "support") { version } }`)).ladder.version).toBe(1)
  })

  it("goes through with a change that says so, and a removal leaves the ratings mapping to nothing", async () => {
    await app.run(publishLadder(ladderV2))
    const removed = without(ladderV2, "diagnosis", [{ remove: "diagnosis" }])
    expect((await app.run(publishLadder(removed))).version.version).toBe(3)
    const answer = await app.data(`{ people(first: 5) { edges { node { assessments(first: 5) {
      edges { node { competency version currentCompetencies } } } } } } }`)
    expect(answer.people.edges[0].node.assessments.edges).toEqual([
      { node: { competency: "troubleshooting", version: 1, currentCompetencies: [] } },
    ])
  })

  it("lets a competency nobody was assessed on go without a word", async () => {
    const quiet = without(ladderV1, "communication", [])
    expect((await app.run(publishLadder(quiet))).version.version).toBe(2)
  })
})
