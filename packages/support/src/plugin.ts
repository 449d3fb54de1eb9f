import { readFileSync } from "node:fs"
import { definePlugin } from "@teamops/core"
import { ladder } from "@teamops/roles"
import { supportAreaCategories } from "./areaCategories.js"
import { seedSupport, supportIsEmpty } from "./demo.js"
import { SupportConfig } from "./SupportConfig.js"
import { supportMetrics } from "./supportMetrics.js"

/**
 * The Customer Support career ladder, read from the YAML file next to this module (the
 * build copies it into dist). `roles` imports and publishes it at boot.
 */
const content = readFileSync(new URL("./support-ladder.yaml", import.meta.url), "utf8")

/**
 * Support organisations: contributes the Customer Support ladder to `roles`, the kinds of
 * area a support team has to `aor`, the metrics of people practices (1:1s, days to
 * productive) to `kpi` and the brief's default targets to `targets`; as demo data places the demo organisation's people on the
 * ladder, with some assessments, and gives them areas of responsibility.
 */
export const supportPlugin = definePlugin({
  id: "support",
  version: "0.1.0",
  dependsOn: ["org", "roles", "competencies", "aor", "kpi", "targets"],
  config: SupportConfig,
  contributes: (config) => [ladder({ format: "yaml", content }), ...supportAreaCategories, ...supportMetrics(config)],
  demo: { isEmpty: supportIsEmpty, seed: seedSupport },
})
