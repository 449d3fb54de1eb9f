import { decodeInput, type InputError } from "@teamops/core"
import { Effect, Schema } from "effect"
import { parse } from "yaml"
import { TargetInput } from "./Target.js"

/** A targets file (`teamops target set FILE`, JSON or YAML): the versions to add, as `setTargets` takes them. */
export const TargetFile = Schema.Struct({ targets: Schema.Array(TargetInput) })
export type TargetFile = typeof TargetFile.Type

/** A problem of a file that does not parse, at no field. */
export class TargetFileSyntax extends Schema.TaggedError<TargetFileSyntax>()("TargetFileSyntax", {
  message: Schema.String,
}) {}

/**
 * Reads a targets file: YAML (of which JSON is a part) parsed, then decoded with every
 * problem at its path (`targets.1.good.max: …`).
 */
export const readTargetFile = (content: string): Effect.Effect<TargetFile, TargetFileSyntax | InputError> =>
  Effect.try({
    try: (): unknown => parse(content, { maxAliasCount: 100 }),
    catch: (e) => new TargetFileSyntax({ message: e instanceof Error ? e.message : String(e) }),
  }).pipe(Effect.flatMap(decodeInput(TargetFile)))
