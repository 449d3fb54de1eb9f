import { toInputError } from "@teamops/core"
import { Either, type ParseResult, Schema } from "effect"
import { canonical, type EventType, eventSchemas, eventTypes, type LogEvent, oneOf } from "./Event.js"
import { type DecodedEvent, quickDecode } from "./QuickDecode.js"

/** One event of a batch as it arrived, with the words that name its place (`line 3`, `events[2]`). */
export interface RawEvent {
  readonly where: string
  readonly value: unknown
  /** The event as the sender wrote it (a line of a file), when known: a resend of it is recognised by it. */
  readonly text?: string
}

const Type = Schema.Struct({ type: oneOf(...(eventTypes as [EventType, ...Array<EventType>])) })

const idOf = (value: unknown) =>
  typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string"
    ? (value as { id: string }).id
    : undefined

/** Names an event in messages: its place, and its id when it has one. */
export const describe = (raw: RawEvent) => {
  const id = idOf(raw.value)
  return id === undefined ? raw.where : `${raw.where} (event ${JSON.stringify(id)})`
}

const options = { errors: "all", onExcessProperty: "ignore" } as const
const decodeType = Schema.decodeUnknownEither(Type, options)
// Decoding runs once per event of a batch: plain Either decoders, no effect runtime per event.
const decoders = Object.fromEntries(
  Object.entries(eventSchemas).map(([type, schema]) => [
    type,
    Schema.decodeUnknownEither(schema as Schema.Schema<LogEvent, any>, options),
  ]),
) as Record<EventType, (value: unknown) => Either.Either<LogEvent, ParseResult.ParseError>>

/** Decodes one event; a failure says where the event is, one line per field that is wrong. */
export const decodeEvent = (raw: RawEvent): Either.Either<LogEvent, ReadonlyArray<string>> => {
  if (typeof raw.value !== "object" || raw.value === null || Array.isArray(raw.value)) {
    return Either.left([`${raw.where}: expected an event as a JSON object`])
  }
  const decoded = Either.flatMap(decodeType(raw.value), ({ type }) => decoders[type](raw.value))
  return Either.mapLeft(decoded, (error) =>
    toInputError(error)
      .message.split("\n")
      .map((line) => `${describe(raw)}: ${line}`),
  )
}

/** Decodes one event with its canonical JSON, by hand when it is of a common shape. */
export const decodeWithContent = (raw: RawEvent): Either.Either<DecodedEvent, ReadonlyArray<string>> => {
  const quick = quickDecode(raw.value)
  return quick === undefined
    ? Either.map(decodeEvent(raw), (event) => ({ event, content: canonical(event) }))
    : Either.right(quick)
}
