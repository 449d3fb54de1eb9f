import type { Builder, SchemaKit } from "@teamops/core"
import { healthTypes } from "./health.js"
import { areaMutations } from "./mutations.js"
import { areaQueries } from "./queries.js"
import { areaTypes } from "./types.js"

/** The area types, their queries, the fields on `Person` and `Team`, and the mutations. */
export const aorSchema = (builder: Builder, kit: SchemaKit) => {
  const types = areaTypes(builder, kit)
  const health = healthTypes(builder)
  areaQueries(builder, kit, types, health)
  areaMutations(builder, kit)
}
