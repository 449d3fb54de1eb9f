import { type AuditEntry, DbError } from "@teamops/core"
import type { Person } from "@teamops/org"
import { testDialects } from "@teamops/testing"
import { Cause, Effect, Exit, Option } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { exportAreas } from "../src/AreaExport.js"
import { importAreas } from "../src/AreaImport.js"
import { AreaRepo } from "../src/AreaRepo.js"
import { addTeam, depart, hire, openAor } from "./support.js"

const failureOf = <A, E>(exit: Exit.Exit<A, E>) =>
  Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined

const macros = (owner: string, contributors: string, more = "") => `areas:
  - key: macro-library
    name: Macro library
    purpose: Keeps the macros the frontline sends right and current.
    team: support
    category: tooling
    weeklyHours: 2
    decisions:
      - Which macros exist and how they are worded.
    competencies: [writing]
    owner: ${owner}
    contributors: ${contributors}
${more}`

const first = macros("ana@x.com", "[{ email: ben@x.com, weeklyHours: 1 }]")
const second = `areas:
  - key: macro-library
    name: Macros and snippets
    purpose: Keeps the macros the frontline sends right and current.
    team: support
    category: tooling
    weeklyHours: 2
    decisions:
      - Which macros exist and how they are worded.
    competencies: [writing]
    owner: ben@x.com
    contributors:
      - { email: ana@x.com, weeklyHours: 1.5 }
    handoverNote: Ben takes the macros over; Ana reviews new ones for a while.
`

describe.each(testDialects())("areas as code on %s", (dialect) => {
  let app: Awaited<ReturnType<typeof openAor>>
  let ana: Person
  let ben: Person
  beforeEach(async () => {
    app = await openAor(dialect)
    await addTeam(app, "support")
    await addTeam(app, "billing")
    ana = await hire(app, "ana")
    ben = await hire(app, "ben")
  })
  afterEach(async () => {
    await app.close()
  })

  const run = (content: string, format: "yaml" | "json" = "yaml") => app.run(importAreas(format, content))
  const stored = async (key = "macro-library") =>
    app.run(
      Effect.gen(function* () {
        const repo = yield* AreaRepo
        const [area] = yield* repo.byKeys([key])
        if (area === undefined) return undefined
        return {
          area,
          owners: yield* repo.historyOf([area.id]),
          contributions: yield* repo.contributionHistoryOf([area.id]),
        }
      }),
    )

  it("refuses a file with three mistakes, each with its line, column and path, and stores nothing", async () => {
    const exit = await app.exit(
      importAreas(
        "yaml",
        `areas:
  - key: macro-library
    name: Macro library
    purpose: Keeps the macros right.
    team: nowhere
    category: tooling
    weeklyHours: 50
    owner: ghost@x.com
`,
      ),
    )
    const error = failureOf(exit) as any
    expect(error._tag).toBe("AreaFileError")
    expect(error.problems).toEqual([
      { path: "areas[0].team", line: 5, column: 5, message: 'no team with key "nowhere"' },
      {
        path: "areas[0].weeklyHours",
        line: 7,
        column: 5,
        message: "expected hours a week above 0 and at most 40, got 50",
      },
      { path: "areas[0].owner", line: 8, column: 5, message: "no person with email ghost@x.com" },
    ])
    expect(error.message.split("\n")[0]).toBe('line 5, column 5: areas[0].team: no team with key "nowhere"')
    expect(await stored()).toBeUndefined()
  })

  it("names unknown categories, competencies and contributors of a JSON file as the repo does", async () => {
    const file = JSON.stringify(
      {
        areas: [
          {
            key: "blog",
            name: "Blog",
            purpose: "Posts that teach customers.",
            team: "support",
            category: "poetry",
            weeklyHours: 2,
            competencies: ["writing", "juggling"],
            owner: "ana@x.com",
            contributors: [
              { email: "ana@x.com", weeklyHours: 1 },
              { email: "ben@x.com", weeklyHours: 1 },
              { email: "ben@x.com", weeklyHours: 2 },
            ],
          },
          { key: "blog", name: "Blog", purpose: "Again.", team: "support", category: "content", weeklyHours: 1 },
        ],
      },
      null,
      2,
    )
    const error = failureOf(await app.exit(importAreas("json", file))) as any
    expect(error.message.split("\n")).toEqual([
      'line 8, column 7: areas[0].category: unknown category "poetry" (known: content, tooling)',
      'line 10, column 7: areas[0].competencies: unknown competencies "juggling"',
      "line 17, column 11: areas[0].contributors[0].email: ana (ana@x.com) owns the area: an owner is not also a contributor",
      "line 25, column 11: areas[0].contributors[2].email: listed twice: also contributors[1]",
      "line 31, column 7: areas[1].key: the same key as areas[0]",
    ])
  })

  it("creates areas, then updates them: a new owner is a handover with the note, contributors follow the file", async () => {
    expect(await run(first)).toEqual({ created: 1, updated: 0, handedOver: 0, unchanged: 0 })
    const created = await stored()
    expect(created?.area).toMatchObject({ name: "Macro library", competencies: ["writing"], reviewEveryDays: 90 })
    expect(created?.owners.map((o) => [o.personId, o.endedAt, o.note])).toEqual([
      [ana.id, null, "Handed over by an import of the areas file."],
    ])

    expect(await run(second)).toEqual({ created: 0, updated: 1, handedOver: 1, unchanged: 0 })
    const updated = await stored()
    expect(updated?.area.name).toBe("Macros and snippets")
    expect(updated?.owners.map((o) => [o.personId, o.endedAt === null, o.note])).toEqual([
      [ana.id, false, "Handed over by an import of the areas file."],
      [ben.id, true, "Ben takes the macros over; Ana reviews new ones for a while."],
    ])
    // Ben's contribution ended with the handover; Ana's began.
    expect(updated?.contributions.map((c) => [c.personId, c.weeklyHours, c.endedAt === null])).toEqual([
      [ben.id, 1, false],
      [ana.id, 1.5, true],
    ])
    const history = await app.data(`{ area(key: "macro-library") { owner { email } } }`)
    expect(history.area.owner).toEqual({ email: "ben@x.com" })
  })

  it("changes nothing when the same file is imported again", async () => {
    await run(second)
    const before = await stored()
    expect(await run(second)).toEqual({ created: 0, updated: 0, handedOver: 0, unchanged: 1 })
    expect(await stored()).toEqual(before)
  })

  it("ends a contribution the file leaves out and restarts one whose hours changed", async () => {
    await hire(app, "cy")
    await run(macros("ana@x.com", "[{ email: ben@x.com, weeklyHours: 1 }, { email: cy@x.com, weeklyHours: 1 }]"))
    expect(await run(macros("ana@x.com", "[{ email: ben@x.com, weeklyHours: 3 }]"))).toEqual({
      created: 0,
      updated: 1,
      handedOver: 0,
      unchanged: 0,
    })
    const after = await stored()
    expect(after?.contributions.filter((c) => c.endedAt === null).map((c) => [c.personId, c.weeklyHours])).toEqual([
      [ben.id, 3],
    ])
    expect(after?.contributions).toHaveLength(3)
  })

  it("refuses a person who has left as a new owner, but keeps a stored owner who left", async () => {
    await run(first)
    await depart(app, ana, "2024-06-30")
    // Ana still owns the area, orphaned: the same file changes nothing.
    expect(await run(first)).toEqual({ created: 0, updated: 0, handedOver: 0, unchanged: 1 })
    await run(macros("null", "[]"))
    const error = failureOf(await app.exit(importAreas("yaml", first))) as any
    expect(error.message).toBe("line 11, column 5: areas[0].owner: ana (ana@x.com) has left")
  })

  it("exports what it stores so that importing the export changes nothing", async () => {
    await hire(app, "cy", { team: "billing" })
    await run(`${second}  - key: refunds
    name: Refund rules
    purpose: Says when a refund is given.
    team: billing
    category: content
    weeklyHours: 1
    reviewEveryDays: 30
    owner: cy@x.com
  - key: onboarding
    name: Onboarding
    purpose: First weeks of new teammates.
    team: support
    category: content
    weeklyHours: 3
`)
    const exported = await app.run(exportAreas())
    expect(exported).toContain("key: refunds")
    expect(await run(exported)).toEqual({ created: 0, updated: 0, handedOver: 0, unchanged: 3 })
    expect(await app.run(exportAreas())).toBe(exported)
    const billing = await app.run(exportAreas("billing"))
    expect(billing).toBe(`areas:
  - key: refunds
    name: Refund rules
    purpose: Says when a refund is given.
    team: billing
    category: content
    weeklyHours: 1
    decisions: []
    competencies: []
    reviewEveryDays: 30
    owner: cy@x.com
    contributors: []
`)
    expect(failureOf(await app.exit(exportAreas("nowhere")))).toMatchObject({ message: 'no team with key "nowhere"' })
  })

  it("leaves the database as it was when the import fails after its writes", async () => {
    await run(first)
    const before = await stored()
    const refusing = (_entries: ReadonlyArray<AuditEntry>) =>
      Effect.fail(new DbError({ message: "audit log unavailable" }))
    const more = `  - key: refunds
    name: Refund rules
    purpose: Says when a refund is given.
    team: billing
    category: content
    weeklyHours: 1
`
    const exit = await app.exit(importAreas("yaml", `${second}${more}`, { audit: refusing }))
    expect(failureOf(exit)).toMatchObject({ _tag: "DbError", message: "audit log unavailable" })
    expect(await stored()).toEqual(before)
    expect(await stored("refunds")).toBeUndefined()
  })
})
