import type { ValidationRule } from "graphql"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { refusal } from "./Refusal.js"

/**
 * Whether callers may read the schema (`__schema`, `__type`): as configured, else everywhere
 * but in production (`NODE_ENV=production`), where the schema would only help a stranger map
 * the API. The committed `schema.graphql` documents it for those who build clients.
 */
export const introspectionAllowed = (configured: boolean | undefined, env = process.env.NODE_ENV) =>
  configured ?? env !== "production"

const introspectionFields = new Set(["__schema", "__type"])

// `__typename` stays allowed: clients and the mutation payloads' unions need it.
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (!introspectionFields.has(node.name.value)) return
    context.reportError(
      refusal(
        "INTROSPECTION_DISABLED",
        `introspection is turned off on this server: ${node.name.value} is not available`,
      ),
    )
  },
})

/** Refuses, at validation, any operation that reads the schema. */
export const useNoIntrospection = (): YogaPlugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(noIntrospection)
  },
})
