import { type ChildProcess, spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { testDatabase } from "@teamops/testing"
import { afterAll, describe, expect, it } from "vitest"

// The command line as users run it: the committed launcher over the built code.
const launcher = fileURLToPath(new URL("../bin/teamops.js", import.meta.url))
const schemaFile = fileURLToPath(new URL("../../../schema.graphql", import.meta.url))
const workDir = mkdtempSync(join(tmpdir(), "teamops-cli-"))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

interface Result {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

// The tests choose the port and database themselves, whatever the environment says.
const { PORT: _port, TEAMOPS_DATABASE_URL: _database, ...baseEnv } = process.env

const start = (args: ReadonlyArray<string>, env: Record<string, string> = {}, cwd = workDir) =>
  spawn(process.execPath, [launcher, ...args], { cwd, env: { ...baseEnv, ...env } })

const finished = (child: ChildProcess): Promise<Result> =>
  new Promise((resolve) => {
    let stdout = ""
    let stderr = ""
    child.stdout?.on("data", (chunk) => {
      stdout += chunk
    })
    child.stderr?.on("data", (chunk) => {
      stderr += chunk
    })
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

const run = (args: ReadonlyArray<string>, env: Record<string, string> = {}, cwd = workDir) =>
  finished(start(args, env, cwd))

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0))
    })
  })

/** Resolves with what the child wrote on stderr once it has written `text`. */
const waitFor = (child: ChildProcess, text: string) =>
  new Promise<string>((resolve, reject) => {
    let seen = ""
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 30 s; stderr: ${seen}`)), 30_000)
    child.stderr?.on("data", (chunk) => {
      seen += chunk
      if (seen.includes(text)) {
        clearTimeout(timer)
        resolve(seen)
      }
    })
  })

/** The token `teamops serve --demo` printed for `role`, beside the person's email. */
const demoToken = (stderr: string, role: "admin" | "manager" | "member") => {
  const token = new RegExp(`^${role} +\\S+@teamops\\.example +(tops_\\w+)$`, "m").exec(stderr)?.[1]
  if (token === undefined) throw new Error(`no ${role} token in: ${stderr}`)
  return token
}

/** A token made as an operator makes one: `teamops token create` on the database. */
const adminToken = async (database: string) => {
  const made = await run(["token", "create", "--service", "cli-check", "--scope", "admin", "--database", database])
  expect(made.code).toBe(0)
  return made.stdout.trim()
}

const graphql = async (port: number, query: string, token: string) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  })
  return (await response.json()) as { data: any }
}

const teamsQuery = "{ teams(first: 10) { edges { node { key name members(first: 5) { totalCount } } } } }"

describe("teamops serve", () => {
  it("serves the demo organisation over HTTP and exits 0 on SIGTERM", async () => {
    const port = await freePort()
    const database = join(workDir, "serve.db")
    const server = start(["serve", "--demo", "--database", database], { PORT: String(port) })
    const exit = finished(server)
    const stderr = await waitFor(server, "serving")
    // The demo's tokens, one a line, each beside its role and the person's email.
    expect(stderr).toMatch(/^admin +eleni@teamops\.example +tops_\w+$/m)
    expect(stderr).toMatch(/^manager +nikos@teamops\.example +tops_\w+$/m)
    expect(stderr).toMatch(/^member +kostas@teamops\.example +tops_\w+$/m)
    const token = demoToken(stderr, "admin")
    const { data } = await graphql(port, teamsQuery, token)
    const teams = data.teams.edges.map((e: any) => [e.node.key, e.node.members.totalCount])
    expect(teams).toEqual([
      ["support", 1],
      ["support-americas", 5],
      ["support-apac", 5],
      ["support-emea", 5],
      ["support-ops", 6],
    ])
    const anonymous = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: teamsQuery }),
    })
    expect(anonymous.status).toBe(401)
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    expect(ready.status).toBe(200)
    const people = await graphql(
      port,
      "{ people(first: 100) { edges { node { email currentLevel { key } } } } }",
      token,
    )
    const lucas = people.data.people.edges.find((e: any) => e.node.email === "lucas@teamops.example")
    expect(lucas.node.currentLevel).toEqual({ key: "css1" })
    server.kill("SIGTERM")
    const result = await exit
    expect(result.code).toBe(0)
    expect(result.stdout).toBe("")
  })

  it("loads at boot only what it serves with: no single sign-on, GraphiQL page, PostgreSQL client or cluster code", async () => {
    // A module hook that writes down every module the process loads.
    const loaded = join(workDir, "loaded.txt")
    const hook = join(workDir, "record-loads.mjs")
    writeFileSync(
      hook,
      `import { appendFileSync } from "node:fs"
export const load = (url, context, next) => { appendFileSync(${JSON.stringify(loaded)}, url + "\\n"); return next(url, context) }`,
    )
    const register = join(workDir, "register-loads.mjs")
    writeFileSync(
      register,
      `import { register } from "node:module"\nregister(${JSON.stringify(pathToFileURL(hook).href)})\n`,
    )
    const server = spawn(
      process.execPath,
      [
        "--import",
        pathToFileURL(register).href,
        launcher,
        "serve",
        "--port",
        "0",
        "--database",
        join(workDir, "lean.db"),
      ],
      { cwd: workDir, env: baseEnv },
    )
    const exit = finished(server)
    await waitFor(server, "serving")
    server.kill("SIGTERM")
    expect((await exit).code).toBe(0)
    const urls = readFileSync(loaded, "utf8").split("\n")
    const packages = (name: string) => urls.filter((url) => url.includes(`/node_modules/${name}/`))
    expect(packages("graphql-yoga").length).toBeGreaterThan(0)
    for (const unneeded of ["jose", "@graphql-yoga/render-graphiql", "pg", "@effect/cluster"]) {
      expect(packages(unneeded), unneeded).toEqual([])
    }
  })

  it("keeps the data of an earlier run and does not seed it twice; makes new demo tokens each start", async () => {
    const database = join(workDir, "twice.db")
    const tokens: Array<string> = []
    for (let i = 0; i < 2; i++) {
      const port = await freePort()
      const server = start(["serve", "--demo", "--port", String(port)], { TEAMOPS_DATABASE_URL: database })
      const exit = finished(server)
      const stderr = await waitFor(server, "serving")
      expect(stderr.includes("seeded the demo organisation")).toBe(i === 0)
      tokens.push(demoToken(stderr, "admin"))
      for (const token of tokens) {
        const { data } = await graphql(port, "{ people(first: 100) { totalCount } teams { totalCount } }", token)
        expect([data.people.totalCount, data.teams.totalCount]).toEqual([22, 5])
      }
      server.kill("SIGTERM")
      expect((await exit).code).toBe(0)
    }
    expect(tokens[0]).not.toBe(tokens[1])
    const listed = JSON.parse((await run(["token", "list", "--database", database])).stdout)
    expect(listed.map((t: any) => t.name)).toEqual(Array(6).fill("demo"))
  })

  it("reports a port in use in one line and exits non-zero", async () => {
    const blocker = createServer().listen(0, "0.0.0.0")
    await new Promise((resolve) => blocker.once("listening", resolve))
    const address = blocker.address()
    const port = typeof address === "object" && address ? address.port : 0
    const result = await run(["serve", "--port", String(port), "--database", join(workDir, "busy.db")])
    blocker.close()
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`teamops: cannot listen on port ${port}: the port is in use`)
  })
})

describe("teamops migrate, seed and schema", () => {
  it("refuses an unsupported database URL in one line", async () => {
    const result = await run(["migrate", "--database", "mysql://db.local/x"])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      'teamops: unsupported database URL "mysql://db.local/x" (expected a file path, sqlite:PATH or postgres://…)',
    )
  })

  it("migrates the default database under the working directory and prints the plugins", async () => {
    const result = await run(["migrate"])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      database: join(workDir, ".teamops", "teamops.db"),
      plugins: [
        { id: "org", version: "0.1.0", status: "booted" },
        { id: "kpi", version: "0.1.0", status: "booted" },
        { id: "funnel", version: "0.1.0", status: "booted" },
        { id: "roles", version: "0.1.0", status: "booted" },
        { id: "competencies", version: "0.1.0", status: "booted" },
        { id: "aor", version: "0.1.0", status: "booted" },
        { id: "coverage", version: "0.1.0", status: "booted" },
        { id: "targets", version: "0.1.0", status: "booted" },
        { id: "support", version: "0.1.0", status: "booted" },
      ],
    })
  })

  it("seeds only what is missing", async () => {
    const database = join(workDir, "seed.db")
    for (let i = 0; i < 2; i++) {
      const result = await run(["seed", "--database", database])
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout).seeded).toEqual(["org", "kpi", "support"])
    }
    const token = await adminToken(database)
    const port = await freePort()
    const server = start(["serve", "--port", String(port), "--database", database])
    const exit = finished(server)
    await waitFor(server, "serving")
    const { data } = await graphql(port, "{ people(first: 100) { totalCount } }", token)
    expect(data.people.totalCount).toBe(22)
    server.kill("SIGTERM")
    expect((await exit).code).toBe(0)
  })

  it("prints the committed schema", async () => {
    const result = await run(["schema", "print"])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(readFileSync(schemaFile, "utf8"))
  })

  it.each([
    ["serve"],
    ["migrate"],
    ["seed"],
    ["schema", "print"],
    ["org", "import"],
    ["ladder", "import"],
    ["ladder", "export"],
    ["area", "import"],
    ["area", "export"],
    ["area", "health"],
    ["calendar", "set"],
    ["events", "import"],
    ["metric"],
    ["token", "create"],
    ["token", "list"],
    ["token", "revoke"],
    ["audit"],
  ])("answers --help for %s, in plain text, with the whole command in its usage", async (...command) => {
    const result = await run([...command, "--help"])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("USAGE")
    expect(result.stdout).toContain(`\n$ teamops ${command.join(" ")}`)
    expect(result.stdout).not.toMatch(new RegExp(String.fromCharCode(27)))
    expect(result.stdout).not.toContain("A user-defined piece of text.")
    expect(result.stdout).not.toContain("An integer.")
  })

  it("names a mistyped option and the one meant, wherever it stands", async () => {
    for (const args of [
      ["events", "import", "--batchsize", "10", "events.jsonl"],
      ["events", "import", "events.jsonl", "--batchsize", "10"],
    ]) {
      const result = await run(args)
      expect(result.code).toBe(1)
      expect(result.stdout).toBe("")
      expect(result.stderr.trim()).toBe(
        "teamops events import: unknown option --batchsize (did you mean --batch-size?); see teamops events import --help",
      )
    }
    const far = await run(["serve", "--colour", "blue"])
    expect(far.stderr.trim()).toBe(
      "teamops serve: unknown option --colour (options: --port, --host, --database, --demo); see teamops serve --help",
    )
  })

  it("points the help of a file command to the file's shape", async () => {
    expect((await run(["events", "import", "--help"])).stdout).toContain("docs/metrics.md")
    expect((await run(["calendar", "set", "--help"])).stdout).toContain('"timeZone": "Europe/Athens"')
    expect((await run(["ladder", "import", "--help"])).stdout).toContain("docs/ladders.md")
    expect((await run(["org", "import", "--help"])).stdout).toContain('"managerEmail"')
    expect((await run(["history", "import", "--help"])).stdout).toContain('"observedOn"')
    expect((await run(["area", "import", "--help"])).stdout).toContain("docs/areas.md")
  })

  it.runIf(process.env.TEAMOPS_TEST_POSTGRES_URL)("migrates a PostgreSQL database", async () => {
    const database = await testDatabase("postgres")
    try {
      const result = await run(["migrate"], { TEAMOPS_DATABASE_URL: database.url })
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout).plugins).toEqual([
        { id: "org", version: "0.1.0", status: "booted" },
        { id: "kpi", version: "0.1.0", status: "booted" },
        { id: "funnel", version: "0.1.0", status: "booted" },
        { id: "roles", version: "0.1.0", status: "booted" },
        { id: "competencies", version: "0.1.0", status: "booted" },
        { id: "aor", version: "0.1.0", status: "booted" },
        { id: "coverage", version: "0.1.0", status: "booted" },
        { id: "targets", version: "0.1.0", status: "booted" },
        { id: "support", version: "0.1.0", status: "booted" },
      ])
    } finally {
      await database.drop()
    }
  })
})

describe("teamops org import", () => {
  const organisation = {
    teams: [
      { key: "support-emea", name: "Support EMEA", parent: "support" },
      { key: "support", name: "Customer Support" },
    ],
    people: [
      {
        name: "Ana",
        email: "Ana@X.com",
        teamKey: "support-emea",
        timeZone: "Europe/Athens",
        managerEmail: "boss@x.com",
      },
      { name: "Boss", email: "boss@x.com", teamKey: "support", timeZone: "Europe/Dublin", hireDate: "2015-06-15" },
    ],
  }
  const orgFile = join(workDir, "org.json")
  writeFileSync(orgFile, JSON.stringify(organisation, null, 2))

  it("imports an organisation file and prints the counts; the same file again changes nothing", async () => {
    const database = join(workDir, "org.db")
    const first = await run(["org", "import", orgFile, "--database", database])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({ teams: { created: 2, updated: 0 }, people: { created: 2, updated: 0 } })
    const second = await run(["org", "import", orgFile, "--database", database])
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toEqual({ teams: { created: 0, updated: 0 }, people: { created: 0, updated: 0 } })
  })

  it("prints what would change with --dry-run, and changes nothing", async () => {
    const database = join(workDir, "dry-run-org.db")
    await run(["org", "import", orgFile, "--database", database])
    const file = join(workDir, "org-changes.json")
    writeFileSync(
      file,
      JSON.stringify({
        teams: [{ key: "support", name: "Support" }],
        people: [
          { email: "ana@x.com", managerEmail: null, timeZone: "Europe/Lisbon" },
          { email: "boss@x.com" },
          { name: "Kai", email: "kai@x.com", teamKey: "support", timeZone: "UTC" },
        ],
      }),
    )
    const dry = await run(["org", "import", "--dry-run", file, "--database", database])
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toEqual({
      dryRun: true,
      summary: { teams: { created: 0, updated: 1 }, people: { created: 1, updated: 1 } },
      teams: [{ key: "support", change: "updated", fields: { name: { from: "Customer Support", to: "Support" } } }],
      people: [
        {
          email: "ana@x.com",
          change: "updated",
          fields: {
            timeZone: { from: "Europe/Athens", to: "Europe/Lisbon" },
            managerEmail: { from: "boss@x.com", to: null },
          },
        },
        { email: "boss@x.com", change: "unchanged" },
        { email: "kai@x.com", change: "created" },
      ],
    })
    // Nothing was written: the dry run again answers the same, and the import makes the changes.
    const again = await run(["org", "import", "--dry-run", file, "--database", database])
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(dry.stdout))
    const imported = await run(["org", "import", file, "--database", database])
    expect(JSON.parse(imported.stdout)).toEqual({
      teams: { created: 0, updated: 1 },
      people: { created: 1, updated: 1 },
    })
  })

  it("prints every problem of a file on stderr, one per line, and exits 1", async () => {
    const file = join(workDir, "broken-org.json")
    const [emea, support] = organisation.teams
    writeFileSync(
      file,
      JSON.stringify({
        ...organisation,
        teams: [
          { ...emea, key: "Support EMEA" },
          { ...support, parentkey: "x" },
        ],
        people: [{ ...organisation.people[0], timeZone: "Mars/Base", managerEmail: "ghost@x.com" }],
      }),
    )
    const result = await run(["org", "import", file, "--database", join(workDir, "broken-org.db")])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr.trim().split("\n")).toEqual([
      `teamops: ${file} has 5 problems:`,
      'teams[0].key: expected a lower-kebab key such as "support-emea", got "Support EMEA"',
      'teams[1].parentkey: is unexpected, expected: "key" | "name" | "parentKey" | "description" | "defaultAnnualSalary"',
      'people[0].teamKey: no team with key "support-emea" in the file or in the database',
      'people[0].timeZone: unknown time zone "Mars/Base" (expected an IANA name such as "Europe/Athens")',
      "people[0].managerEmail: no person with email ghost@x.com in the file or in the database",
    ])
  })

  it("refuses a manager neither listed nor stored, and writes nothing", async () => {
    const database = join(workDir, "refused-org.db")
    const file = join(workDir, "unknown-manager.json")
    const [ana, boss] = organisation.people
    writeFileSync(file, JSON.stringify({ ...organisation, people: [ana, { ...boss, managerEmail: "ghost@x.com" }] }))
    const refused = await run(["org", "import", file, "--database", database])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split("\n")).toEqual([
      `teamops: ${file} has a problem:`,
      "people[1].managerEmail: no person with email ghost@x.com in the file or in the database",
    ])
    // Nothing of the refused file was kept: importing the good one creates everything.
    const imported = await run(["org", "import", orgFile, "--database", database])
    expect(JSON.parse(imported.stdout).teams).toEqual({ created: 2, updated: 0 })
  })

  it("says so when a file is not JSON, or cannot be read", async () => {
    const file = join(workDir, "org-syntax.json")
    writeFileSync(file, '{ "teams": [ }')
    const syntax = await run(["org", "import", file, "--database", join(workDir, "none.db")])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr.trim()).toMatch(new RegExp(`^teamops: ${file} is not valid JSON: .+`))
    const missing = await run(["org", "import", join(workDir, "nowhere.json"), "--database", join(workDir, "none.db")])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toMatch(/^teamops: cannot read .*nowhere\.json: ENOENT/)
  })
})

describe("teamops history import", () => {
  const organisation = {
    teams: [{ key: "support", name: "Support" }],
    people: [
      { name: "Ana", email: "ana@x.com", teamKey: "support", timeZone: "Europe/Athens", hireDate: "2023-01-09" },
      { name: "Boss", email: "boss@x.com", teamKey: "support", timeZone: "Europe/Dublin", hireDate: "2015-06-15" },
    ],
  }
  const history = {
    promotions: [
      { personEmail: "ana@x.com", ladderKey: "support", level: "css2", effectiveOn: "2024-03-04", rationale: "Ready." },
      { personEmail: "ANA@x.com", ladderKey: "support", level: "css1", effectiveOn: "2023-01-09", rationale: "Hired." },
    ],
    assessments: [
      {
        personEmail: "ana@x.com",
        ladderKey: "support",
        competency: "troubleshooting",
        raterKind: "manager",
        raterEmail: "boss@x.com",
        rating: "proficient",
        observedOn: "2024-02-20",
      },
    ],
  }

  it("imports a history file in one transaction, prints the counts, and adds nothing the second time", async () => {
    const database = join(workDir, "history.db")
    const orgFile = join(workDir, "history-org.json")
    writeFileSync(orgFile, JSON.stringify(organisation))
    expect((await run(["org", "import", orgFile, "--database", database])).code).toBe(0)
    const file = join(workDir, "history.json")
    writeFileSync(file, JSON.stringify(history, null, 2))
    const first = await run(["history", "import", file, "--database", database])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({
      promotions: { added: 2, alreadyStored: 0 },
      assessments: { added: 1, alreadyStored: 0 },
    })
    const second = await run(["history", "import", file, "--database", database])
    expect(JSON.parse(second.stdout)).toEqual({
      promotions: { added: 0, alreadyStored: 2 },
      assessments: { added: 0, alreadyStored: 1 },
    })

    const token = await adminToken(database)
    const port = await freePort()
    const server = start(["serve", "--database", database, "--port", String(port)])
    const exit = finished(server)
    await waitFor(server, "serving")
    const { data } = await graphql(
      port,
      `{ person(email: "ana@x.com") { currentLevel { key } levelHistory { effectiveOn to { key } } } }`,
      token,
    )
    server.kill("SIGTERM")
    await exit
    expect(data.person).toEqual({
      currentLevel: { key: "css2" },
      levelHistory: [
        { effectiveOn: "2023-01-09", to: { key: "css1" } },
        { effectiveOn: "2024-03-04", to: { key: "css2" } },
      ],
    })
  })

  it("prints every problem of a file on stderr, one per line, stores nothing and exits 1", async () => {
    const database = join(workDir, "history-broken.db")
    const orgFile = join(workDir, "history-org.json")
    writeFileSync(orgFile, JSON.stringify(organisation))
    await run(["org", "import", orgFile, "--database", database])
    const file = join(workDir, "history-broken.json")
    const [css2, css1] = history.promotions
    writeFileSync(
      file,
      JSON.stringify({
        promotions: [css1, { ...css2, effectiveOn: "2022-12-31" }, { ...css1, personEmail: "ghost@x.com" }],
        assessments: [{ ...history.assessments[0], raterKind: "boss", observedOn: "2024-02-30" }],
      }),
    )
    const result = await run(["history", "import", file, "--database", database])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr.trim().split("\n")).toEqual([
      `teamops: ${file} has 4 problems:`,
      "promotions[1].effectiveOn: 2022-12-31 is before the hire date 2023-01-09 of ana@x.com",
      "promotions[2].personEmail: no person with email ghost@x.com",
      'assessments[0].raterKind: expected "self", "manager" or "peer", got "boss"',
      'assessments[0].observedOn: expected a date as YYYY-MM-DD, got "2024-02-30"',
    ])
    const good = join(workDir, "history-good.json")
    writeFileSync(good, JSON.stringify(history))
    const imported = await run(["history", "import", good, "--database", database])
    expect(JSON.parse(imported.stdout).promotions).toEqual({ added: 2, alreadyStored: 0 })
  })
})

describe("teamops ladder", () => {
  // A ladder of a key of its own: the default `support` plugin already publishes "support".
  const ladderYaml = readFileSync(fileURLToPath(new URL("./fixtures/frontline-ladder.yaml", import.meta.url)), "utf8")
  const ladderFile = join(workDir, "frontline.yaml")
  writeFileSync(ladderFile, ladderYaml)

  it("imports a ladder file, publishing it, and exports it again in YAML and JSON", async () => {
    const database = join(workDir, "ladders.db")
    const first = await run(["ladder", "import", ladderFile, "--database", database])
    expect(first.code).toBe(0)
    const version = JSON.parse(first.stdout)
    expect(version).toEqual({
      ladderKey: "frontline",
      version: 1,
      published: true,
      publishedAt: version.publishedAt,
      warnings: ["from css2 the only way up is management (support-lead)"],
    })
    const yaml = await run(["ladder", "export", "frontline", "--database", database])
    expect(yaml.code).toBe(0)
    expect(yaml.stdout.startsWith("key: frontline\nname: Customer Support Ladder\n")).toBe(true)

    // The export, as JSON too, says what version 1 says: importing it publishes nothing.
    const json = await run(["ladder", "export", "--format", "json", "frontline", "--database", database])
    expect(JSON.parse(json.stdout).levels.map((l: any) => l.key)).toEqual(["css1", "css2", "support-lead", "tse1"])
    const jsonFile = join(workDir, "exported.json")
    writeFileSync(jsonFile, json.stdout)
    const same = await run(["ladder", "import", jsonFile, "--database", database])
    expect(same.code).toBe(0)
    expect(JSON.parse(same.stdout)).toMatchObject({ version: 1, published: false })
    expect(same.stderr.trim()).toBe(`${jsonFile} says what version 1 of "frontline" says: nothing was published`)

    // A changed file is the next version; its export does not carry its changes.
    const renamed = JSON.parse(json.stdout)
    renamed.competencies = renamed.competencies.map((c: any) =>
      c.key === "communication" ? { ...c, key: "talking" } : c,
    )
    for (const entries of Object.values(renamed.matrix) as Array<Record<string, unknown>>) {
      if ("communication" in entries) {
        entries.talking = entries.communication
        delete entries.communication
      }
    }
    renamed.changes = [{ rename: { from: "communication", to: "talking" } }]
    writeFileSync(jsonFile, JSON.stringify(renamed))
    const second = await run(["ladder", "import", jsonFile, "--database", database])
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ version: 2, published: true })
    const again = await run(["ladder", "export", "--format", "json", "frontline", "--database", database])
    expect(JSON.parse(again.stdout).changes).toBeUndefined()
    expect(JSON.parse(again.stdout).competencies.map((c: any) => c.key)).toContain("talking")
  })

  it("prints every problem of a file on stderr, one per line, and exits 1", async () => {
    const file = join(workDir, "broken.yml")
    writeFileSync(
      file,
      ladderYaml.replace("    track: management\n", "    track: mgmt\n").replace("expected: expert", "expected: guru"),
    )
    const result = await run(["ladder", "import", file, "--database", join(workDir, "broken.db")])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr.trim().split("\n")).toEqual([
      `teamops: ${file} has 2 problems:`,
      'line 50, column 5: levels[2].track: unknown track "mgmt" (known: ic, management, specialist)',
      'line 132, column 7: matrix.support-lead.communication.expected: unknown scale step "guru" (known: aware, practising, proficient, expert)',
    ])
  })

  it("exits 0 when the reader of an export stops early", async () => {
    const database = join(workDir, "pipe.db")
    expect((await run(["ladder", "import", ladderFile, "--database", database])).code).toBe(0)
    const exporter = start(["ladder", "export", "frontline", "--database", database])
    exporter.stdout?.once("data", () => exporter.stdout?.destroy())
    const result = await finished(exporter)
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain("EPIPE")
  })

  it("refuses a file of unknown format, and an export of a ladder never published", async () => {
    const text = join(workDir, "ladder.txt")
    writeFileSync(text, ladderYaml)
    const unknown = await run(["ladder", "import", text, "--database", join(workDir, "none.db")])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.trim()).toBe(
      `teamops: cannot tell the format of ${text}: expected a .yaml, .yml or .json file`,
    )
    const missing = await run(["ladder", "export", "nope", "--database", join(workDir, "none.db")])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('teamops: no published ladder "nope"')
  })
})

describe("teamops area", () => {
  const dir = join(workDir, "areas")
  const database = join(dir, "areas.db")
  const inDir = (args: ReadonlyArray<string>) => run([...args, "--database", database], {}, dir)
  const file = (name: string, content: string) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  const areas = (owner: string) => `areas:
  - key: macro-library
    name: Macro library
    purpose: Keeps the macros the frontline sends right and current.
    team: support
    category: frontline-tooling
    weeklyHours: 2
    decisions:
      - Which macros exist and how they are worded.
    owner: ${owner}
    contributors:
      - email: ben@x.com
        weeklyHours: 1
`

  it("imports an areas file, refuses one with mistakes at their lines, exports it and prints the health", async () => {
    mkdirSync(dir)
    const person = (name: string) => ({
      name,
      email: `${name}@x.com`,
      teamKey: "support",
      timeZone: "UTC",
      hireDate: "2024-01-01",
    })
    const org = file(
      "org.json",
      JSON.stringify({ teams: [{ key: "support", name: "Support" }], people: [person("ana"), person("ben")] }),
    )
    expect((await inDir(["org", "import", org])).code).toBe(0)

    const wrong = file(
      "wrong.yaml",
      areas("ghost@x.com")
        .replace("team: support", "team: nowhere")
        .replace("category: frontline-tooling", "category: poetry"),
    )
    const refused = await inDir(["area", "import", wrong])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe("")
    expect(refused.stderr.trim().split("\n")).toEqual([
      `teamops: ${wrong} has 3 problems:`,
      'line 5, column 5: areas[0].team: no team with key "nowhere"',
      'line 6, column 5: areas[0].category: unknown category "poetry" (known: blog-posts, educational-content, frontline-tooling, mentoring-and-onboarding, process-writing, product-liaison, quality-reviews, tool-evaluation)',
      "line 10, column 5: areas[0].owner: no person with email ghost@x.com",
    ])

    const good = file("areas.yaml", areas("ana@x.com"))
    const imported = await inDir(["area", "import", good])
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toEqual({ created: 1, updated: 0, handedOver: 0, unchanged: 0 })
    const again = await inDir(["area", "import", good])
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 0, handedOver: 0, unchanged: 1 })

    const exported = await inDir(["area", "export", "--team", "support"])
    expect(exported.code).toBe(0)
    expect(exported.stdout).toBe(
      areas("ana@x.com").replace("    owner:", "    competencies: []\n    reviewEveryDays: 90\n    owner:"),
    )
    const unknownTeam = await inDir(["area", "export", "--team", "nowhere"])
    expect(unknownTeam.code).toBe(1)
    expect(unknownTeam.stderr.trim()).toBe('teamops: no team with key "nowhere"')

    const health = await inDir(["area", "health", "--team", "support", "--as-of", "2025-06-01T00:00:00Z"])
    expect(health.code).toBe(0)
    const report = JSON.parse(health.stdout)
    expect(report.asOf).toBe("2025-06-01T00:00:00.000Z")
    // The area was made today: as of a day before, it did not exist yet.
    expect(report.orphaned).toEqual([])
    expect(report.people.map((p: any) => p.person)).toEqual(["ana@x.com", "ben@x.com"])
    const now = JSON.parse((await inDir(["area", "health"])).stdout)
    expect(now.people.map((p: any) => [p.person, p.areaHours])).toEqual([
      ["ana@x.com", 2],
      ["ben@x.com", 1],
    ])
    expect(now.withoutArea).toEqual([])
    const badInstant = await inDir(["area", "health", "--as-of", "yesterday"])
    expect(badInstant.code).toBe(1)
    expect(badInstant.stderr.trim()).toBe(
      'teamops: --as-of: expected an RFC 3339 instant with offset such as "2026-03-29T09:00:00Z", got "yesterday"',
    )
  })

  it("refuses to import a file whose format it cannot tell", async () => {
    const result = await run(["area", "import", join(workDir, "areas.txt")])
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toContain("expected a .yaml, .yml or .json file")
  })
})

describe("teamops.config.js", () => {
  const built = (path: string) => pathToFileURL(fileURLToPath(new URL(`../../../${path}`, import.meta.url))).href

  it("loads the plugins it lists and leaves out an optional one that fails, with the reason", async () => {
    const dir = join(workDir, "configured")
    mkdirSync(dir)
    writeFileSync(
      join(dir, "teamops.config.js"),
      [
        `import { definePlugin } from ${JSON.stringify(built("packages/core/dist/index.js"))}`,
        `import { orgPlugin } from ${JSON.stringify(built("packages/org/dist/index.js"))}`,
        "const broken = definePlugin({",
        '  id: "broken", version: "1.0.0", dependsOn: ["org"],',
        '  migrations: { "0001_init": { up: async () => { throw new Error("disk on fire") } } },',
        "})",
        'export default { plugins: [orgPlugin, broken], optional: ["broken"] }',
      ].join("\n"),
    )
    const result = await run(["migrate", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).plugins).toEqual([
      { id: "org", version: "0.1.0", status: "booted" },
      {
        id: "broken",
        version: "1.0.0",
        status: "left-out",
        reason: 'plugin "broken": migration "0001_init" failed: disk on fire',
      },
    ])
  })

  // A plugin adding `teamops greet hello NAME`, whose handler uses the plugin's own service
  // and the database; `extra` goes into the config file's default export.
  const greeter = (dir: string, plugin: string, extra = "") => {
    mkdirSync(dir)
    writeFileSync(
      join(dir, "teamops.config.js"),
      [
        `import { commandGroup, Db, definePlugin } from ${JSON.stringify(built("packages/core/dist/index.js"))}`,
        `import { orgPlugin } from ${JSON.stringify(built("packages/org/dist/index.js"))}`,
        `import { Args, Command } from ${JSON.stringify(built("node_modules/@effect/cli/dist/esm/index.js"))}`,
        `import { Console, Context, Effect, Layer } from ${JSON.stringify(built("node_modules/effect/dist/esm/index.js"))}`,
        'const Greeting = Context.GenericTag("Greeting")',
        "const hello = Command.make('hello', { name: Args.text({ name: 'NAME' }) }, ({ name }) =>",
        "  Effect.gen(function* () {",
        '    if (name === "nobody") return yield* Effect.fail({ message: "nobody to greet" })',
        "    const db = yield* Db",
        "    const greeting = yield* Greeting",
        '    yield* Console.log(greeting + ", " + name + " (" + db.dialect + ")")',
        "  })).pipe(Command.withDescription('Greet someone by name'))",
        plugin,
        `export default { plugins: [orgPlugin, greeter] ${extra} }`,
      ].join("\n"),
    )
  }
  const greeterPlugin = (layer: string) =>
    `const greeter = definePlugin({ id: "greeter", version: "1.0.0", layer: ${layer}, commands: [commandGroup("greet", "Greetings", [hello])] })`

  it("adds a plugin's commands, with --help, run on the host with the plugin's services", async () => {
    const dir = join(workDir, "greeting")
    greeter(dir, greeterPlugin('Layer.succeed(Greeting, "Hello")'))
    const help = await run(["greet", "hello", "--help"], {}, dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("Greet someone by name")
    const listed = await run(["--help"], {}, dir)
    expect(listed.stdout).toContain("Greetings (plugin greeter)")
    const greeted = await run(["greet", "hello", "Ana", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(greeted).toMatchObject({ code: 0, stdout: "Hello, Ana (sqlite)\n" })
    const refused = await run(["greet", "hello", "nobody", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(refused).toMatchObject({ code: 1, stderr: "teamops: nobody to greet\n" })
    const bare = await run(["greet", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(bare).toMatchObject({ code: 1, stderr: "teamops: name a command after greet; see teamops greet --help\n" })
  })

  it("says why a command of an optional plugin that did not boot cannot run", async () => {
    const dir = join(workDir, "greeting-broken")
    greeter(dir, greeterPlugin('Layer.fail("no greeting")'), ', optional: ["greeter"]')
    const result = await run(["greet", "hello", "Ana", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("teamops: plugin greeter did not boot: ")
    expect(result.stderr).toContain("no greeting")
  })

  it("refuses a plugin command that takes the word of another command", async () => {
    const dir = join(workDir, "greeting-clash")
    greeter(
      dir,
      'const greeter = definePlugin({ id: "greeter", version: "1.0.0", commands: [commandGroup("org", "Mine", [hello])] })',
    )
    const result = await run(["--help"], {}, dir)
    expect(result).toMatchObject({
      code: 1,
      stderr: "teamops: plugin greeter adds command org, which a command of teamops already has\n",
    })
  })

  it("refuses a configuration whose plugins are not plugins, in one line", async () => {
    const dir = join(workDir, "misconfigured")
    mkdirSync(dir)
    writeFileSync(join(dir, "teamops.config.js"), 'export default { plugins: ["org"] }')
    const result = await run(["migrate"], {}, dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("expected a plugin made with definePlugin(...)")
  })

  it("reports a failing migration of a required plugin in one line and exits non-zero", async () => {
    const dir = join(workDir, "failing")
    mkdirSync(dir)
    writeFileSync(
      join(dir, "teamops.config.js"),
      [
        `import { definePlugin } from ${JSON.stringify(built("packages/core/dist/index.js"))}`,
        `import { orgPlugin } from ${JSON.stringify(built("packages/org/dist/index.js"))}`,
        "const broken = definePlugin({",
        '  id: "broken", version: "1.0.0",',
        '  migrations: { "0001_init": { up: async () => { throw new Error("disk on fire") } } },',
        "})",
        "export default { plugins: [orgPlugin, broken] }",
      ].join("\n"),
    )
    const result = await run(["serve", "--database", join(dir, "db.sqlite")], {}, dir)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('teamops: plugin "broken": migration "0001_init" failed: disk on fire')
  })
})

describe("teamops calendar, events and metric", () => {
  const database = join(workDir, "kpi.db")
  const file = (name: string, content: string) => {
    const path = join(workDir, name)
    writeFileSync(path, content)
    return path
  }
  const event = (id: string, type: string, at: string, extra: object = {}) =>
    JSON.stringify({ id, type, at, actor: { kind: "customer" }, conversationId: "c1", ...extra })
  const human = { actor: { kind: "human", email: "ana@example.com" } }

  it("imports a calendar and events, and prints the rows of a query", async () => {
    const org = file("kpi-org.json", JSON.stringify({ teams: [{ key: "help", name: "Help" }] }))
    expect((await run(["org", "import", org, "--database", database])).code).toBe(0)
    const calendar = file(
      "kpi-calendar.json",
      JSON.stringify({ timeZone: "Europe/Athens", weekly: { mon: [["09:00", "17:00"]] } }),
    )
    const set = await run(["calendar", "set", "help", calendar, "--database", database])
    expect(set.code).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual({
      team: "help",
      calendar: [{ timeZone: "Europe/Athens", weekly: { mon: [["09:00", "17:00"]] } }],
    })

    const events = file(
      "kpi-events.jsonl",
      [
        event("e1", "conversation.created", "2026-03-02T08:00:00Z"),
        event("e2", "conversation.assigned", "2026-03-02T08:00:00Z", { assignee: null, teamKey: "help" }),
        "",
        event("e3", "message.human", "2026-03-02T09:30:00+01:00", human),
        event("e4", "conversation.resolved", "2026-03-02T09:00:00Z", human),
      ].join("\n"),
    )
    const first = await run(["events", "import", events, "--database", database])
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toEqual({ accepted: 4, duplicates: 0, refused: 0 })
    const again = await run(["events", "import", events, "--batch-size", "3", "--database", database])
    expect(JSON.parse(again.stdout)).toEqual({ accepted: 0, duplicates: 4, refused: 0 })

    const query = JSON.stringify({ metric: "first_response_time", groupBy: ["team"] })
    const metric = await run(["metric", "--query", query, "--as-of", "2026-03-03T00:00:00Z", "--database", database])
    expect(metric.code).toBe(0)
    // 08:00Z to 08:30Z is 30 minutes, all of it open: 10:00 to 10:30 on a Monday in Athens.
    const half = { count: 1, median: 1800, p90: 1800, mean: 1800, min: 1800, max: 1800 }
    expect(JSON.parse(metric.stdout)).toEqual([
      {
        team: "help",
        metric: "first_response_time",
        basis: "cycle start",
        calendar: half,
        business: half,
        unanswered: 0,
      },
    ])
    // Before the reply, the conversation waits.
    const early = await run(["metric", "--query", query, "--as-of", "2026-03-02T08:10:00Z", "--database", database])
    expect(JSON.parse(early.stdout)).toMatchObject([{ team: "help", calendar: null, unanswered: 1 }])

    // What the row counted, as JSON and as CSV.
    const asOf = ["--as-of", "2026-03-03T00:00:00Z", "--database", database]
    const facts = await run(["metric", "--query", query, "--facts", ...asOf])
    const fact = { conversationId: "c1", cycle: 1, person: null, team: "help", at: "2026-03-02T08:00:00.000Z" }
    expect(JSON.parse(facts.stdout)).toMatchObject([{ team: "help", facts: [{ ...fact, value: 1800, reason: null }] }])
    const csv = await run(["metric", "--query", query, "--facts", "--format", "csv", ...asOf])
    expect(csv.stdout.trim().split("\n")).toEqual([
      "team,metric,fact.conversationId,fact.cycle,fact.person,fact.team,fact.at,fact.value,fact.reason",
      "help,first_response_time,c1,1,,help,2026-03-02T08:00:00.000Z,1800,",
    ])
    const rowsCsv = await run(["metric", "--query", query, "--format", "csv", ...asOf])
    expect(rowsCsv.stdout.trim().split("\n")[0]).toBe(
      "team,metric,basis,calendar.count,calendar.median,calendar.p90,calendar.mean,calendar.min,calendar.max,business.count,business.median,business.p90,business.mean,business.min,business.max,unanswered",
    )
  })

  it("refuses a broken batch whole, says why on stderr, stores the other batches and exits 1", async () => {
    const events = file(
      "kpi-broken.jsonl",
      [
        event("b1", "conversation.created", "2026-03-02T08:00:00Z", { conversationId: "c2" }),
        "{not json",
        event("b3", "conversation.created", "2026-03-02T08:00:00Z", { conversationId: "c3" }),
        event("b4", "conversation.resolved", "2026-03-02T08:00:00Z", { conversationId: "c4" }),
      ].join("\n"),
    )
    const result = await run(["events", "import", events, "--batch-size", "1", "--database", database])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 2, duplicates: 0, refused: 2 })
    expect(result.stderr).toContain("line 2: not valid JSON")
    expect(result.stderr).toContain(
      'line 4 (event "b4"): conversation "c4" has no conversation.created: its only event is conversation.resolved at 2026-03-02T08:00:00.000Z\n(a file that starts after some conversations were created: --skip-incomplete leaves them out)',
    )
  })

  it("leaves out with --skip-incomplete the conversations a file holds only the later part of, saying which", async () => {
    const events = file(
      "kpi-window.jsonl",
      [
        event("w1", "conversation.resolved", "2026-03-02T08:00:00Z", { conversationId: "w-old" }),
        event("w2", "conversation.created", "2026-03-02T08:00:00Z", { conversationId: "w-new" }),
      ].join("\n"),
    )
    const result = await run(["events", "import", events, "--skip-incomplete", "--database", database])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 1, duplicates: 0, refused: 0, skipped: 1 })
    expect(result.stderr.trim()).toBe(
      `${events}: skipped conversation "w-old" has no conversation.created: its only event is conversation.resolved at 2026-03-02T08:00:00.000Z`,
    )
  })

  it("names every problem of a query", async () => {
    const result = await run([
      "metric",
      "--query",
      JSON.stringify({ metric: "volume", groupBy: ["teams"], timeZone: "Mars/Olympus" }),
      "--database",
      database,
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("the query has 2 problems:")
    expect(result.stderr).toContain('groupBy.0: expected one of team, person, period, got "teams"')
    expect(result.stderr).toContain('timeZone: unknown time zone "Mars/Olympus"')
    const unknown = await run(["metric", "--query", '{"metric":"speed"}', "--database", database])
    expect(unknown.stderr).toContain('metric: unknown metric "speed" (known: first_response_time,')
  })
})

describe("teamops target", () => {
  const database = join(workDir, "targets.db")
  const file = (name: string, content: string) => {
    const path = join(workDir, name)
    writeFileSync(path, content)
    return path
  }

  it("adds the versions of a targets file, or none and every problem, and lists them", async () => {
    const org = file("targets-org.json", JSON.stringify({ teams: [{ key: "help", name: "Help" }] }))
    expect((await run(["org", "import", org, "--database", database])).code).toBe(0)
    const wrong = file(
      "wrong-targets.yaml",
      [
        "targets:",
        "  - { metric: first_response_time, statistic: median, good: { max: 600 }, acceptable: { max: 300 }, effectiveFrom: '2026-01-01T00:00:00Z' }",
        "  - { metric: volume, statistic: count, scope: { kind: team }, good: { min: 1 }, effectiveFrom: yesterday }",
      ].join("\n"),
    )
    const refused = await run(["target", "set", wrong, "--database", database])
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split("\n").slice(0, 2)).toEqual([
      `teamops: ${wrong} has 3 problems:`,
      "targets.0.acceptable: expected a band that contains good",
    ])
    expect(refused.stderr).toContain("targets.1.scope.key: expected the key of the team")
    expect(refused.stderr).toContain("targets.1.effectiveFrom: expected an RFC 3339 instant")
    const right = file(
      "targets.json",
      JSON.stringify({
        targets: [
          {
            metric: "volume",
            statistic: "count",
            scope: { kind: "team", key: "help" },
            good: { min: 1 },
            effectiveFrom: "2026-01-01T00:00:00Z",
          },
        ],
      }),
    )
    const set = await run(["target", "set", right, "--database", database])
    expect(set.code).toBe(0)
    expect(JSON.parse(set.stdout)).toMatchObject([{ id: "1", metric: "volume", scope: { kind: "team", key: "help" } }])
    const listed = await run(["target", "list", "--metric", "volume", "--database", database])
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: "1", good: { min: 1 }, effectiveFrom: "2026-01-01T00:00:00.000Z" },
    ])
  })
})

describe("teamops coverage", () => {
  const database = join(workDir, "coverage.db")
  const file = (name: string, content: string) => {
    const path = join(workDir, name)
    writeFileSync(path, content)
    return path
  }

  it("prints a team's coverage of a week as JSON, or names the option that does not decode", async () => {
    const org = file(
      "coverage-org.json",
      JSON.stringify({
        teams: [{ key: "relay", name: "Relay" }],
        people: [
          { name: "Ana", email: "ana@x.com", teamKey: "relay", timeZone: "Europe/London", hireDate: "2024-01-08" },
          { name: "Ben", email: "ben@x.com", teamKey: "relay", timeZone: "America/New_York", hireDate: "2024-01-08" },
        ],
      }),
    )
    expect((await run(["org", "import", org, "--database", database])).code).toBe(0)
    const events = file(
      "coverage-events.jsonl",
      ["2026-03-09T10:00:00Z", "2026-03-09T14:00:00Z"]
        .flatMap((at, i) => [
          { id: `c${i}-1`, type: "conversation.created", at, actor: { kind: "customer" }, conversationId: `c${i}` },
          {
            id: `c${i}-2`,
            type: "conversation.assigned",
            at,
            actor: { kind: "automation" },
            conversationId: `c${i}`,
            assignee: null,
            teamKey: "relay",
          },
        ])
        .map((e) => JSON.stringify(e))
        .join("\n"),
    )
    expect((await run(["events", "import", events, "--database", database])).code).toBe(0)

    const printed = await run(["coverage", "relay", "--week", "2026-03-12", "--weeks", "1", "--database", database])
    expect(printed.code, printed.stderr).toBe(0)
    const coverage = JSON.parse(printed.stdout)
    expect([coverage.team, coverage.timeZone, coverage.start, coverage.end]).toEqual([
      "relay",
      "UTC",
      "2026-03-09T00:00:00.000Z",
      "2026-03-16T00:00:00.000Z",
    ])
    expect(coverage.intervals).toHaveLength(336)
    // Ana is on from 09:00 UTC, Ben (New York, on summer time) from 13:00.
    expect(coverage.gaps).toEqual([{ start: "2026-03-09T10:00:00.000Z", staffed: 1, demand: 1 }])
    const one = await run([
      "coverage",
      "relay",
      "--week",
      "2026-03-12",
      "--weeks",
      "1",
      "--min-staffed",
      "1",
      "--database",
      database,
    ])
    expect(JSON.parse(one.stdout).gaps).toEqual([])

    const refused = await run(["coverage", "relay", "--week", "2026-03-32", "--weeks", "0", "--database", database])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain("--week: expected a date as YYYY-MM-DD")
    expect(refused.stderr).toContain("--weeks: expected a whole number from 1 to 52")
    const unknown = await run(["coverage", "nowhere", "--week", "2026-03-12", "--database", database])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr.trim()).toBe('teamops: no team with key "nowhere"')
  })
})
