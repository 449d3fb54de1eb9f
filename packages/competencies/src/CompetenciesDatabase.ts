import type { Generated } from "kysely"

/** The tables of the `competencies` plugin, as Kysely sees them. Rows are only ever added (a withdrawal marks one). */
export interface CompetenciesDatabase {
  competencies_assessments: {
    /** Grows with every assessment: orders ratings recorded in the same millisecond. */
    id: Generated<number>
    person_id: string
    ladder_key: string
    version: number
    competency: string
    rater_kind: "self" | "manager" | "peer"
    rating: string
    note: string | null
    rater_email: string | null
    recorded_at: string
    /** YYYY-MM-DD: the day the rating was observed (the day it was recorded, unless told). */
    observed_on: string
    /** When the rater withdrew it; null while it stands. */
    withdrawn_at: string | null
  }
  competencies_evidence: {
    id: Generated<number>
    assessment_id: number
    kind: "link" | "note"
    url: string | null
    text: string
    date: string
    source: string | null
    added_at: string
  }
  competencies_promotions: {
    id: Generated<number>
    person_id: string
    ladder_key: string
    version: number
    from_ladder_key: string | null
    from_version: number | null
    from_level: string | null
    to_level: string
    rationale: string
    /** The {@link Readiness} at the moment of the promotion, as JSON. */
    readiness: string
    at: string
    /** YYYY-MM-DD: the day the new level took effect (the day it was recorded, unless told). */
    effective_on: string
  }
}
