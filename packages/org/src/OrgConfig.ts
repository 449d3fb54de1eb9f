import { Context, Layer, Schema } from "effect"

/**
 * What replacing a person costs, as a share of their annual salary: 0.21 by default, the
 * median that the Center for American Progress found across the studies it reviewed ("There
 * Are Significant Business Costs to Replacing Employees", 2012). An organisation that knows its
 * own figure sets it.
 */
export const defaultReplacementCostRate = 0.21

/** The settings under `pluginConfig.org`. */
export const OrgConfig = Schema.Struct({
  replacementCostRate: Schema.optionalWith(
    Schema.Number.pipe(
      Schema.filter(
        (n) => (Number.isFinite(n) && n >= 0) || `expected a share of the annual salary such as 0.21, got ${n}`,
      ),
    ),
    { default: () => defaultReplacementCostRate, exact: true },
  ),
})
export type OrgConfig = typeof OrgConfig.Type

/** The decoded settings of the `org` plugin, for its services and resolvers. */
export class OrgSettings extends Context.Tag("@teamops/org/OrgSettings")<OrgSettings, OrgConfig>() {
  static readonly layer = (config: OrgConfig) => Layer.succeed(OrgSettings, config)
}
