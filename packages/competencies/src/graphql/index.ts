import type { Builder, SchemaKit } from "@teamops/core"
import { Effect } from "effect"
import { CompetencyCatalog } from "../CompetencyCatalog.js"
import { competenciesMutations } from "./mutations.js"
import { personFields } from "./person.js"
import { competenciesTypes } from "./types.js"

/** The competencies types, the fields on `Person`, the `competencies` query and the mutations. */
export const competenciesSchema = (builder: Builder, kit: SchemaKit) => {
  const types = competenciesTypes(builder, kit)
  personFields(builder, kit, types)
  builder.queryField("competencies", (t) =>
    t.field({
      type: [types.CatalogCompetencyType],
      authScopes: { directory: true },
      description: "The catalog: contributed competencies and those of every latest published ladder, by key.",
      resolve: () => kit.run(Effect.flatMap(CompetencyCatalog, (c) => c.list)),
    }),
  )
  competenciesMutations(builder, kit, types)
}
