import { definePlugin } from "@teamops/core"
import { rolesLayer } from "./ContributedLadders.js"
import { rolesSchema } from "./graphql/index.js"
import { ladderPoint } from "./LadderContribution.js"
import { init } from "./migrations/0001_init.js"
import { contributedLadders } from "./migrations/0002_contributed_ladders.js"
import { rolesVersion } from "./Version.js"

/** Career ladders: tracks, levels, roles and transitions, with the competency matrix, versioned. */
export const rolesPlugin = definePlugin({
  id: "roles",
  version: rolesVersion,
  dependsOn: ["org"],
  migrations: { "0001_init": init, "0002_contributed_ladders": contributedLadders },
  extensionPoints: [ladderPoint],
  layer: rolesLayer,
  schema: rolesSchema,
})
