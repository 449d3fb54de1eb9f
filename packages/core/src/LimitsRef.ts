import { objectRef } from "./Builder.js"

/**
 * The `Limits` type of `limits { … }`: the bounds past which the server refuses a request, so
 * that a client can stay within them instead of learning them from refusals. The host
 * implements it with its own limits (by name, each a number); a plugin that enforces a bound
 * of its own adds it as a field, resolved from the plugin's settings:
 * `builder.objectField(LimitsRef, "ingestBatchSize", …)`.
 */
export const LimitsRef = objectRef<Readonly<Record<string, number>>>("Limits")
