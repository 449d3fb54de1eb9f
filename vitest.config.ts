import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"

// Tests run against the TypeScript sources of the workspace packages, not their builds.
const source = "@teamops/source"

export default defineConfig({
  resolve: {
    conditions: [source, ...defaultClientConditions],
    // Node loads graphql's CommonJS build; the tests must share that one copy with yoga and Pothos.
    alias: { graphql: "graphql/index.js" },
  },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
