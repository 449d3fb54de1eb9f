import type { Builder, SchemaKit } from "@teamops/core"
import { diffTypes } from "./diffTypes.js"
import { ladderTypes } from "./ladderTypes.js"
import { rolesMutations } from "./mutations.js"
import { rolesQueries } from "./queries.js"

/** The roles types, queries and mutations. */
export const rolesSchema = (builder: Builder, kit: SchemaKit) => {
  const ladder = ladderTypes(builder, kit)
  rolesQueries(builder, kit, diffTypes(builder, ladder))
  rolesMutations(builder, kit)
}
