import { Schema } from "effect"
import { TargetInput } from "./Target.js"

/** A targets file (`teamops target set FILE`, JSON or YAML): the versions to add, as `setTargets` takes them. */
export const TargetFile = Schema.Struct({ targets: Schema.Array(TargetInput) })
export type TargetFile = typeof TargetFile.Type
