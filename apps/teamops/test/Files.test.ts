import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"
import { linesOf } from "../src/Files.js"

it("tells, line by line, how much of a file has been read, for a progress bar", async () => {
  const dir = mkdtempSync(join(tmpdir(), "teamops-lines-"))
  try {
    const file = join(dir, "events.jsonl")
    const line = JSON.stringify({ id: "é".repeat(100) })
    writeFileSync(file, `${line}\n`.repeat(2000))
    const seen: Array<{ number: number; read: number }> = []
    for await (const { number, read } of linesOf(file)) seen.push({ number, read })
    const bytes = Buffer.byteLength(line) + 1
    expect(seen).toHaveLength(2000)
    expect(seen[0]).toEqual({ number: 1, read: bytes })
    expect(seen[999]).toEqual({ number: 1000, read: 1000 * bytes })
    expect(seen.at(-1)).toEqual({ number: 2000, read: 2000 * bytes })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
