// Instants and events for tests of metrics, built the way a helpdesk would send them.

/** Monday 2026-03-02 09:00 UTC; test instants are offsets from it in milliseconds. */
export const T0 = Date.parse("2026-03-02T09:00:00Z")
export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR
/** The RFC 3339 instant `offset` milliseconds after {@link T0}. */
export const iso = (offset: number) => new Date(T0 + offset).toISOString()

let counter = 0

/** Builds events of one conversation: `at` is minutes after `base`, ids are unique. */
export const conversation = (id: string, base = "2026-03-02T09:00:00Z") => {
  const start = Date.parse(base)
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
  const event = (type: string, minutes: number, kind: string, extra: Record<string, unknown> = {}) => ({
    id: `${id}-${++counter}`,
    type,
    at: at(minutes),
    actor: { kind, ...(kind === "human" ? { email: "ana@example.com" } : {}) },
    conversationId: id,
    ...extra,
  })
  return { at, event }
}
