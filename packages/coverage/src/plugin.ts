import { definePlugin } from "@teamops/core"
import { coverageSchema } from "./graphql/index.js"

/**
 * Time-zone coverage: per half hour of a team's week, who of its people is on and how many
 * conversations customers start, and the half hours that are short of people.
 */
export const coveragePlugin = definePlugin({
  id: "coverage",
  version: "0.1.0",
  dependsOn: ["org", "roles", "competencies", "kpi"],
  schema: coverageSchema,
})
