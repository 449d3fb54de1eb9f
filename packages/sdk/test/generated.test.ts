// The committed types are those of the committed schema and the SDK's operations: after a
// change to either, `npm run sdk` regenerates them, and this test says so when it was not run.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { generate } from "@graphql-codegen/cli"
import { expect, it } from "vitest"
import config from "../codegen.js"

const sdk = fileURLToPath(new URL("..", import.meta.url))

it("keeps src/generated as npm run sdk makes it", async () => {
  const outputs = await generate({ ...config, cwd: sdk, silent: true }, false)
  expect(outputs.length).toBeGreaterThan(0)
  for (const { filename, content } of outputs) {
    const committed = readFileSync(new URL(filename, `file://${sdk}`), "utf8")
    expect(committed, `${filename} is out of date: run npm run sdk`).toBe(content)
  }
})
