#!/usr/bin/env node
// Starts the built command line; `npm run build` at the repository root builds it.
import { existsSync } from "node:fs"

const main = new URL("../dist/main.js", import.meta.url)
if (!existsSync(main)) {
  console.error("teamops: not built yet; run `npm run build` at the repository root first")
  process.exit(1)
}
await import(main.href)
