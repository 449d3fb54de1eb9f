// Writes the TypeScript types of the events the server ingests, from the JSON Schema the event
// log publishes for each event type, so that a tool mapping a helpdesk export gets a compile
// error for a misspelt field or value instead of a refused batch.
import { eventJsonSchemas } from "@teamops/kpi"

interface JsonSchema {
  readonly type?: string
  readonly enum?: ReadonlyArray<string>
  readonly anyOf?: ReadonlyArray<JsonSchema>
  readonly $ref?: string
  readonly $defs?: Record<string, JsonSchema>
  readonly properties?: Record<string, JsonSchema>
  readonly required?: ReadonlyArray<string>
  readonly items?: JsonSchema
  readonly minItems?: number
  readonly description?: string
}

/** `conversation.created` → `ConversationCreatedEvent`. */
export const typeNameOf = (eventType: string) =>
  `${eventType
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("")}Event`

const indent = (text: string) => text.replaceAll("\n", "\n  ")

/** The TypeScript type a value of `schema` has; `defs` resolves `$ref`s. */
const typeOf = (schema: JsonSchema, defs: Record<string, JsonSchema>): string => {
  if (schema.$ref !== undefined) {
    const def = defs[schema.$ref.replace("#/$defs/", "")]
    if (def === undefined) throw new Error(`no definition for ${schema.$ref}`)
    return typeOf(def, defs)
  }
  if (schema.enum !== undefined) return schema.enum.map((value) => JSON.stringify(value)).join(" | ")
  if (schema.anyOf !== undefined) return schema.anyOf.map((member) => typeOf(member, defs)).join(" | ")
  switch (schema.type) {
    case "string":
      return "string"
    case "number":
    case "integer":
      return "number"
    case "boolean":
      return "boolean"
    case "null":
      return "null"
    case "array": {
      if (schema.items === undefined) throw new Error("an array without items")
      const item = typeOf(schema.items, defs)
      const element = item.includes("|") ? `(${item})` : item
      return (schema.minItems ?? 0) > 0 ? `readonly [${item}, ...${element}[]]` : `ReadonlyArray<${item}>`
    }
    case "object":
      return objectOf(schema, defs)
    default:
      throw new Error(`no TypeScript type for the JSON Schema ${JSON.stringify(schema)}`)
  }
}

const objectOf = (schema: JsonSchema, defs: Record<string, JsonSchema>) => {
  const required = new Set(schema.required ?? [])
  const fields = Object.entries(schema.properties ?? {}).map(
    ([name, field]) => `readonly ${name}${required.has(name) ? "" : "?"}: ${typeOf(field, defs)}`,
  )
  return `{\n  ${fields.map(indent).join("\n  ")}\n}`
}

/** The module: one type per event type, and their union. */
export const eventTypesModule = (): string => {
  const schemas = eventJsonSchemas()
  const declarations = Object.entries(schemas).map(([eventType, schema]) => {
    const root = schema as JsonSchema
    return `/** \`${eventType}\`: ${root.description ?? ""} */\nexport type ${typeNameOf(eventType)} = ${typeOf(root, root.$defs ?? {})}`
  })
  return [
    "// The events the server ingests, one type per event type; `npm run sdk` regenerates this file.",
    "// `id` is the event's idempotency key; `at` an RFC 3339 instant with offset (2026-03-02T09:00:00Z).",
    "",
    ...declarations.flatMap((declaration) => [declaration, ""]),
    "/** Any event the server ingests: `type` tells which. */",
    `export type SupportEvent =\n  | ${Object.keys(schemas).map(typeNameOf).join("\n  | ")}`,
    "",
    "/** The event types. */",
    `export type SupportEventType = SupportEvent["type"]`,
    "",
  ].join("\n")
}
