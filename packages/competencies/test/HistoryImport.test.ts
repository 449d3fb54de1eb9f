import { type AuditEntry, DbError, encodeGlobalID, InputError } from "@teamops/core"
import { type Person, PersonRepo, RecordDepartureInput } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Effect, Schema } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { AssessmentRepo } from "../src/AssessmentRepo.js"
import { importHistory } from "../src/HistoryImport.js"
import { PromotePersonInput } from "../src/Promotion.js"
import { PromotionRepo } from "../src/PromotionRepo.js"
import { failureOf, openWithPeople, type TestCompetencies } from "./support.js"

const today = () => new Date().toISOString().slice(0, 10)

const rated = (personEmail: string, competency: string, rating: string, observedOn: string, more = {}) => ({
  personEmail,
  ladderKey: "support",
  competency,
  raterKind: "manager",
  raterEmail: "ben@x.com",
  rating,
  observedOn,
  ...more,
})

const history = {
  promotions: [
    // Listed out of order: stored in the order of their days.
    {
      personEmail: "ana@x.com",
      ladderKey: "support",
      level: "css2",
      effectiveOn: "2024-09-02",
      rationale: "Handles the hard cases and helps others.",
    },
    { personEmail: "ANA@x.com", ladderKey: "support", level: "css1", effectiveOn: "2024-01-01", rationale: "Hired." },
    { personEmail: "ben@x.com", ladderKey: "support", level: "css1", effectiveOn: "2024-03-04", rationale: "Hired." },
  ],
  assessments: [
    rated("ana@x.com", "communication", "proficient", "2024-08-01", {
      note: "Clear replies.",
      evidence: [{ kind: "link", url: "https://x.com/t/1", text: "Refund ticket", date: "2024-07-30" }],
    }),
    rated("ana@x.com", "troubleshooting", "practising", "2024-08-01"),
    rated("ana@x.com", "mentoring", "learning", "2024-08-01"),
    // Observed after her promotion: not part of why she was promoted.
    rated("ana@x.com", "communication", "learning", "2024-10-01"),
  ],
}

describe.each(testDialects())("importHistory on %s", (dialect) => {
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

  const promotionsOf = (person: Person) => app.run(Effect.flatMap(PromotionRepo, (r) => r.ofPeople([person.id])))
  const assessmentsOf = (person: Person) => app.run(Effect.flatMap(AssessmentRepo, (r) => r.ofPeople([person.id])))
  const stored = async () => ({
    promotions: [...(await promotionsOf(ana)), ...(await promotionsOf(ben))],
    assessments: [...(await assessmentsOf(ana)), ...(await assessmentsOf(ben))],
  })

  it("stores promotions and assessments of the past on their days, and counts them", async () => {
    expect(await app.run(importHistory(history))).toEqual({
      promotions: { added: 3, alreadyStored: 0 },
      assessments: { added: 4, alreadyStored: 0 },
    })
    const promotions = await promotionsOf(ana)
    expect(promotions.map((p) => [p.from?.level ?? null, p.to, p.effectiveOn, p.rationale])).toEqual([
      [null, "css1", "2024-01-01", "Hired."],
      ["css1", "css2", "2024-09-02", "Handles the hard cases and helps others."],
    ])
    expect(promotions[1]?.readiness).toMatchObject({ level: "css2", ready: true, met: 3, total: 3 })
    expect(promotions[1]?.at.slice(0, 10)).toBe(today())
    expect((await promotionsOf(ben)).map((p) => [p.to, p.effectiveOn])).toEqual([["css1", "2024-03-04"]])

    const assessments = await assessmentsOf(ana)
    expect(assessments.map((a) => [a.competency, a.rating, a.observedOn, a.raterEmail])).toEqual([
      ["communication", "proficient", "2024-08-01", "ben@x.com"],
      ["troubleshooting", "practising", "2024-08-01", "ben@x.com"],
      ["mentoring", "learning", "2024-08-01", "ben@x.com"],
      ["communication", "learning", "2024-10-01", "ben@x.com"],
    ])
    const evidence = await app.run(Effect.flatMap(AssessmentRepo, (r) => r.evidenceOf([assessments[0]?.id ?? ""])))
    expect(evidence.map((e) => [e.kind, e.url, e.date])).toEqual([["link", "https://x.com/t/1", "2024-07-30"]])
  })

  it("hands each imported record to the audit, in the import's transaction, and nothing on a failed import", async () => {
    const nothing = await stored()
    const refusing = () => Effect.fail(new DbError({ message: "audit log unavailable" }))
    expect(failureOf(await app.exit(importHistory(history, { audit: refusing })))).toMatchObject({ _tag: "DbError" })
    expect(await stored()).toEqual(nothing)

    const audited: Array<AuditEntry> = []
    const audit = (entries: ReadonlyArray<AuditEntry>) => Effect.sync(() => audited.push(...entries))
    await app.run(importHistory(history, { audit }))
    expect(audited.filter((e) => e.operation === "recordAssessment")).toHaveLength(4)
    const promoted = audited.filter((e) => e.operation === "promotePerson").map((e) => e.targets[0])
    expect(promoted.sort()).toEqual([ana.id, ana.id, ben.id].sort())
    expect(new Set(audited.map((e) => e.outcome))).toEqual(new Set(["imported"]))
    audited.length = 0
    await app.run(importHistory(history, { audit }))
    expect(audited).toEqual([])
  })

  it("adds nothing when the same file is imported again", async () => {
    await app.run(importHistory(history))
    const first = await stored()
    expect(await app.run(importHistory(history))).toEqual({
      promotions: { added: 0, alreadyStored: 3 },
      assessments: { added: 0, alreadyStored: 4 },
    })
    expect(await stored()).toEqual(first)
  })

  it("adds only what is new in a longer file", async () => {
    await app.run(importHistory(history))
    const later = {
      promotions: [
        ...history.promotions,
        {
          personEmail: "ben@x.com",
          ladderKey: "support",
          level: "css2",
          effectiveOn: "2025-02-03",
          rationale: "Ready.",
        },
      ],
      assessments: [...history.assessments, rated("ben@x.com", "communication", "expert", "2025-01-15")],
    }
    expect(await app.run(importHistory(later))).toEqual({
      promotions: { added: 1, alreadyStored: 3 },
      assessments: { added: 1, alreadyStored: 4 },
    })
    expect((await promotionsOf(ben)).map((p) => p.to)).toEqual(["css1", "css2"])
  })

  it("reports every problem of the file at once, each at its place, and stores nothing", async () => {
    await app.run(
      Effect.flatMap(PromotionRepo, (r) =>
        r.promote(
          Schema.decodeUnknownSync(PromotePersonInput)({
            personId: encodeGlobalID("Person", ben.id),
            ladderKey: "support",
            level: "css1",
            rationale: "Hired.",
            effectiveOn: "2025-01-06",
          }),
        ),
      ),
    )
    await app.run(
      Effect.flatMap(PersonRepo, (r) =>
        r.recordDeparture(
          Schema.decodeUnknownSync(RecordDepartureInput)({
            personId: encodeGlobalID("Person", ana.id),
            leftOn: "2025-06-30",
          }),
        ),
      ),
    )
    const before = await stored()
    const error = failureOf(
      await app.exit(
        importHistory({
          promotions: [
            {
              personEmail: "ghost@x.com",
              ladderKey: "support",
              level: "css1",
              effectiveOn: "2024-02-01",
              rationale: "x",
            },
            {
              personEmail: "ben@x.com",
              ladderKey: "support",
              level: "css2",
              effectiveOn: "2024-06-03",
              rationale: "x",
            },
            {
              personEmail: "ana@x.com",
              ladderKey: "support",
              level: "css9",
              effectiveOn: "2025-07-01",
              rationale: " ",
            },
            { personEmail: "ana@x.com", ladderKey: "sales", level: "s1", effectiveOn: "2999-01-01", rationale: "x" },
            {
              personEmail: "ana@x.com",
              ladderKey: "support",
              level: "css1",
              effectiveOn: "2024-02-01",
              rationale: "x",
            },
            {
              personEmail: "ana@x.com",
              ladderKey: "support",
              level: "css1",
              effectiveOn: "2024-02-01",
              rationale: "x",
            },
          ],
          assessments: [
            rated("ana@x.com", "communication", "proficient", "2023-12-31", { raterEmail: "boss@x.com" }),
            rated("ana@x.com", "empathy", "great", "2024-05-01", { version: 2 }),
            rated("ana@x.com", "empathy", "great", "2024-05-01"),
            rated("ana", "communication", "proficient", "2024-05-01", { raterKind: "boss", colour: "red" }),
            rated("ghost@x.com", "communication", "proficient", "2024-05-01"),
          ],
        }),
      ),
    )
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ path: ["promotions", "0", "personEmail"] })
    expect(error.message.split("\n")).toEqual([
      "promotions[0].personEmail: no person with email ghost@x.com",
      'promotions[1].effectiveOn: 2024-06-03 is before the latest promotion of ben@x.com (to "css1" of ladder "support" on 2025-01-06): promotions are recorded in order',
      'promotions[2].level: ladder "support" version 1 has no level "css9" (levels: css1, css2)',
      "promotions[2].effectiveOn: 2025-07-01 is after ana@x.com left, on 2025-06-30",
      "promotions[2].rationale: expected a non-empty text: say why",
      'promotions[3].ladderKey: no published ladder "sales"',
      `promotions[3].effectiveOn: 2999-01-01 is in the future (today is ${today()} for ana@x.com)`,
      "promotions[5]: the same promotion as promotions[4]",
      "assessments[0].raterEmail: no person with email boss@x.com",
      "assessments[0].observedOn: 2023-12-31 is before the hire date 2024-01-01 of ana@x.com",
      'assessments[1].version: ladder "support" has no published version 2',
      'assessments[2].competency: ladder "support" version 1 has no competency "empathy" (known: communication, troubleshooting, mentoring)',
      'assessments[2].rating: "great" is not a step of the scale of ladder "support" version 1 (steps: learning, practising, proficient, expert)',
      'assessments[3].personEmail: expected an email address such as "ana@example.com", got "ana"',
      'assessments[3].raterKind: expected "self", "manager" or "peer", got "boss"',
      'assessments[3].colour: is unexpected, expected: "personEmail" | "ladderKey" | "competency" | "raterKind" | "rating" | "observedOn" | "version" | "raterEmail" | "note" | "evidence"',
      "assessments[4].personEmail: no person with email ghost@x.com",
    ])
    expect(await stored()).toEqual(before)
  })

  it("refuses a promotion to the level the person holds at that point", async () => {
    const error = failureOf(
      await app.exit(
        importHistory({
          promotions: [
            {
              personEmail: "ana@x.com",
              ladderKey: "support",
              level: "css1",
              effectiveOn: "2024-01-01",
              rationale: "x",
            },
            {
              personEmail: "ana@x.com",
              ladderKey: "support",
              level: "css1",
              effectiveOn: "2024-06-03",
              rationale: "x",
            },
          ],
        }),
      ),
    )
    expect(error.message).toBe(
      'promotions[1].level: ana@x.com is already at level "css1" of ladder "support" (since 2024-01-01)',
    )
    expect(await promotionsOf(ana)).toEqual([])
  })

  it("names what the file and its lists should be, and imports an empty file", async () => {
    expect(failureOf(await app.exit(importHistory([]))).message).toBe(
      "expected an object with the lists promotions and assessments, got a list",
    )
    expect(failureOf(await app.exit(importHistory({ promotions: [3] }))).message).toBe(
      "promotions[0]: expected a promotion: an object with personEmail, ladderKey, level, effectiveOn and rationale, got 3",
    )
    expect(await app.run(importHistory({}))).toEqual({
      promotions: { added: 0, alreadyStored: 0 },
      assessments: { added: 0, alreadyStored: 0 },
    })
  })
})
