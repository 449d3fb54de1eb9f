import { encodeGlobalID, InputError, NotFoundError } from "@teamops/core"
import type { Person } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo, type AssessmentRepoService } from "../src/AssessmentRepo.js"
import { AddEvidenceInput } from "../src/Evidence.js"
import {
  assessmentInput,
  failureOf,
  ladderV2,
  openWithPeople,
  publishLadder,
  type TestCompetencies,
} from "./support.js"

const repo = <A, E>(f: (r: AssessmentRepoService) => Effect.Effect<A, E>) => Effect.flatMap(AssessmentRepo, f)
const page = (limit: number, after?: { readonly observedOn: string; readonly id: string }) => ({
  limit,
  after: after === undefined ? undefined : [after.observedOn, after.id],
})

describe.each(testDialects())("AssessmentRepo on %s", (dialect) => {
  let app: TestCompetencies
  let ana: Person
  let ben: Person
  beforeEach(async () => {
    const opened = await openWithPeople(dialect, "ana", "ben")
    app = opened.app
    ;[ana, ben] = opened.people as [Person, Person]
  })
  afterEach(async () => {
    await app.close()
  })

  const record = (fields: Omit<Parameters<typeof assessmentInput>[0], "personId">, person: Person = ana) =>
    repo((r) => r.record(assessmentInput({ personId: person.id, ...fields })))

  describe("record", () => {
    it("records a rating against the latest version, with its evidence", async () => {
      const recorded = await app.run(
        record({
          competency: "communication",
          raterKind: "manager",
          rating: "proficient",
          note: "  Clear replies. ",
          raterEmail: "Boss@X.com",
          evidence: [
            { kind: "link", url: "https://x.com/t/1", text: "Refund ticket", date: "2026-01-05" },
            { kind: "note", text: "Calmed an angry customer.", date: "2026-01-06", source: "Escalations" },
          ],
        }),
      )
      expect(recorded).toMatchObject({
        personId: ana.id,
        ladderKey: "support",
        version: 1,
        competency: "communication",
        raterKind: "manager",
        rating: "proficient",
        note: "Clear replies.",
        raterEmail: "boss@x.com",
      })
      expect(recorded.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(recorded.evidence.map((e) => [e.kind, e.url, e.text, e.date, e.source])).toEqual([
        ["link", "https://x.com/t/1", "Refund ticket", "2026-01-05", null],
        ["note", null, "Calmed an angry customer.", "2026-01-06", "Escalations"],
      ])
      const [again] = await app.run(repo((r) => r.byIds([recorded.id])))
      expect(again).toEqual((({ evidence: _, ...rest }) => rest)(recorded))
    })

    it("keeps every rating: a new one never overwrites an earlier one", async () => {
      const first = await app.run(record({ competency: "communication", raterKind: "self", rating: "learning" }))
      const second = await app.run(record({ competency: "communication", raterKind: "self", rating: "expert" }))
      expect(Number(second.id)).toBeGreaterThan(Number(first.id))
      const all = await app.run(repo((r) => r.listFor([ana.id], page(10), {})))
      expect(all.map((a) => a.rating)).toEqual(["expert", "learning"])
    })

    it("records against an older version when asked, and refuses a version not published", async () => {
      await app.run(publishLadder(ladderV2))
      const old = await app.run(
        record({ competency: "troubleshooting", raterKind: "manager", rating: "practising", version: 1 }),
      )
      expect(old.version).toBe(1)
      const latest = await app.run(record({ competency: "diagnosis", raterKind: "manager", rating: "practising" }))
      expect(latest.version).toBe(2)
      const missing = failureOf(
        await app.exit(record({ competency: "communication", raterKind: "manager", rating: "expert", version: 3 })),
      )
      expect(missing).toEqual(
        new NotFoundError({
          entity: "LadderVersion",
          key: "support@3",
          message: 'ladder "support" has no published version 3',
        }),
      )
    })

    it("refuses an unknown person, ladder or competency, and a rating off the scale", async () => {
      const nobody = failureOf(
        await app.exit(
          repo((r) =>
            r.record(
              assessmentInput({ personId: "nobody", competency: "communication", raterKind: "self", rating: "expert" }),
            ),
          ),
        ),
      )
      expect(nobody).toMatchObject({ _tag: "NotFoundError", entity: "Person", key: "nobody" })

      const ladder = failureOf(
        await app.exit(
          record({ ladderKey: "sales", competency: "communication", raterKind: "self", rating: "expert" }),
        ),
      )
      expect(ladder).toEqual(
        new NotFoundError({ entity: "Ladder", key: "sales", message: 'no published ladder "sales"' }),
      )

      // Renamed in version 2, so unknown to it.
      await app.run(publishLadder(ladderV2))
      const competency = failureOf(
        await app.exit(record({ competency: "troubleshooting", raterKind: "self", rating: "expert" })),
      )
      expect(competency).toEqual(
        new NotFoundError({
          entity: "Competency",
          key: "troubleshooting",
          message:
            'ladder "support" version 2 has no competency "troubleshooting" (known: communication, diagnosis, mentoring)',
        }),
      )

      const step = failureOf(await app.exit(record({ competency: "communication", raterKind: "self", rating: "guru" })))
      expect(step).toEqual(
        new InputError({
          path: ["input", "rating"],
          message:
            'input.rating: "guru" is not a step of the scale of ladder "support" version 2 (steps: learning, practising, proficient, expert)',
        }),
      )
      expect(await app.run(repo((r) => r.countsFor([ana.id], {})))).toEqual(new Map())
    })

    it("records nothing, evidence included, when the evidence cannot be stored", async () => {
      // A url on a note passes no decoding; forced here to reach the database check.
      const input = {
        ...assessmentInput({ personId: ana.id, competency: "communication", raterKind: "self", rating: "expert" }),
        evidence: [{ kind: "note" as const, url: "https://x.com", text: "x", date: "2026-01-01" }],
      }
      const exit = await app.exit(repo((r) => r.record(input)))
      expect(failureOf(exit)).toMatchObject({ _tag: "DbError" })
      expect(await app.run(repo((r) => r.countsFor([ana.id], {})))).toEqual(new Map())
    })
  })

  describe("addEvidence", () => {
    it("adds evidence to an assessment and answers it with all its evidence", async () => {
      const recorded = await app.run(
        record({
          competency: "mentoring",
          raterKind: "peer",
          raterEmail: "peer@x.com",
          rating: "practising",
          evidence: [{ kind: "note", text: "Paired with a new hire.", date: "2026-01-02" }],
        }),
      )
      const input = Schema.decodeUnknownSync(AddEvidenceInput)({
        assessmentId: encodeGlobalID("Assessment", recorded.id),
        kind: "link",
        url: "https://wiki/x",
        text: "Onboarding guide",
        date: "2026-01-10",
        source: "Onboarding",
      })
      const added = await app.run(repo((r) => r.addEvidence(input, "peer@x.com")))
      expect(added.evidence.map((e) => e.text)).toEqual(["Paired with a new hire.", "Onboarding guide"])
      const stored = await app.run(repo((r) => r.evidenceOf([recorded.id])))
      expect(stored).toHaveLength(2)
      expect(stored[1]).toMatchObject({ assessmentId: recorded.id, kind: "link", source: "Onboarding" })
    })

    it("refuses an unknown assessment", async () => {
      const input = Schema.decodeUnknownSync(AddEvidenceInput)({
        assessmentId: encodeGlobalID("Assessment", "999"),
        kind: "note",
        text: "x",
        date: "2026-01-10",
      })
      expect(failureOf(await app.exit(repo((r) => r.addEvidence(input, "peer@x.com"))))).toEqual(
        new NotFoundError({ entity: "Assessment", key: "999", message: 'no assessment with id "999"' }),
      )
    })
  })

  describe("the day observed", () => {
    const today = () => new Date().toISOString().slice(0, 10)

    it("is today in the person's time zone unless given, and is kept as given", async () => {
      const now = await app.run(record({ competency: "communication", raterKind: "self", rating: "learning" }))
      expect(now.observedOn).toBe(today())
      const past = await app.run(
        record({ competency: "communication", raterKind: "self", rating: "expert", observedOn: "2024-03-15" }),
      )
      expect(past.observedOn).toBe("2024-03-15")
      const [stored] = await app.run(repo((r) => r.byIds([past.id])))
      expect(stored?.observedOn).toBe("2024-03-15")
    })

    it("refuses a day in the future or before the hire date, and stores nothing", async () => {
      const future = failureOf(
        await app.exit(
          record({ competency: "communication", raterKind: "self", rating: "learning", observedOn: "2999-01-01" }),
        ),
      )
      expect(future).toBeInstanceOf(InputError)
      expect(future).toMatchObject({ path: ["input", "observedOn"] })
      expect(future.message).toBe(`input.observedOn: 2999-01-01 is in the future (today is ${today()} for ana@x.com)`)
      const early = failureOf(
        await app.exit(
          record({ competency: "communication", raterKind: "self", rating: "learning", observedOn: "2023-12-31" }),
        ),
      )
      expect(early.message).toBe("input.observedOn: 2023-12-31 is before the hire date 2024-01-01 of ana@x.com")
      expect(await app.run(repo((r) => r.countsFor([ana.id], {})))).toEqual(new Map())
    })

    it("orders the listing and the latest ratings by the day observed, then by the order recorded", async () => {
      const june = await app.run(
        record({ competency: "communication", raterKind: "manager", rating: "proficient", observedOn: "2025-06-01" }),
      )
      // Recorded after, observed before: history told late.
      const march = await app.run(
        record({ competency: "communication", raterKind: "manager", rating: "learning", observedOn: "2025-03-01" }),
      )
      const sameDay = await app.run(
        record({ competency: "communication", raterKind: "manager", rating: "expert", observedOn: "2025-06-01" }),
      )
      const listed = await app.run(repo((r) => r.listFor([ana.id], page(1), {})))
      expect(listed.map((a) => a.id)).toEqual([sameDay.id, june.id])
      const rest = await app.run(repo((r) => r.listFor([ana.id], page(5, listed[0]), {})))
      expect(rest.map((a) => a.id)).toEqual([june.id, march.id])

      const latest = await app.run(repo((r) => r.latestFor([ana.id])))
      expect(latest.map((l) => [l.rating, l.observedOn])).toEqual([["expert", "2025-06-01"]])
      const asOfApril = await app.run(repo((r) => r.latestFor([ana.id], "2025-04-30")))
      expect(asOfApril.map((l) => [l.rating, l.observedOn])).toEqual([["learning", "2025-03-01"]])
      expect(await app.run(repo((r) => r.latestFor([ana.id], "2025-02-28")))).toEqual([])
    })
  })

  describe("reads", () => {
    it("pages the assessments of several people newest first, in one statement, and counts them", async () => {
      for (const rating of ["learning", "practising", "proficient"]) {
        await app.run(record({ competency: "communication", raterKind: "self", rating }))
      }
      await app.run(record({ competency: "communication", raterKind: "self", rating: "expert" }, ben))
      const first = await app.run(repo((r) => r.listFor([ana.id, ben.id], page(2), {})))
      // limit + 1 per person: the extra row says there is a next page.
      expect(first.map((a) => [a.personId === ana.id ? "ana" : "ben", a.rating])).toEqual(
        (ana.id < ben.id
          ? [
              ["ana", "proficient"],
              ["ana", "practising"],
              ["ana", "learning"],
              ["ben", "expert"],
            ]
          : [
              ["ben", "expert"],
              ["ana", "proficient"],
              ["ana", "practising"],
              ["ana", "learning"],
            ]) as Array<[string, string]>,
      )
      const anas = first.filter((a) => a.personId === ana.id)
      const next = await app.run(repo((r) => r.listFor([ana.id], page(2, anas[1]), {})))
      expect(next.map((a) => a.rating)).toEqual(["learning"])
      expect(await app.run(repo((r) => r.countsFor([ana.id, ben.id], {})))).toEqual(
        new Map([
          [ana.id, 3],
          [ben.id, 1],
        ]),
      )
    })

    it("filters by (ladder, version, competency) triples; an empty list matches nothing", async () => {
      await app.run(record({ competency: "communication", raterKind: "self", rating: "learning" }))
      await app.run(record({ competency: "mentoring", raterKind: "self", rating: "learning" }))
      const matches = [{ ladderKey: "support", version: 1, competency: "mentoring" }]
      const found = await app.run(repo((r) => r.listFor([ana.id], page(10), { matches })))
      expect(found.map((a) => a.competency)).toEqual(["mentoring"])
      expect(await app.run(repo((r) => r.listFor([ana.id], page(10), { matches: [] })))).toEqual([])
      expect(await app.run(repo((r) => r.countsFor([ana.id], { matches })))).toEqual(new Map([[ana.id, 1]]))
    })

    it("answers the latest rating per rater kind and version, with the evidence of the whole group", async () => {
      await app.run(
        record({
          competency: "communication",
          raterKind: "manager",
          rating: "learning",
          evidence: [{ kind: "note", text: "a", date: "2026-01-01" }],
        }),
      )
      const latestManager = await app.run(
        record({
          competency: "communication",
          raterKind: "manager",
          rating: "proficient",
          evidence: [
            { kind: "note", text: "b", date: "2026-01-01" },
            { kind: "note", text: "c", date: "2026-01-01" },
          ],
        }),
      )
      await app.run(record({ competency: "communication", raterKind: "self", rating: "expert" }))
      await app.run(record({ competency: "mentoring", raterKind: "self", rating: "expert" }, ben))
      const latest = await app.run(repo((r) => r.latestFor([ana.id, ben.id])))
      const anas = latest.filter((l) => l.personId === ana.id)
      expect(anas.map((l) => [l.raterKind, l.rating, l.groupEvidence])).toEqual([
        ["manager", "proficient", 3],
        ["self", "expert", 3],
      ])
      expect(anas[0]?.id).toBe(Number(latestManager.id))
      expect(latest.filter((l) => l.personId === ben.id).map((l) => l.competency)).toEqual(["mentoring"])
      expect(await app.run(repo((r) => r.latestFor([])))).toEqual([])
    })
  })
})
