import type { Complexity, LogEvent } from "./Event.js"

/** An event with its place in the arrival order of the log. */
export interface Sequenced {
  readonly event: LogEvent
  readonly seq: number
}

/** What one cycle of a conversation did, as instants (UTC milliseconds). */
export interface CycleFacts {
  readonly cycle: number
  readonly startAt: number
  /** Waiting starts at the first customer message (outbound cycle 1, or reopened by a human). */
  readonly waitsForCustomer: boolean
  firstCustomerAt: number | null
  firstHandoffAt: number | null
  /** The first handoff came before any human message of the cycle. */
  handoffPrecedesHuman: boolean
  firstHumanAt: number | null
  firstHumanAfterCustomerAt: number | null
  firstBotAt: number | null
  resolvedAt: number | null
  resolvedBy: string | null
  reopenedAt: number | null
  ownerEmail: string | null
  ownerTeam: string | null
}

export interface ConversationFacts {
  readonly conversationId: string
  readonly createdAt: number
  readonly outbound: boolean
  readonly customerId: string | null
  readonly channel: string | null
  readonly cycles: ReadonlyArray<CycleFacts>
  /** The assignment after each `conversation.assigned`, team carried over when absent. */
  readonly assignments: ReadonlyArray<{ at: number; seq: number; personEmail: string | null; teamKey: string | null }>
  /** Time within a cycle during which one person (and team) held the conversation. */
  readonly spans: ReadonlyArray<{
    cycle: number
    personEmail: string
    teamKey: string | null
    startAt: number
    endAt: number | null
  }>
  readonly complexity: ReadonlyArray<{ at: number; seq: number; complexity: Complexity }>
  readonly replies: ReadonlyArray<{ cycle: number; customerAt: number; humanAt: number }>
  readonly ratings: ReadonlyArray<{ cycle: number; at: number; seq: number; rating: number }>
}

/** An event the log cannot take, and why. */
export interface Refusal {
  readonly eventId: string
  readonly message: string
  /**
   * The conversation has no `conversation.created` at all: the log holds only its later part,
   * as in a helpdesk export whose window starts after the conversation was created.
   */
  readonly incomplete?: true
}

/** Arrival order breaks ties between events at the same instant. */
export const byTime = (a: Sequenced, b: Sequenced) => a.event.at - b.event.at || a.seq - b.seq

const newCycle = (cycle: number, startAt: number, waitsForCustomer: boolean): CycleFacts => ({
  cycle,
  startAt,
  waitsForCustomer,
  firstCustomerAt: null,
  firstHandoffAt: null,
  handoffPrecedesHuman: false,
  firstHumanAt: null,
  firstHumanAfterCustomerAt: null,
  firstBotAt: null,
  resolvedAt: null,
  resolvedBy: null,
  reopenedAt: null,
  ownerEmail: null,
  ownerTeam: null,
})

/**
 * Applies the events of one conversation in time order and derives its facts, or the
 * refusals when the events contradict each other (anything before `conversation.created`,
 * a second `created`, `resolved` while resolved, `reopened` while open, a teammate or bot
 * acting on a resolved conversation, a rating before the first resolution).
 */
export const replayConversation = (
  conversationId: string,
  events: ReadonlyArray<Sequenced>,
): { readonly facts: ConversationFacts } | { readonly refusals: ReadonlyArray<Refusal> } => {
  const sorted = [...events].sort(byTime)
  const refusals: Array<Refusal> = []
  const refuse = (event: LogEvent, why: string) =>
    refusals.push({ eventId: event.id, message: `conversation "${conversationId}": ${why}` })

  const first = sorted[0]?.event
  if (first !== undefined && !sorted.some(({ event }) => event.type === "conversation.created")) {
    const which = sorted.length === 1 ? "its only event is" : `its ${sorted.length} events start with`
    return {
      refusals: [
        {
          eventId: first.id,
          message: `conversation "${conversationId}" has no conversation.created: ${which} ${first.type} at ${iso(first.at)}`,
          incomplete: true,
        },
      ],
    }
  }
  if (first === undefined || first.type !== "conversation.created") {
    for (const { event } of sorted) {
      if (event.type === "conversation.created") break
      refuse(event, `${event.type} at ${iso(event.at)} comes before the conversation.created`)
    }
    return { refusals }
  }

  const cycles: Array<CycleFacts> = []
  const assignments: Array<ConversationFacts["assignments"][number]> = []
  const spans: Array<{
    cycle: number
    personEmail: string
    teamKey: string | null
    startAt: number
    endAt: number | null
  }> = []
  const complexity: Array<ConversationFacts["complexity"][number]> = []
  const replies: Array<ConversationFacts["replies"][number]> = []
  const ratings: Array<ConversationFacts["ratings"][number]> = []

  let person: string | null = null
  let team: string | null = null
  let resolved = false
  let current = newCycle(1, first.at, first.actor.kind === "human")
  cycles.push(current)
  // The customer message waiting for a reply, once a teammate has written in the cycle.
  let pendingCustomer: number | null = null
  let humanSeen = false

  const openSpan = (at: number) => {
    if (person !== null)
      spans.push({ cycle: current.cycle, personEmail: person, teamKey: team, startAt: at, endAt: null })
  }
  const closeSpan = (at: number) => {
    const last = spans.at(-1)
    if (last !== undefined && last.endAt === null) last.endAt = at
  }
  const reopen = (at: number, byHuman: boolean) => {
    current.reopenedAt = at
    current = newCycle(current.cycle + 1, at, byHuman)
    cycles.push(current)
    resolved = false
    pendingCustomer = null
    humanSeen = false
    openSpan(at)
  }

  if (first.type === "conversation.created" && first.complexity !== undefined) {
    complexity.push({ at: first.at, seq: sorted[0]?.seq ?? 0, complexity: first.complexity })
  }

  for (const { event, seq } of sorted.slice(1)) {
    const at = event.at
    switch (event.type) {
      case "conversation.created":
        refuse(event, `a second conversation.created at ${iso(at)}`)
        break
      case "message.customer":
        if (resolved) reopen(at, false)
        current.firstCustomerAt ??= at
        if (humanSeen) pendingCustomer ??= at
        break
      case "message.human":
        if (resolved) {
          refuse(event, `message.human at ${iso(at)} while the conversation is resolved`)
          break
        }
        if (current.firstHumanAt === null) current.firstHumanAt = at
        if (current.firstCustomerAt !== null && current.firstHumanAfterCustomerAt === null) {
          current.firstHumanAfterCustomerAt = at
          // This reply is the first response of a cycle that waited for the customer: not a reply time.
          if (current.waitsForCustomer) pendingCustomer = null
        }
        if (pendingCustomer !== null) replies.push({ cycle: current.cycle, customerAt: pendingCustomer, humanAt: at })
        pendingCustomer = null
        humanSeen = true
        break
      case "message.bot":
        if (resolved) refuse(event, `message.bot at ${iso(at)} while the conversation is resolved`)
        else current.firstBotAt ??= at
        break
      case "conversation.handoff":
        if (resolved) refuse(event, `conversation.handoff at ${iso(at)} while the conversation is resolved`)
        else if (current.firstHandoffAt === null) {
          current.firstHandoffAt = at
          current.handoffPrecedesHuman = current.firstHumanAt === null
        }
        break
      case "conversation.assigned": {
        const nextPerson = event.assignee?.email ?? null
        const nextTeam: string | null = event.teamKey === undefined ? team : event.teamKey
        assignments.push({ at, seq, personEmail: nextPerson, teamKey: nextTeam })
        if (nextPerson !== person || nextTeam !== team) {
          if (!resolved) closeSpan(at)
          person = nextPerson
          team = nextTeam
          if (!resolved) openSpan(at)
        }
        break
      }
      case "conversation.resolved":
        if (resolved) {
          refuse(event, `conversation.resolved at ${iso(at)} while it is already resolved`)
          break
        }
        closeSpan(at)
        current.resolvedAt = at
        current.resolvedBy = event.actor.kind
        current.ownerEmail = person
        current.ownerTeam = team
        resolved = true
        break
      case "conversation.reopened":
        if (!resolved) refuse(event, `conversation.reopened at ${iso(at)} while it is open`)
        else reopen(at, event.actor.kind === "human")
        break
      case "conversation.tagged":
        complexity.push({ at, seq, complexity: event.complexity })
        break
      case "csat.rated": {
        // A rating belongs to the last cycle resolved before it.
        const rated = resolved ? current : cycles[cycles.length - 2]
        if (rated === undefined) refuse(event, `csat.rated at ${iso(at)} before the conversation was first resolved`)
        else ratings.push({ cycle: rated.cycle, at, seq, rating: event.rating })
        break
      }
      default:
        // A review naming the conversation only needs to come after its creation.
        break
    }
  }
  if (refusals.length > 0) return { refusals }
  return {
    facts: {
      conversationId,
      createdAt: first.at,
      outbound: first.actor.kind === "human",
      customerId: first.type === "conversation.created" ? (first.customerId ?? null) : null,
      channel: first.type === "conversation.created" ? (first.channel ?? null) : null,
      cycles,
      assignments,
      spans,
      complexity,
      replies,
      ratings,
    },
  }
}

const iso = (millis: number) => new Date(millis).toISOString()
