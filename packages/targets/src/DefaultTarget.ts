import { contribute, extensionPoint } from "@teamops/core"
import { Complexity } from "@teamops/kpi"
import { Schema } from "effect"
import { Band } from "./Target.js"

/**
 * A target a plugin proposes for the whole organisation, in force since always; any target
 * set through the API for the same metric, statistic and tier overrides it from its
 * `effectiveFrom`, and a more specific one wins where it applies.
 */
export const DefaultTarget = Schema.Struct({
  metric: Schema.NonEmptyString,
  statistic: Schema.NonEmptyString,
  complexity: Schema.optional(Complexity),
  good: Band,
  acceptable: Schema.optional(Band),
})
export type DefaultTarget = typeof DefaultTarget.Type

/** Where plugins contribute default targets. */
export const defaultTargetPoint = extensionPoint("targets", "defaultTarget", DefaultTarget)

/** Contributes a default target for the whole organisation. */
export const defaultTarget = (target: typeof DefaultTarget.Encoded) => contribute(defaultTargetPoint, target)
