import { Clock, Effect } from "effect"
import type { CalendarVersion } from "./Calendar.js"
import { CalendarRepo } from "./CalendarRepo.js"
import { EventLog } from "./EventLog.js"
import { FactReader } from "./FactReader.js"

// The regional teams of the demo organisation, their open hours and who answers there.
// `opensAt` is about 08:00 local, in hours after midnight UTC, so that most conversations
// arrive during the region's open hours.
const regions = [
  { team: "support-emea", zone: "Europe/Athens", opensAt: 6, people: ["aoife", "dimitra", "kostas", "siobhan"] },
  { team: "support-americas", zone: "America/New_York", opensAt: 13, people: ["james", "priya", "lucas", "hannah"] },
  { team: "support-apac", zone: "Australia/Sydney", opensAt: -3, people: ["jack", "mei", "arjun", "chloe"] },
] as const

const weekdays = (open: string, close: string): CalendarVersion["weekly"] => {
  const hours = [[open, close] as const]
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] }
}

const minute = 60_000
const day = 86_400_000

/** A small deterministic generator, so that every demo database holds the same story. */
const generator = (seed: number) => {
  let state = seed
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
  return { next, pick: <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)] as T }
}

/**
 * Four weeks of conversations up to `now`: bots answering and handing off, teammates replying
 * and resolving, ratings, reopens, a few quality reviews, proactive messages and article views.
 */
export const demoEvents = (now: number): Array<Record<string, unknown>> => {
  const r = generator(2026)
  const events: Array<Record<string, unknown>> = []
  const start = now - 28 * day
  for (let c = 0; c < 240; c++) {
    const region = regions[c % regions.length] as (typeof regions)[number]
    const person = `${r.pick(region.people)}@teamops.example`
    const conversationId = `demo-${c}`
    const midnight = Math.floor(start / day) * day + Math.floor(r.next() * 27) * day
    let at = midnight + region.opensAt * 3_600_000 + Math.floor(r.next() * 9 * 60) * minute
    const push = (type: string, actor: object, fields: object = {}, after = 1 + Math.floor(r.next() * 90)) => {
      at += after * minute
      if (at <= now)
        events.push({
          id: `${conversationId}-${events.length}`,
          type,
          at: new Date(at).toISOString(),
          actor,
          conversationId,
          ...fields,
        })
    }
    const teammate = { kind: "human", email: person }
    const complexity = r.pick(["simple", "standard", "standard", "complex"] as const)
    push(
      "conversation.created",
      { kind: "customer" },
      { channel: r.pick(["chat", "email"]), complexity, customerId: `customer-${c % 150}` },
      0,
    )
    push("message.customer", { kind: "customer" }, {}, 0)
    push("message.bot", { kind: "bot" }, {}, 1)
    if (complexity === "simple" && r.next() < 0.6) {
      push("conversation.resolved", { kind: "bot" }, {}, 2)
      continue
    }
    push("conversation.handoff", { kind: "bot" }, {}, 1)
    push("conversation.assigned", { kind: "automation" }, { assignee: { email: person }, teamKey: region.team }, 1)
    push("message.human", teammate, {}, 5 + Math.floor(r.next() * 40))
    push("message.customer", { kind: "customer" })
    push("message.human", teammate)
    if (r.next() < 0.05) continue // still open
    push("conversation.resolved", teammate)
    if (r.next() < 0.6) push("csat.rated", { kind: "customer" }, { rating: r.pick([3, 4, 5, 5, 5, 2]) }, 30)
    if (r.next() < 0.25)
      push(
        "qa.reviewed",
        { kind: "human", email: "sofia@teamops.example" },
        {
          reviewee: person,
          review: {
            reviewer: "sofia@teamops.example",
            scorecard: [
              {
                category: "accuracy",
                weight: 2,
                scale: { min: 1, max: 5 },
                value: 3 + Math.floor(r.next() * 3),
                critical: true,
              },
              { category: "tone", weight: 1, scale: { min: 1, max: 5 }, value: 2 + Math.floor(r.next() * 4) },
            ],
          },
        },
      )
    if (r.next() < 0.1) push("message.customer", { kind: "customer" }, {}, 600)
  }
  for (let i = 0; i < 60; i++) {
    const at = new Date(start + Math.floor(r.next() * 28 * day)).toISOString()
    if (i % 3 === 0)
      events.push({
        id: `demo-send-${i}`,
        type: "proactive.sent",
        at,
        actor: { kind: "automation" },
        teamKey: r.pick(regions).team,
      })
    else
      events.push({
        id: `demo-view-${i}`,
        type: "article.viewed",
        at,
        actor: { kind: "customer" },
        customerId: `reader-${i % 40}`,
      })
  }
  return events
}

/** True when the log holds no event yet. */
export const kpiIsEmpty = Effect.map(
  Effect.flatMap(FactReader, (facts) => facts.earliest(Number.MAX_SAFE_INTEGER)),
  (earliest) => earliest === undefined,
)

/** Calendars for the regional demo teams and four weeks of events, when the log is empty. */
export const seedKpi = Effect.gen(function* () {
  if (!(yield* kpiIsEmpty)) return
  const calendars = yield* CalendarRepo
  for (const region of regions) {
    const current = yield* calendars.ofTeams([region.team])
    if (current.size === 0) {
      const version = { timeZone: region.zone, weekly: weekdays("08:00", "18:00"), holidays: [], effectiveFrom: null }
      yield* calendars.set(region.team, [version])
    }
  }
  const now = yield* Clock.currentTimeMillis
  const events = demoEvents(now).map((value, i) => ({ where: `demo event ${i}`, value }))
  yield* Effect.flatMap(EventLog, (log) => log.ingest(events))
})
