import { definePlugin } from "@teamops/core"
import { rolesLayer } from "./ContributedLadders.js"
import { rolesSchema } from "./graphql/index.js"
import { ladderPoint } from "./LadderContribution.js"
import { init } from "./migrations/0001_init.js"

/** Career ladders: tracks, levels, roles and transitions, with the competency matrix, versioned. */
export const rolesPlugin = definePlugin({
  id: "roles",
  version: "0.1.0",
  dependsOn: ["org"],
  migrations: { "0001_init": init },
  extensionPoints: [ladderPoint],
  layer: rolesLayer,
  schema: rolesSchema,
})
