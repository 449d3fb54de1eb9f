import { definePlugin } from "@teamops/core"
import { Layer } from "effect"
import { assessmentGuardLayer } from "./AssessmentGuard.js"
import { AssessmentRepo } from "./AssessmentRepo.js"
import { competencyPoint } from "./Catalog.js"
import { competenciesPersonalData } from "./CompetenciesPersonalData.js"
import { CompetencyCatalog } from "./CompetencyCatalog.js"
import { PersonPromoted } from "./CompetencyEvents.js"
import { CompetencyHistory } from "./CompetencyHistory.js"
import { EvidenceSources } from "./EvidenceSources.js"
import { competenciesSchema } from "./graphql/index.js"
import { init } from "./migrations/0001_init.js"
import { dates } from "./migrations/0002_dates.js"
import { withdrawal } from "./migrations/0003_withdrawal.js"
import { PromotionRepo } from "./PromotionRepo.js"
import { ReadinessReader } from "./ReadinessReader.js"

/** Assessments with evidence, readiness for a level, and promotions, on the ladders of `roles`. */
export const competenciesPlugin = definePlugin({
  id: "competencies",
  version: "0.1.0",
  dependsOn: ["org", "roles"],
  migrations: { "0001_init": init, "0002_dates": dates, "0003_withdrawal": withdrawal },
  extensionPoints: [competencyPoint],
  events: [PersonPromoted],
  layer: PromotionRepo.layer.pipe(
    Layer.provideMerge(ReadinessReader.layer),
    Layer.provideMerge(AssessmentRepo.layer),
    Layer.provideMerge(EvidenceSources.layer),
    Layer.merge(CompetencyCatalog.layer),
    Layer.merge(CompetencyHistory.layer),
    Layer.merge(assessmentGuardLayer),
  ),
  schema: competenciesSchema,
  personalData: competenciesPersonalData,
})
