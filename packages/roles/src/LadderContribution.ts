import { contribute, extensionPoint } from "@teamops/core"
import { Schema } from "effect"
import { LadderFileFormat } from "./LadderFile.js"

/** A ladder file another plugin hands to `roles`: imported and published at boot. */
export const LadderContribution = Schema.Struct({
  format: LadderFileFormat,
  content: Schema.String,
})
export type LadderContribution = typeof LadderContribution.Type

export const ladderPoint = extensionPoint("roles", "ladder", LadderContribution)

/** What contributors call: `ladder({ format: "yaml", content: readFileSync(…, "utf8") })`. */
export const ladder = (value: typeof LadderContribution.Encoded) => contribute(ladderPoint, value)
