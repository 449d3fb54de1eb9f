import { definePlugin } from "@teamops/core"
import { Effect } from "effect"
import { importContributedLadders, rolesLayer } from "./ContributedLadders.js"
import { rolesSchema } from "./graphql/index.js"
import { ladderPoint } from "./LadderContribution.js"
import { init } from "./migrations/0001_init.js"
import { contributedLadders } from "./migrations/0002_contributed_ladders.js"
import { PublishGuards } from "./PublishGuards.js"
import { rolesVersion } from "./Version.js"

/** Career ladders: tracks, levels, roles and transitions, with the competency matrix, versioned. */
export const rolesPlugin = definePlugin({
  id: "roles",
  version: rolesVersion,
  dependsOn: ["org"],
  migrations: { "0001_init": init, "0002_contributed_ladders": contributedLadders },
  extensionPoints: [ladderPoint],
  layer: rolesLayer,
  // Contributed ladders are imported as they always were, without the rules other plugins
  // add to publishing by hand.
  start: importContributedLadders.pipe(Effect.provide(PublishGuards.none)),
  schema: rolesSchema,
})
