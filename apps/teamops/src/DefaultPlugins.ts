import { aorPlugin } from "@teamops/aor"
import { competenciesPlugin } from "@teamops/competencies"
import type { Plugin } from "@teamops/core"
import { coveragePlugin } from "@teamops/coverage"
import { funnelPlugin } from "@teamops/funnel"
import { kpiPlugin } from "@teamops/kpi"
import { orgPlugin } from "@teamops/org"
import { rolesPlugin } from "@teamops/roles"
import { supportPlugin } from "@teamops/support"
import { targetsPlugin } from "@teamops/targets"

export type BootedPlugins = ReadonlyArray<Plugin<any>>

/** The plugins a host loads when its configuration names none. */
export const defaultPlugins: BootedPlugins = [
  orgPlugin,
  rolesPlugin,
  competenciesPlugin,
  aorPlugin,
  supportPlugin,
  kpiPlugin,
  funnelPlugin,
  targetsPlugin,
  coveragePlugin,
]
