// examples/teamops.config.js: what `teamops` loads when it runs in this folder. org, and the
// example plugin acme-sales (plain JavaScript), which may fail to boot without stopping the server.
import { orgPlugin } from "@teamops/org"
import { acmeSales } from "./acme-sales/index.js"

export default {
  plugins: [orgPlugin, acmeSales],
  optional: ["acme-sales"],
  pluginConfig: { "acme-sales": { currency: "USD" } },
}
