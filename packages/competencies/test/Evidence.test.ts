import { decodeInput, encodeGlobalID } from "@teamops/core"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { RecordAssessmentInput } from "../src/Assessment.js"
import { AddEvidenceInput, EvidenceFields } from "../src/Evidence.js"

const decode = <A, I>(schema: Parameters<typeof decodeInput<A, I>>[0], value: unknown) =>
  Effect.runSync(Effect.either(decodeInput(schema, ["input"])(value)))

describe("evidence input", () => {
  it("takes a link with a url and a note without one", () => {
    const link = decode(EvidenceFields, {
      kind: "link",
      url: " https://x.com/t/1 ",
      text: " Ticket ",
      date: "2026-01-05",
    })
    expect(link).toEqual(Either.right({ kind: "link", url: "https://x.com/t/1", text: "Ticket", date: "2026-01-05" }))
    const note = decode(EvidenceFields, {
      kind: "note",
      text: "Led the outage call.",
      date: "2026-01-05",
      source: "Incidents",
    })
    expect(Either.isRight(note)).toBe(true)
  })

  it("refuses a link without a url and a note with one, naming the url field", () => {
    const link = decode(EvidenceFields, { kind: "link", text: "Ticket", date: "2026-01-05" })
    expect(Either.getLeft(link).pipe((e) => e._tag === "Some" && e.value)).toMatchObject({
      path: ["input", "url"],
      message: "input.url: a link needs a url",
    })
    const note = decode(EvidenceFields, { kind: "note", url: "https://x.com", text: "Ticket", date: "2026-01-05" })
    expect(Either.isLeft(note) && note.left.path).toEqual(["input", "url"])
  })

  it("refuses a url that is not http(s), an empty text and a date that is not a date", () => {
    const bad = decode(EvidenceFields, { kind: "link", url: "ftp://x", text: " ", date: "2026-02-30" })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.message).toContain("input.url: expected an http or https URL")
      expect(bad.left.message).toContain("input.text: expected a non-empty text")
      expect(bad.left.message).toContain('input.date: expected a date as YYYY-MM-DD, got "2026-02-30"')
    }
  })

  it("addEvidence needs the id of an Assessment", () => {
    const wrong = decode(AddEvidenceInput, {
      assessmentId: encodeGlobalID("Person", "1"),
      kind: "note",
      text: "x",
      date: "2026-01-01",
    })
    expect(Either.isLeft(wrong) && wrong.left.path).toEqual(["input", "assessmentId"])
    const right = decode(AddEvidenceInput, {
      assessmentId: encodeGlobalID("Assessment", "7"),
      kind: "note",
      text: "x",
      date: "2026-01-01",
    })
    expect(Either.isRight(right) && right.right.assessmentId).toBe("7")
  })
})

describe("recordAssessment input", () => {
  const valid = {
    personId: encodeGlobalID("Person", "p1"),
    ladderKey: "support",
    competency: "communication",
    raterKind: "manager",
    rating: "proficient",
  }

  it("decodes the person id, lower-cases the rater email and leaves optional fields out", () => {
    const decoded = decode(RecordAssessmentInput, { ...valid, raterEmail: " Boss@X.com ", version: null })
    expect(decoded).toEqual(Either.right({ ...valid, personId: "p1", raterEmail: "boss@x.com" }))
  })

  it("refuses an unknown rater kind, a version below 1 and a malformed key", () => {
    const bad = decode(RecordAssessmentInput, { ...valid, raterKind: "boss", version: 0, competency: "Comm" })
    expect(Either.isLeft(bad)).toBe(true)
    if (Either.isLeft(bad)) {
      expect(bad.left.message).toContain("input.raterKind")
      expect(bad.left.message).toContain("input.version: expected a version of 1 or more")
      expect(bad.left.message).toContain("input.competency")
    }
  })
})
