import { definePlugin } from "@teamops/core"
import type { Person } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Either } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { type ContributedEvidence, evidenceSourceLayer } from "../src/EvidenceSources.js"
import { ReadinessReader } from "../src/ReadinessReader.js"
import { hirePeople, ladderV1, openCompetencies, publishLadder, type TestCompetencies } from "./support.js"

// A plugin of another team that keeps what people presented at its talks, and offers it as
// evidence of communication; it remembers every call, to show it is asked once per batch.
const calls: Array<{ readonly people: number; readonly asOf: string | undefined }> = []
const talks = definePlugin({
  id: "acme-talks",
  version: "0.1.0",
  dependsOn: ["competencies"],
  layer: evidenceSourceLayer(
    Effect.succeed({
      plugin: "acme-talks",
      evidenceOf: (personIds: ReadonlyArray<string>, asOf: string | undefined) =>
        Effect.sync(() => {
          calls.push({ people: personIds.length, asOf })
          return personIds.flatMap(
            (personId): ReadonlyArray<ContributedEvidence> =>
              [
                { date: "2026-01-10", text: "Talk on refunds", url: "https://talks.example.com/1" },
                { date: "2026-03-01", text: "Talk on escalations", url: null },
              ]
                .filter((t) => asOf === undefined || t.date <= asOf)
                .map((t) => ({
                  ...t,
                  personId,
                  competency: "communication",
                  source: { kind: "talk", key: "brown-bag", name: "Brown-bag talks" },
                })),
          )
        }),
    }),
  ),
})

// A source that fails: its evidence is left out, and readiness still answers.
const broken = definePlugin({
  id: "acme-broken",
  version: "0.1.0",
  dependsOn: ["competencies"],
  layer: evidenceSourceLayer(Effect.succeed({ plugin: "acme-broken", evidenceOf: () => Effect.die("unreachable") })),
})

describe.each(testDialects())("evidence sources on %s", (dialect) => {
  let app: TestCompetencies
  afterEach(async () => {
    await app.close()
    calls.length = 0
  })

  const readiness = (people: ReadonlyArray<Person>, asOf?: string) =>
    app.run(
      Effect.flatMap(ReadinessReader, (r) =>
        r.of(
          people.map((p) => ({ personId: p.id, ladderKey: "support", level: "css2" })),
          asOf,
        ),
      ),
    )
  const communication = (answer: Either.Either<any, unknown> | undefined) =>
    answer !== undefined && Either.isRight(answer)
      ? answer.right.competencies.find((c: any) => c.competency.key === "communication")
      : undefined

  it("counts what a plugin's source contributes, asking it once for all the people", async () => {
    app = await openCompetencies(dialect, [talks, broken])
    await app.run(publishLadder(ladderV1))
    const people = await app.run(hirePeople("ana", "ben", "cy"))
    const answers = await readiness(people)
    for (const answer of answers) {
      expect(communication(answer)).toMatchObject({
        evidenceCount: 2,
        evidence: [
          {
            date: "2026-03-01",
            text: "Talk on escalations",
            url: null,
            source: { kind: "talk", key: "brown-bag", name: "Brown-bag talks" },
          },
          { date: "2026-01-10", text: "Talk on refunds", url: "https://talks.example.com/1" },
        ],
      })
    }
    expect(calls).toEqual([{ people: 3, asOf: undefined }])
  })

  it("hands the day readiness is read for to the source", async () => {
    app = await openCompetencies(dialect, [talks])
    await app.run(publishLadder(ladderV1))
    const [ana] = await app.run(hirePeople("ana"))
    const [answer] = await readiness([ana as Person], "2026-02-01")
    expect(communication(answer)?.evidence.map((e: any) => e.text)).toEqual(["Talk on refunds"])
    expect(calls).toEqual([{ people: 1, asOf: "2026-02-01" }])
  })
})
