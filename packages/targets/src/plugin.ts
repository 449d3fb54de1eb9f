import { definePlugin } from "@teamops/core"
import { Layer } from "effect"
import { defaultTargetPoint } from "./DefaultTarget.js"
import { targetsSchema } from "./graphql/index.js"
import { init } from "./migrations/0001_init.js"
import { TargetBook } from "./TargetBook.js"
import { targetCommands } from "./TargetCommand.js"
import { TargetRepo } from "./TargetRepo.js"
import { TargetsConfig } from "./TargetsConfig.js"

/**
 * Targets of the metrics, as bands with a history: every report row that has one carries how
 * it stands (`status`), the target it was judged by, and for time metrics its attainment.
 */
export const targetsPlugin = definePlugin({
  id: "targets",
  version: "0.1.0",
  dependsOn: ["org", "competencies", "kpi"],
  config: TargetsConfig,
  migrations: { "0001_init": init },
  extensionPoints: [defaultTargetPoint],
  layer: (config) => Layer.provideMerge(TargetBook.layer(config), TargetRepo.layer),
  schema: targetsSchema,
  commands: [targetCommands],
})
