import { readFileSync } from "node:fs"
import { definePlugin } from "@teamops/core"
import { ladder } from "@teamops/roles"
import { supportAreaCategories } from "./areaCategories.js"
import { seedSupport, supportIsEmpty } from "./demo.js"

/**
 * The Customer Support career ladder, read from the YAML file next to this module (the
 * build copies it into dist). `roles` imports and publishes it at boot.
 */
const content = readFileSync(new URL("./support-ladder.yaml", import.meta.url), "utf8")

/**
 * Support organisations: contributes the Customer Support ladder to `roles` and the kinds of
 * area a support team has to `aor`; as demo data places the demo organisation's people on the
 * ladder, with some assessments, and gives them areas of responsibility.
 */
export const supportPlugin = definePlugin({
  id: "support",
  version: "0.1.0",
  dependsOn: ["org", "roles", "competencies", "aor"],
  contributes: [ladder({ format: "yaml", content }), ...supportAreaCategories],
  demo: { isEmpty: supportIsEmpty, seed: seedSupport },
})
