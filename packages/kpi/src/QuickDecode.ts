import { instantMillisOf, isEmail, isKey } from "@teamops/core"
import type { EventType, LogEvent } from "./Event.js"

// Decoding an event with effect/Schema, and encoding it again for its canonical JSON, costs
// several microseconds each: most of the time of a large import. The common types of event
// are decoded here by hand instead, to exactly what the schemas of Event.ts give. Anything
// unusual (another type, a field that is wrong, `undefined` where JSON has none) is left to
// the schemas, which also explain what is wrong; so this only ever has to recognise good
// events. The tests compare both on every type and on broken fields.

type Fields = Record<string, unknown>

/** Thrown, and caught in this file only, when an event is not one of the common shapes. */
const unusual = new Error("an event the schemas decode")

const need = (ok: boolean) => {
  if (!ok) throw unusual
}

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const text = (value: unknown): string => {
  need(typeof value === "string" && value.length >= 1 && value.length <= 255)
  return value as string
}

const email = (value: unknown): string => {
  need(typeof value === "string" && isEmail(value))
  return (value as string).trim().toLowerCase()
}

const key = (value: unknown): string => {
  need(typeof value === "string" && value.length <= 64 && isKey(value))
  return value as string
}

const complexity = (value: unknown) => {
  need(value === "simple" || value === "standard" || value === "complex")
  return value as "simple" | "standard" | "complex"
}

const instant = (value: unknown): number => {
  need(typeof value === "string")
  const millis = instantMillisOf(value as string)
  need(!Number.isNaN(millis))
  return millis
}

// An instant already written as UTC to the millisecond is its own canonical form.
const utcMillisecond = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

/** The instant as canonical JSON writes it (what `toISOString` gives), from the text it was sent as. */
const inUtc = (sent: string, millis: number) => (utcMillisecond.test(sent) ? sent : new Date(millis).toISOString())

/** An optional field whose `null` means absent (`optionalWith(…, { nullable: true })`). */
const nullable = <A>(fields: Fields, name: string, read: (value: unknown) => A): A | undefined => {
  const value = fields[name]
  if (value === undefined) need(!Object.hasOwn(fields, name))
  return value === undefined || value === null ? undefined : read(value)
}

/** Adds the optional fields that are present, in the order given (the schema's order). */
const withOptional = <T extends object>(event: T, optional: Fields): T => {
  const out = { ...event } as Fields
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) out[name] = value
  return out as T
}

const actor = (value: unknown) => {
  need(isFields(value))
  const fields = value as Fields
  const kind = fields.kind
  need(kind === "customer" || kind === "human" || kind === "bot" || kind === "automation")
  const address = nullable(fields, "email", email)
  return address === undefined ? { kind } : { kind, email: address }
}

const common = (fields: Fields) => ({
  type: fields.type,
  id: text(fields.id),
  at: instant(fields.at),
  actor: actor(fields.actor),
})

const inConversation = (fields: Fields) => ({ ...common(fields), conversationId: text(fields.conversationId) })

/** `teamKey` of an assignment: absent keeps the team, `null` clears it. */
const assignedTeam = (fields: Fields): Fields => {
  const value = fields.teamKey
  if (value === undefined) {
    need(!Object.hasOwn(fields, "teamKey"))
    return {}
  }
  return { teamKey: value === null ? null : key(value) }
}

const assignee = (value: unknown) => {
  if (value === null) return null
  need(isFields(value))
  return { email: email((value as Fields).email) }
}

const rating = (value: unknown) => {
  need(typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5)
  return value as number
}

const shapes = new Map<EventType, (fields: Fields) => object>([
  [
    "conversation.created",
    (f) =>
      withOptional(inConversation(f), {
        channel: nullable(f, "channel", text),
        complexity: nullable(f, "complexity", complexity),
        customerId: nullable(f, "customerId", text),
      }),
  ],
  ["message.customer", inConversation],
  ["message.human", inConversation],
  ["message.bot", inConversation],
  ["conversation.handoff", inConversation],
  ["conversation.resolved", inConversation],
  ["conversation.reopened", inConversation],
  ["conversation.assigned", (f) => ({ ...inConversation(f), assignee: assignee(f.assignee), ...assignedTeam(f) })],
  ["conversation.tagged", (f) => ({ ...inConversation(f), complexity: complexity(f.complexity) })],
  ["csat.rated", (f) => ({ ...inConversation(f), rating: rating(f.rating) })],
  ["proactive.sent", (f) => withOptional(common(f), { teamKey: nullable(f, "teamKey", key) })],
  ["article.viewed", (f) => ({ ...common(f), customerId: text(f.customerId) })],
])

/** An event decoded, with its canonical JSON (what `canonical` of Event.ts gives). */
export interface DecodedEvent {
  readonly event: LogEvent
  readonly content: string
}

/** The event decoded as the schemas would, or undefined when it is not of a common shape. */
export const quickDecode = (value: unknown): DecodedEvent | undefined => {
  if (!isFields(value)) return undefined
  const shape = shapes.get(value.type as EventType)
  if (shape === undefined) return undefined
  try {
    const event = shape(value) as { at: number | string }
    // The canonical JSON is the event with its instant in UTC; written in place, as a copy costs more.
    const at = event.at as number
    event.at = inUtc(value.at as string, at)
    const content = JSON.stringify(event)
    event.at = at
    return { event: event as LogEvent, content }
  } catch (e) {
    if (e === unusual) return undefined
    throw e
  }
}
