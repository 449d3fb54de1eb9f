import { definePlugin } from "@teamops/core"
import { Layer } from "effect"
import { AorConfig } from "./AorConfig.js"
import { aorPersonalData } from "./AorPersonalData.js"
import { areaEvidenceLayer } from "./AreaEvidence.js"
import { AreaRepo } from "./AreaRepo.js"
import { AreaCategories, areaCategoryPoint } from "./Categories.js"
import { areaRules } from "./graphql/access.js"
import { aorSchema } from "./graphql/index.js"
import { HealthReader } from "./HealthReader.js"
import { init } from "./migrations/0001_init.js"

/**
 * Areas of responsibility: one owner each, contributors, work that counts as evidence in
 * readiness (an evidence source of `competencies`), and their health.
 */
export const aorPlugin = definePlugin({
  id: "aor",
  version: "0.1.0",
  dependsOn: ["org", "competencies"],
  config: AorConfig,
  migrations: { "0001_init": init },
  extensionPoints: [areaCategoryPoint],
  layer: (config: AorConfig) =>
    Layer.merge(HealthReader.layer(config), areaEvidenceLayer).pipe(
      Layer.provideMerge(AreaRepo.layer),
      Layer.provideMerge(AreaCategories.layer),
    ),
  access: areaRules,
  schema: aorSchema,
  personalData: aorPersonalData,
})
