import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor"
import type { GraphQLError, ValidationContext } from "graphql"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import type { Limits } from "./Limits.js"
import { refusal } from "./Refusal.js"

type Measured = "maxDepth" | "maxAliases" | "maxTokens" | "maxDirectives" | "maxCost"

const codes: Record<Measured, string> = {
  maxDepth: "QUERY_TOO_DEEP",
  maxAliases: "TOO_MANY_ALIASES",
  maxTokens: "TOO_MANY_TOKENS",
  maxDirectives: "TOO_MANY_DIRECTIVES",
  maxCost: "QUERY_TOO_COSTLY",
}

// What the caller reads: what was counted, the bound, and the limit's name in `limits { … }`.
const messages: Record<Measured, (max: number, found: string) => string> = {
  maxDepth: (max, found) =>
    `the operation is nested ${found} levels deep; at most ${max} are allowed (limits.maxDepth)`,
  maxAliases: (max, found) => `the operation has ${found} aliases; at most ${max} are allowed (limits.maxAliases)`,
  maxTokens: (max) => `the document has more than ${max} tokens, the most allowed (limits.maxTokens)`,
  maxDirectives: (max, found) =>
    `the operation has ${found} directives; at most ${max} are allowed (limits.maxDirectives)`,
  maxCost: (max, found) =>
    `the operation's estimated cost is ${found}; at most ${max} is allowed (limits.maxCost): ask for smaller pages (first) or fewer fields`,
}

// armor says what it counted only in its message ("…, found 31."), in the version pinned.
const foundIn = (error: GraphQLError) => {
  const found = Number(/found (\d+(?:\.\d+)?(?:e\+\d+)?)/.exec(error.message)?.[1])
  return Number.isFinite(found) ? Math.ceil(found) : undefined
}

/** The refusal of a document over `limit`, in our words, with the code and the limit by name. */
export const armorRefusal = (limit: Measured, max: number, error: GraphQLError) => {
  const found = foundIn(error)
  return refusal(codes[limit], messages[limit](max, found === undefined ? "more" : String(found)), {
    limit,
    max,
    ...(found === undefined ? {} : { found }),
  })
}

// Validation rules report their refusal with the rest of the validation errors (400, nothing
// runs); the token count runs inside the parser, which has no validation context, so it throws.
const reportAs =
  (limit: Measured, max: number) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const refused = armorRefusal(limit, max, error)
    if (context === null) throw refused
    context.reportError(refused)
  }

const protection = (limit: Measured, max: number) => ({
  propagateOnRejection: false,
  onReject: [reportAs(limit, max)],
})

/**
 * graphql-armor with the server's limits. Fragments are followed where they are spread and
 * counted once each (`flattenFragments`), so that writing a selection as a fragment neither
 * hides it nor makes it cost more than writing it inline. Field suggestions ("Did you mean
 * …?") are left out when `suggestions` is false, as they would tell the schema to a caller
 * who may not introspect it.
 */
export const useArmor = (limits: Limits, options: { readonly suggestions: boolean }): YogaPlugin =>
  EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...protection("maxDepth", limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...protection("maxAliases", limits.maxAliases) },
    maxTokens: { n: limits.maxTokens, ...protection("maxTokens", limits.maxTokens) },
    maxDirectives: { n: limits.maxDirectives, ...protection("maxDirectives", limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...protection("maxCost", limits.maxCost) },
    blockFieldSuggestion: { enabled: !options.suggestions, mask: "" },
  }) as YogaPlugin
