import { definePlugin } from "@teamops/core"
import { parseLadderFile } from "@teamops/roles"
import { testDialects } from "@teamops/testing"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { catalogOf, competency } from "../src/Catalog.js"
import { graphqlData, ladderV1, openCompetencies, publishLadder } from "./support.js"

const v1 = Effect.runSync(parseLadderFile("yaml", ladderV1))

const triage = { key: "triage", name: "Triage", category: "Craft", description: "Sorts the queue by urgency." }

describe("catalogOf", () => {
  it("lists contributed competencies and those of every ladder, each key once, by key", () => {
    const catalog = catalogOf(
      [
        { pluginId: "kpis", value: triage },
        { pluginId: "kpis", value: { ...v1.competencies[0]!, name: "Contributed communication" } },
        { pluginId: "later", value: { ...triage, name: "Second triage" } },
      ],
      [
        { ladderKey: "zeta", document: v1 },
        { ladderKey: "alpha", document: v1 },
      ],
    )
    expect(catalog.map((c) => [c.key, c.name, c.contributedBy, c.ladders])).toEqual([
      ["communication", "Contributed communication", "kpis", ["alpha", "zeta"]],
      ["mentoring", "Mentoring", null, ["alpha", "zeta"]],
      ["triage", "Triage", "kpis", []],
      ["troubleshooting", "Troubleshooting", null, ["alpha", "zeta"]],
    ])
  })
})

describe.each(testDialects())("competency contributions on %s", (dialect) => {
  it("reach the competencies query, with the ladders' competencies", async () => {
    const contributor = definePlugin({
      id: "kpis",
      version: "0.1.0",
      dependsOn: ["competencies"],
      contributes: [competency(triage)],
    })
    const app = await openCompetencies(dialect, [contributor])
    try {
      const query = "{ competencies { key name category description contributedBy ladders } }"
      expect((await graphqlData(app.server, query)).competencies).toEqual([
        { ...triage, contributedBy: "kpis", ladders: [] },
      ])
      await app.run(publishLadder(ladderV1))
      const after = (await graphqlData(app.server, query)).competencies
      expect(after.map((c: any) => [c.key, c.contributedBy, c.ladders])).toEqual([
        ["communication", null, ["support"]],
        ["mentoring", null, ["support"]],
        ["triage", "kpis", []],
        ["troubleshooting", null, ["support"]],
      ])
    } finally {
      await app.close()
    }
  })

  it("stop the boot when invalid, naming the plugin and the field", async () => {
    const sloppy = definePlugin({
      id: "sloppy",
      version: "0.1.0",
      dependsOn: ["competencies"],
      contributes: [competency({ ...triage, key: "Triage Skills" })],
    })
    await expect(openCompetencies(dialect, [sloppy])).rejects.toThrow(
      /plugin "sloppy": contribution competency\[0\] is invalid: key: expected a lower-kebab key/,
    )
  })
})
