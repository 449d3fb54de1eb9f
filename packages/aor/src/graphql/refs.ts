import { objectRef } from "@teamops/core"
import type { Area } from "../Area.js"

/** The GraphQL `Area` node; other plugins add fields to it with `builder.objectField(AreaRef, …)`. */
export const AreaRef = objectRef<Area>("Area")
