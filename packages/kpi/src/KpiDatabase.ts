/**
 * The tables of the `kpi` plugin, as Kysely sees them. Instants are UTC milliseconds.
 *
 * `kpi_events` is the log as it arrived; every other table holds facts derived from it on
 * ingest (per conversation, cycle, assignment, reply, rating, review, send and view), so that
 * reads never replay the log. Calendars are kept per team, one row per version.
 */
export interface KpiDatabase {
  kpi_events: {
    id: string
    /** Arrival order across the whole log; breaks ties between events at the same instant. */
    seq: number
    type: string
    at: number
    conversation_id: string | null
    /** The decoded event as canonical JSON: what a resend is compared with. */
    content: string
    /** A hash of the event as it was sent (null before it was kept): a resend of the same text is known by it. */
    sent_hash: string | null
  }
  kpi_conversations: {
    conversation_id: string
    created_at: number
    outbound: number
    customer_id: string | null
    channel: string | null
  }
  kpi_cycles: {
    conversation_id: string
    cycle: number
    start_at: number
    /** 1 when waiting starts at the first customer message (outbound cycle 1, reopened by a human). */
    waits_for_customer: number
    first_customer_at: number | null
    first_handoff_at: number | null
    /** 1 when the first handoff comes before the first human message (or there is none). */
    handoff_precedes_human: number
    first_human_at: number | null
    first_human_after_customer_at: number | null
    first_bot_at: number | null
    resolved_at: number | null
    resolved_by: string | null
    /** The start of the next cycle. */
    reopened_at: number | null
    /** The owner when the cycle ended (null while open). */
    owner_email: string | null
    owner_team: string | null
  }
  kpi_assignments: {
    conversation_id: string
    at: number
    seq: number
    person_email: string | null
    team_key: string | null
  }
  kpi_spans: {
    conversation_id: string
    cycle: number
    person_email: string
    team_key: string | null
    start_at: number
    /** null while the span runs on (the cycle is open and nothing changed). */
    end_at: number | null
  }
  kpi_complexity: {
    conversation_id: string
    at: number
    seq: number
    complexity: string
  }
  kpi_replies: {
    conversation_id: string
    cycle: number
    customer_at: number
    human_at: number
  }
  kpi_ratings: {
    conversation_id: string
    cycle: number
    at: number
    seq: number
    rating: number
  }
  kpi_reviews: {
    event_id: string
    at: number
    seq: number
    reviewee: string
    conversation_id: string | null
    /** null when every category is N/A. */
    score: number | null
  }
  kpi_proactive: {
    event_id: string
    at: number
    team_key: string | null
    person_email: string | null
  }
  kpi_article_views: {
    event_id: string
    at: number
    customer_id: string
  }
  /** The values of plugin metrics: one per `metric.observed`, its subject a person or a team. */
  kpi_observations: {
    event_id: string
    metric: string
    at: number
    seq: number
    person_email: string | null
    team_key: string | null
    value: number
  }
  kpi_calendars: {
    team_key: string
    position: number
    effective_from: number | null
    time_zone: string
    /** The weekly open hours as JSON: `{ "mon": [["09:00", "17:00"]], ... }`. */
    weekly: string
    /** Local dates as a JSON array. */
    holidays: string
  }
}
