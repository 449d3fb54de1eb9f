import { GlobalId, LocalDate } from "@teamops/core"
import { Schema } from "effect"

/** A link to something that shows the competency, or a note describing it. */
export const EvidenceKind = Schema.Literal("link", "note")
export type EvidenceKind = typeof EvidenceKind.Type

/** One item of evidence on an assessment. */
export interface Evidence {
  readonly id: string
  readonly assessmentId: string
  readonly kind: EvidenceKind
  /** Set for a link, null for a note. */
  readonly url: string | null
  readonly text: string
  /** When what it shows happened, `YYYY-MM-DD`. */
  readonly date: string
  /** Where it came from, in free text (an area of responsibility, a project). */
  readonly source: string | null
  /** RFC 3339, UTC: when it was added. */
  readonly addedAt: string
}

const Text = Schema.Trim.pipe(
  Schema.nonEmptyString({ message: () => "expected a non-empty text" }),
  Schema.maxLength(4000, { message: () => "expected at most 4000 characters" }),
)

/** An absolute http(s) URL. */
export const Url = Schema.Trim.pipe(
  Schema.filter((s) => {
    try {
      const url = new URL(s)
      if (url.protocol === "http:" || url.protocol === "https:") return true
    } catch {}
    return `expected an http or https URL such as "https://example.com/ticket/1", got ${JSON.stringify(s)}`
  }),
)

const evidenceStruct = {
  kind: EvidenceKind,
  url: Schema.optionalWith(Url, { nullable: true }),
  text: Text,
  date: LocalDate,
  source: Schema.optionalWith(
    Schema.Trim.pipe(
      Schema.nonEmptyString({ message: () => "expected a non-empty text" }),
      Schema.maxLength(200, { message: () => "expected at most 200 characters" }),
    ),
    { nullable: true },
  ),
}

/** A link needs a `url`, a note has none; a failure names the `url` field. */
const linkHasUrl = <T extends { readonly kind: EvidenceKind; readonly url?: string | undefined }>(e: T) => {
  if (e.kind === "link" && e.url === undefined) return { path: ["url"], message: "a link needs a url" }
  if (e.kind === "note" && e.url !== undefined) return { path: ["url"], message: "a note has no url; use kind link" }
  return true
}

/** The fields of an evidence item as given with a new assessment. */
export const EvidenceFields = Schema.Struct(evidenceStruct).pipe(Schema.filter(linkHasUrl))
export type EvidenceFields = typeof EvidenceFields.Type

/** The arguments of `addEvidence`. */
export const AddEvidenceInput = Schema.Struct({ assessmentId: GlobalId("Assessment"), ...evidenceStruct }).pipe(
  Schema.filter(linkHasUrl),
)
export type AddEvidenceInput = typeof AddEvidenceInput.Type
