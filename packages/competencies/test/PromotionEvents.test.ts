import { definePlugin, type EventMeta, encodeGlobalID, subscribe } from "@teamops/core"
import { eventually } from "@teamops/core/testing"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { assert, describe, it } from "vitest"
import { PersonPromoted } from "../src/CompetencyEvents.js"
import { PromotePersonInput } from "../src/Promotion.js"
import { PromotionRepo } from "../src/PromotionRepo.js"
import { hirePeople, ladderV1, openCompetencies, publishLadder } from "./support.js"

describe.each(testDialects())("promotion events on %s", (dialect) => {
  it("publishes each level change after it commits, and none for a refused one", async () => {
    const heard: Array<[unknown, EventMeta]> = []
    const listener = definePlugin({
      id: "listener",
      version: "0.1.0",
      dependsOn: ["competencies"],
      subscribes: [subscribe(PersonPromoted, (payload, meta) => Effect.sync(() => heard.push([payload, meta])))],
    })
    const app = await openCompetencies(dialect, [listener])
    try {
      await app.run(publishLadder(ladderV1))
      const [ana] = await app.run(hirePeople("ana"))
      const promote = (level: string, effectiveOn: string) =>
        app.exit(
          Effect.flatMap(PromotionRepo, (r) =>
            r.promote(
              Schema.decodeUnknownSync(PromotePersonInput)({
                personId: encodeGlobalID("Person", ana?.id as string),
                ladderKey: "support",
                level,
                rationale: "Ready, per the matrix.",
                effectiveOn,
              }),
            ),
          ),
        )
      assert.strictEqual((await promote("css1", "2024-02-01"))._tag, "Success")
      assert.strictEqual((await promote("css1", "2024-03-01"))._tag, "Failure", "already at css1")
      assert.strictEqual((await promote("css2", "2024-06-01"))._tag, "Success")
      await eventually(() => heard.length >= 2, "two promotion events")
      await new Promise((resolve) => setTimeout(resolve, 100))
      const base = { personId: ana?.id, ladderKey: "support" }
      assert.deepStrictEqual(
        heard.map(([payload]) => payload),
        [
          { ...base, fromLadderKey: null, fromLevel: null, toLevel: "css1", effectiveOn: "2024-02-01" },
          { ...base, fromLadderKey: "support", fromLevel: "css1", toLevel: "css2", effectiveOn: "2024-06-01" },
        ],
      )
      assert.isTrue(heard.every(([, meta]) => meta.subject === ana?.id))
    } finally {
      await app.close()
    }
  })
})
