import type { Builder, SchemaKit } from "@teamops/core"
import { accessSchema } from "./access/AccessSchema.js"
import type { HostConfig } from "./Host.js"

/** The host's own types and fields, added before any plugin's: who is asking, tokens, the audit log. */
export const hostSchema = (builder: Builder, kit: SchemaKit, _config: HostConfig) => {
  accessSchema(builder, kit)
}
