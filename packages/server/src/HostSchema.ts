import type { Builder, Plugin, SchemaKit } from "@teamops/core"
import { accessSchema } from "./access/AccessSchema.js"
import { privacySchema } from "./access/PrivacySchema.js"
import type { HostConfig } from "./Host.js"
import { limitsSchema } from "./hardening/LimitsSchema.js"

/**
 * The host's own types and fields, added before any plugin's: who is asking, tokens, the
 * audit log, and a person's data across the booted plugins.
 */
export const hostSchema = (
  builder: Builder,
  kit: SchemaKit,
  config: HostConfig,
  plugins: ReadonlyArray<Plugin<any>>,
) => {
  accessSchema(builder, kit)
  privacySchema(builder, kit, plugins)
  limitsSchema(builder, config.limits, config.rateLimit)
}
