import { definePlugin } from "@teamops/core"
import { Layer } from "effect"
import { orgIsEmpty, seedOrg } from "./demo.js"
import { orgSchema } from "./graphql/index.js"
import { init } from "./migrations/0001_init.js"
import { salaries } from "./migrations/0002_salaries.js"
import { OrgConfig, OrgSettings } from "./OrgConfig.js"
import { OrgDirectory } from "./OrgDirectory.js"
import { orgEvents } from "./OrgEvents.js"
import { orgPersonalData } from "./OrgPersonalData.js"
import { PersonRepo } from "./PersonRepo.js"
import { TeamRepo } from "./TeamRepo.js"

/** Teams and people: the organisation every other plugin refers to. */
export const orgPlugin = definePlugin({
  id: "org",
  version: "0.1.0",
  migrations: { "0001_init": init, "0002_salaries": salaries },
  config: OrgConfig,
  layer: (config) => Layer.mergeAll(TeamRepo.layer, PersonRepo.layer, OrgDirectory, OrgSettings.layer(config)),
  events: orgEvents,
  schema: orgSchema,
  demo: { isEmpty: orgIsEmpty, seed: seedOrg },
  personalData: orgPersonalData,
})
