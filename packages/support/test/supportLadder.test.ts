import { readFileSync } from "node:fs"
import { areaCategoryPoint } from "@teamops/aor"
import { observedMetricPoint } from "@teamops/kpi"
import { ladderPoint, ladderWarnings, parseLadderFile } from "@teamops/roles"
import { defaultTargetPoint } from "@teamops/targets"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { supportPlugin } from "../src/index.js"

const content = readFileSync(new URL("../src/support-ladder.yaml", import.meta.url), "utf8")

const parsed = Effect.runSync(Effect.either(parseLadderFile("yaml", content)))

const doc = () => {
  if (Either.isLeft(parsed)) throw new Error(`the support ladder has problems:\n${parsed.left.message}`)
  return parsed.right
}

const levelsByTrack = {
  ic: ["css1", "css2", "senior-support-specialist"],
  technical: ["customer-support-engineer", "senior-support-engineer"],
  management: ["support-lead", "support-manager"],
  operations: ["support-operations-specialist", "senior-support-operations-specialist"],
}

const competencies = [
  "product-knowledge",
  "customer-communication",
  "troubleshooting",
  "ownership",
  "mentoring-and-leadership",
  "process-and-tooling",
  "collaboration-with-product",
]

const growthRoles = [
  "onboarding-specialist",
  "qa-analyst",
  "support-engineer",
  "product-support-specialist",
  "customer-education-manager",
]

describe("the support ladder", () => {
  it("parses and checks with no problems", () => {
    expect(Either.isLeft(parsed) ? parsed.left.message : "").toBe("")
    expect(doc().key).toBe("support")
    expect(doc().name).toBe("Customer Support")
    expect(doc().team).toBe("support")
  })

  it("has a scale of four steps, each with a meaning", () => {
    expect(doc().scale.map((s) => s.key)).toEqual(["learning", "practising", "proficient", "leading"])
  })

  it("has the tracks and their levels, ranked from 1", () => {
    expect(doc().tracks.map((t) => [t.key, t.kind])).toEqual([
      ["ic", "individual-contributor"],
      ["technical", "specialist"],
      ["management", "management"],
      ["operations", "specialist"],
    ])
    for (const [track, keys] of Object.entries(levelsByTrack)) {
      const levels = doc()
        .levels.filter((l) => l.track === track)
        .sort((a, b) => a.rank - b.rank)
      expect(levels.map((l) => [l.key, l.rank])).toEqual(keys.map((key, i) => [key, i + 1]))
    }
    expect(doc().levels.find((l) => l.key === "css1")?.title).toBe("Customer Support Specialist 1")
  })

  it("has the embedded product support engineer and the growth roles", () => {
    expect(doc().roles.map((r) => r.key)).toEqual(["product-support-engineer", ...growthRoles])
    expect(doc().roles.find((r) => r.key === "product-support-engineer")?.embeddedIn).toBe("product")
  })

  it("has the competencies", () => {
    expect(doc().competencies.map((c) => c.key)).toEqual(competencies)
  })

  it("has an entry for every competency at every level, with two or three behaviours and examples", () => {
    for (const level of doc().levels) {
      expect(Object.keys(doc().matrix[level.key] ?? {}).sort(), level.key).toEqual([...competencies].sort())
      for (const competency of competencies) {
        const entry = doc().matrix[level.key]?.[competency]
        const at = `${level.key}.${competency}`
        expect(entry?.behaviours.length, at).toBeGreaterThanOrEqual(2)
        expect(entry?.behaviours.length, at).toBeLessThanOrEqual(3)
        for (const behaviour of entry?.behaviours ?? []) {
          expect(behaviour.examples.length, at).toBeGreaterThanOrEqual(1)
          expect(behaviour.examples.length, at).toBeLessThanOrEqual(2)
        }
      }
    }
  })

  it("never expects less of a competency on a higher rank of the same track", () => {
    const stepIndex = (key: string) => doc().scale.findIndex((s) => s.key === key)
    for (const keys of Object.values(levelsByTrack)) {
      for (const [lower, higher] of keys.slice(1).map((key, i) => [keys[i] as string, key] as const)) {
        for (const competency of competencies) {
          const was = stepIndex(doc().matrix[lower]?.[competency]?.expected ?? "")
          const is = stepIndex(doc().matrix[higher]?.[competency]?.expected ?? "")
          expect(is, `${lower} -> ${higher}: ${competency}`).toBeGreaterThanOrEqual(was)
        }
      }
    }
  })

  it("leads from every level to the next, and out to other departments", () => {
    const moves = doc().transitions.map((t) => `${t.from} -> ${t.to ?? t.department} (${t.kind})`)
    expect(moves).toEqual(
      expect.arrayContaining([
        "css1 -> css2 (promotion)",
        "css2 -> senior-support-specialist (promotion)",
        "css2 -> customer-support-engineer (promotion)",
        "customer-support-engineer -> senior-support-engineer (promotion)",
        "senior-support-specialist -> support-lead (promotion)",
        "support-lead -> support-manager (promotion)",
        "css2 -> support-operations-specialist (lateral)",
        "support-operations-specialist -> senior-support-operations-specialist (promotion)",
        "customer-support-engineer -> product-support-engineer (embedded)",
        ...growthRoles.map((role) => `css2 -> ${role} (lateral)`),
        ...growthRoles.map((role) => `senior-support-specialist -> ${role} (lateral)`),
        ...["senior-support-specialist", "senior-support-engineer"].flatMap((from) =>
          ["Sales", "Product Engineering", "Product Management"].map((to) => `${from} -> ${to} (exit)`),
        ),
      ]),
    )
    const programme = doc().transitions.find((t) => t.from === "css2" && t.to === "customer-support-engineer")
    expect(programme?.via).toBe("technical development programme")
  })

  it("does not make management the only way up", () => {
    expect(ladderWarnings(doc())).toEqual([])
  })
})

describe("supportPlugin", () => {
  const contributed = (config = { productiveConversations: 20 }) =>
    typeof supportPlugin.contributes === "function" ? supportPlugin.contributes(config) : supportPlugin.contributes

  it("contributes the ladder file to roles and the kinds of area of a support team to aor", () => {
    expect(supportPlugin.id).toBe("support")
    expect(supportPlugin.dependsOn).toEqual(["org", "roles", "competencies", "aor", "kpi", "targets"])
    expect(contributed()[0]).toEqual({ point: ladderPoint, value: { format: "yaml", content } })
    const categories = contributed()
      .filter((c) => c.point === areaCategoryPoint)
      .map((c) => (c.value as { key: string }).key)
    expect(categories).toEqual([
      "frontline-tooling",
      "blog-posts",
      "educational-content",
      "mentoring-and-onboarding",
      "process-writing",
      "tool-evaluation",
      "product-liaison",
      "quality-reviews",
    ])
  })

  it("contributes the brief's default targets and the metrics of people practices", () => {
    const targets = contributed()
      .filter((c) => c.point === defaultTargetPoint)
      .map((c) => c.value)
    expect(targets).toEqual([
      { metric: "first_response_time", statistic: "median", good: { max: 1080 }, acceptable: { max: 1800 } },
      { metric: "concurrency", statistic: "max", complexity: "complex", good: { max: 15 } },
      { metric: "support.one_on_ones", statistic: "sum", good: { min: 1 } },
    ])
    const observed = contributed().filter((c) => c.point === observedMetricPoint)
    expect(observed.map((c) => (c.value as { key: string }).key)).toEqual(["support.one_on_ones"])
  })
})
