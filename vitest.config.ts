import { defaultClientConditions, defaultServerConditions } from "vite"
import { defineConfig } from "vitest/config"
import type { Reporter, TestModule } from "vitest/node"

// Ends the run with one plain line, `N passed, N failed, N skipped`, for tools that read logs.
const summaryLine: Reporter = {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === "passed") counts.passed++
        else if (state === "failed") counts.failed++
        else counts.skipped++
      }
    }
    // After vitest's own summary, which is printed later in the same tick.
    process.once("exit", () => {
      process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
    })
  },
}

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
    reporters: ["default", summaryLine],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
