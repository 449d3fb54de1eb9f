// A random but valid event log, reproducible from a seed: conversations that follow the
// rules of the log (created first, no teammate or bot acting on a resolved conversation,
// ratings after a resolution), with no two events of a conversation at the same instant.

/** A small deterministic generator (mulberry32). */
export const random = (seed: number) => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)] as T,
  }
}

export type Random = ReturnType<typeof random>

const people = ["ana@example.com", "bo@example.com", "chen@example.com"]
/** The randomLogTeams of a random log. */
export const randomLogTeams = ["athens", "boston"]
const base = Date.parse("2026-03-27T06:00:00Z")

export interface RandomLog {
  readonly events: ReadonlyArray<Record<string, unknown>>
  /** The instant after every event. */
  readonly end: number
}

/** `conversations` conversations over about four days around a DST change, plus sends and views. */
export const randomLog = (seed: number, conversations: number): RandomLog => {
  const r = random(seed)
  const events: Array<Record<string, unknown>> = []
  let id = 0
  let end = base
  const push = (type: string, at: number, actor: object, fields: object = {}) => {
    events.push({ id: `e${seed}-${++id}`, type, at: new Date(at).toISOString(), actor, ...fields })
    end = Math.max(end, at + 1)
  }
  const human = () => ({ kind: "human", email: r.pick(people) })
  for (let c = 0; c < conversations; c++) {
    const conversationId = `s${seed}-c${c}`
    const customerId = `cust${r.int(conversations)}`
    let at = base + r.int(4 * 86_400) * 1000
    const step = () => {
      at += (1 + r.int(3 * 3600)) * 1000
      return at
    }
    const outbound = r.next() < 0.2
    push("conversation.created", at, outbound ? human() : { kind: "customer" }, {
      conversationId,
      customerId,
      ...(r.next() < 0.5 ? { complexity: r.pick(["simple", "standard", "complex"]) } : {}),
    })
    let resolved = false
    let resolutions = 0
    for (let i = 0, length = 3 + r.int(10); i < length; i++) {
      const roll = r.next()
      const when = step()
      if (resolved) {
        if (roll < 0.3) push("csat.rated", when, { kind: "customer" }, { conversationId, rating: 1 + r.int(5) })
        else if (roll < 0.5) push("message.customer", when, { kind: "customer" }, { conversationId })
        else if (roll < 0.7)
          push("conversation.reopened", when, r.next() < 0.5 ? human() : { kind: "customer" }, { conversationId })
        else if (roll < 0.8)
          push("conversation.assigned", when, human(), { conversationId, assignee: { email: r.pick(people) } })
        else break
        resolved = roll < 0.3 || roll >= 0.7
        continue
      }
      if (roll < 0.2) push("message.customer", when, { kind: "customer" }, { conversationId })
      else if (roll < 0.35) push("message.human", when, human(), { conversationId })
      else if (roll < 0.45) push("message.bot", when, { kind: "bot" }, { conversationId })
      else if (roll < 0.5) push("conversation.handoff", when, { kind: "bot" }, { conversationId })
      else if (roll < 0.62) {
        const teamKey = r.next() < 0.7 ? r.pick(randomLogTeams) : r.next() < 0.5 ? null : undefined
        push(
          "conversation.assigned",
          when,
          { kind: "automation" },
          {
            conversationId,
            assignee: r.next() < 0.85 ? { email: r.pick(people) } : null,
            ...(teamKey === undefined ? {} : { teamKey }),
          },
        )
      } else if (roll < 0.67)
        push("conversation.tagged", when, human(), {
          conversationId,
          complexity: r.pick(["simple", "standard", "complex"]),
        })
      else if (roll < 0.72)
        push("qa.reviewed", when, human(), {
          conversationId,
          reviewee: r.pick(people),
          review: {
            reviewer: "lead@example.com",
            scorecard: [
              {
                category: "tone",
                weight: 1 + r.int(3),
                scale: { min: 0, max: 4 },
                value: r.next() < 0.2 ? null : r.int(5),
              },
              {
                category: "accuracy",
                weight: 2,
                scale: { min: 1, max: 5 },
                value: 1 + r.int(5),
                critical: r.next() < 0.5,
              },
            ],
          },
        })
      else {
        push("conversation.resolved", when, r.pick([human(), { kind: "bot" }, { kind: "automation" }]), {
          conversationId,
        })
        resolved = true
        resolutions++
      }
    }
    if (resolutions === 0 && r.next() < 0.5) push("conversation.resolved", step(), human(), { conversationId })
  }
  for (let i = 0; i < conversations / 2; i++) {
    const at = base + r.int(4 * 86_400) * 1000
    if (r.next() < 0.5) push("proactive.sent", at, human(), r.next() < 0.7 ? { teamKey: r.pick(randomLogTeams) } : {})
    else push("article.viewed", at, { kind: "customer" }, { customerId: `cust${r.int(conversations)}` })
  }
  return { events, end }
}

/** The events in another order, drawn from `r`. */
export const shuffled = <T>(items: ReadonlyArray<T>, r: Random): Array<T> => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

type Batches = ReadonlyArray<ReadonlyArray<Record<string, unknown>>>

/**
 * The same log arriving three ways, each a list of batches to ingest in order: in one batch,
 * shuffled within one batch, and split into consecutive batches in time order (of 1 to 12
 * events, drawn from `seed`). Every metric must answer the same rows for all three.
 */
export const arrivalOrders = (log: RandomLog, seed: number): readonly [Batches, Batches, Batches] => {
  const r = random(seed * 7919)
  const shuffledOnce = shuffled(log.events, r)
  const inTime = [...log.events].sort((a, b) => Date.parse(a.at as string) - Date.parse(b.at as string))
  const consecutive: Array<ReadonlyArray<Record<string, unknown>>> = []
  for (let i = 0; i < inTime.length; ) {
    const size = 1 + r.int(12)
    consecutive.push(inTime.slice(i, i + size))
    i += size
  }
  return [[log.events], [shuffledOnce], consecutive]
}
