// The `server` section of teamops.config.js: the examples of docs/security.md decode as shown,
// and a key the server does not know stops it, named with its path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Either } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { readHostFile } from "../src/HostFile.js"

const guide = readFileSync(new URL("../../../docs/security.md", import.meta.url), "utf8")
const examples = [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] as string)

const folders: Array<string> = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

const read = async (config: string) => {
  const folder = mkdtempSync(join(tmpdir(), "teamops-server-section-"))
  folders.push(folder)
  writeFileSync(join(folder, "teamops.config.js"), config)
  const result = await Effect.runPromise(Effect.either(readHostFile(folder)))
  return { folder, result }
}

describe("the server section of teamops.config.js", () => {
  it("reads the examples of docs/security.md", async () => {
    expect(examples).toHaveLength(3)
    const sso = await read(examples[0] as string)
    assertRight(sso.result)
    expect(sso.result.right).toMatchObject({
      sso: {
        issuer: "https://id.acme.example",
        audience: "teamops",
        jwksUrl: "https://id.acme.example/.well-known/jwks.json",
        emailClaim: "email",
      },
    })
    const limits = await read(examples[1] as string)
    assertRight(limits.result)
    expect(limits.result.right).toMatchObject({
      limits: { maxDepth: 10, maxCost: 100000, requestTimeoutMs: 10000 },
      rateLimit: { requestsPerMinute: 1200 },
      cors: { origins: ["https://teamops.example.com"] },
      introspection: false,
    })
    const persisted = await read(examples[2] as string)
    assertRight(persisted.result)
    // The file is found from the working directory.
    expect(persisted.result.right.persistedOperations).toEqual({
      file: join(persisted.folder, "persisted-documents.json"),
      only: true,
    })
  })

  it("names every unknown key and wrong value by its path", async () => {
    const { folder, result } = await read(
      'export default { server: { limits: { maxDepht: 10, maxCost: -1 }, colour: 1, sso: { issuer: "x" } } }',
    )
    expect(Either.isLeft(result) && result.left.message).toBe(
      [
        `${join(folder, "teamops.config.js")}: server.colour: is unexpected, expected: "limits" | "cors" | "persistedOperations" | "rateLimit" | "introspection" | "sso"`,
        'server.limits.maxDepht: is unexpected, expected: "maxDepth" | "maxAliases" | "maxTokens" | "maxDirectives" | "maxCost" | "maxBodyBytes" | "maxBatchOperations" | "requestTimeoutMs" | "maxConcurrentOperations"',
        "server.limits.maxCost: expected a positive whole number",
        "server.sso.audience: is missing",
      ].join("\n"),
    )
  })
})

function assertRight<R, L>(either: Either.Either<R, L>): asserts either is Either.Right<L, R> {
  expect(Either.isRight(either)).toBe(true)
}
