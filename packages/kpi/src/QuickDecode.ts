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

const actor = (value: unknown) => {
  need(isFields(value))
  const fields = value as Fields
  const kind = fields.kind
  need(kind === "customer" || kind === "human" || kind === "bot" || kind === "automation")
  const address = nullable(fields, "email", email)
  return address === undefined ? { kind } : { kind, email: address }
}

// Events are built as one literal and then given their further fields in the schema's order,
// which is the order of their keys in the canonical JSON.
const common = (f: Fields): Fields => ({ type: f.type, id: text(f.id), at: instant(f.at), actor: actor(f.actor) })

const inConversation = (f: Fields): Fields => ({
  type: f.type,
  id: text(f.id),
  at: instant(f.at),
  actor: actor(f.actor),
  conversationId: text(f.conversationId),
})

/** Sets an optional field when it is present. */
const setOptional = (event: Fields, name: string, value: unknown) => {
  if (value !== undefined) event[name] = value
}

const created = (f: Fields) => {
  const event = inConversation(f)
  setOptional(event, "channel", nullable(f, "channel", text))
  setOptional(event, "complexity", nullable(f, "complexity", complexity))
  setOptional(event, "customerId", nullable(f, "customerId", text))
  return event
}

const assignee = (value: unknown) => {
  if (value === null) return null
  need(isFields(value))
  return { email: email((value as Fields).email) }
}

/** `teamKey` of an assignment: absent keeps the team, `null` clears it. */
const assigned = (f: Fields) => {
  const event = inConversation(f)
  event.assignee = assignee(f.assignee)
  const team = f.teamKey
  if (team === undefined) need(!Object.hasOwn(f, "teamKey"))
  else event.teamKey = team === null ? null : key(team)
  return event
}

const tagged = (f: Fields) => {
  const event = inConversation(f)
  event.complexity = complexity(f.complexity)
  return event
}

const rated = (f: Fields) => {
  const event = inConversation(f)
  const rating = f.rating
  need(typeof rating === "number" && Number.isInteger(rating) && rating >= 1 && rating <= 5)
  event.rating = rating
  return event
}

const proactive = (f: Fields) => {
  const event = common(f)
  setOptional(event, "teamKey", nullable(f, "teamKey", key))
  return event
}

const viewed = (f: Fields) => {
  const event = common(f)
  event.customerId = text(f.customerId)
  return event
}

const shapes = new Map<EventType, (fields: Fields) => Fields>([
  ["conversation.created", created],
  ["message.customer", inConversation],
  ["message.human", inConversation],
  ["message.bot", inConversation],
  ["conversation.handoff", inConversation],
  ["conversation.resolved", inConversation],
  ["conversation.reopened", inConversation],
  ["conversation.assigned", assigned],
  ["conversation.tagged", tagged],
  ["csat.rated", rated],
  ["proactive.sent", proactive],
  ["article.viewed", viewed],
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
    const event = shape(value)
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
