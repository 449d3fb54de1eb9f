import type { Builder, SchemaKit } from "@teamops/core"
import { hoursTypes } from "./hours.js"
import { orgMutations } from "./mutations.js"
import { orgQueries } from "./queries.js"
import { orgTypes } from "./types.js"
import { viewerFields } from "./viewer.js"
import { workforceSchema } from "./workforce.js"

/** The org types, queries and mutations. */
export const orgSchema = (builder: Builder, kit: SchemaKit) => {
  const hours = hoursTypes(builder)
  const types = orgTypes(builder, kit, hours)
  orgQueries(builder, kit, types)
  orgMutations(builder, kit, hours)
  viewerFields(builder)
  workforceSchema(builder, kit)
}
