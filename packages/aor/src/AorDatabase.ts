import type { Generated } from "kysely"

/** The tables of the `aor` plugin, as Kysely sees them. Ownerships and contributions are closed, never deleted. */
export interface AorDatabase {
  aor_areas: {
    id: Generated<number>
    key: string
    name: string
    purpose: string
    team_id: string
    category: string
    weekly_hours: number
    /** JSON array of sentences. */
    decisions: string
    /** JSON array of competency keys. */
    competencies: string
    review_every_days: number
    status: "active" | "retired"
    created_at: string
    retired_at: string | null
  }
  aor_ownerships: {
    id: Generated<number>
    area_id: number
    person_id: string
    team_id: string
    started_at: string
    /** Null while the ownership lasts; a unique index allows one such row per area. */
    ended_at: string | null
    note: string
  }
  aor_contributions: {
    id: Generated<number>
    area_id: number
    person_id: string
    weekly_hours: number
    started_at: string
    ended_at: string | null
  }
  aor_work: {
    id: Generated<number>
    area_id: number
    person_id: string
    date: string
    text: string
    url: string | null
    recorded_at: string
  }
  aor_confirmations: {
    id: Generated<number>
    area_id: number
    person_id: string
    confirmed_at: string
  }
}
