import { Effect, Exit } from "effect"
import { describe, expect, it } from "vitest"
import type { LadderDocument } from "../src/Ladder.js"
import { formatLadderFile, type LadderFileError, parseLadderFile } from "../src/LadderFile.js"
import { failureOf, supportLadder, supportYaml, withLadder } from "./support.js"

const parse = (format: "yaml" | "json", content: string) => Effect.runSync(parseLadderFile(format, content))
const problemsOf = (format: "yaml" | "json", content: string): LadderFileError =>
  failureOf(Effect.runSyncExit(parseLadderFile(format, content)))

const small = `key: small
name: Small ladder
scale:
  - { key: low, label: Low, meaning: Starting out. }
  - { key: high, label: High, meaning: Fully there. }
tracks:
  - key: ic
    name: Individual contributor
    kind: individual-contributor
  - key: management
    name: Management
    kind: management
levels:
  - key: one
    title: One
    track: ic
    rank: 1
    summary: First.
    expectations: { scope: Own work., autonomy: Guided., impact: Some. }
  - key: two
    title: Two
    track: mgmt
    rank: 1
    summary: Second.
    expectations: { scope: Own work., autonomy: Alone., impact: More. }
transitions:
  - from: one
    to: three
    kind: promotion
    takes: Time.
competencies:
  - { key: talk, name: Talking, category: Craft, description: Talks. }
matrix:
  one:
    talk: { expected: medium }
`

describe("parseLadderFile", () => {
  it("reads the sample ladder", () => {
    const doc = parse("yaml", supportYaml)
    expect(doc.key).toBe("support")
    expect(doc.levels.map((l) => l.key)).toEqual(["css1", "css2", "support-lead", "tse1"])
    // Defaults are filled in.
    expect(doc.changes).toEqual([])
    expect(doc.matrix.css1?.troubleshooting).toEqual({ expected: "aware", behaviours: [] })
  })

  it("reports every rule broken, each with its line and column", () => {
    const error = problemsOf("yaml", small)
    expect(error._tag).toBe("LadderFileError")
    expect(error.problems).toEqual([
      {
        path: "levels[1].track",
        line: 22,
        column: 5,
        message: 'unknown track "mgmt" (known: ic, management)',
      },
      {
        path: "transitions[0].to",
        line: 28,
        column: 5,
        message: 'unknown level or role "three" (known: one, two)',
      },
      {
        path: "matrix.one.talk.expected",
        line: 35,
        column: 13,
        message: 'unknown scale step "medium" (known: low, high)',
      },
    ])
    expect(error.message).toBe(
      [
        'line 22, column 5: levels[1].track: unknown track "mgmt" (known: ic, management)',
        'line 28, column 5: transitions[0].to: unknown level or role "three" (known: one, two)',
        'line 35, column 13: matrix.one.talk.expected: unknown scale step "medium" (known: low, high)',
      ].join("\n"),
    )
  })

  it("reports every field that does not decode and every rule broken, with its line and column", () => {
    const broken = small
      .replace("rank: 1\n    summary: First.", "rank: 0\n    summary: First.")
      .replace("kind: management", "kind: boss")
      .replace("    takes: Time.\n", "")
      .replace("  - key: one\n", "  - key: One\n")
    const error = problemsOf("yaml", broken)
    expect(error.problems).toEqual([
      {
        path: "tracks[1].kind",
        line: 12,
        column: 5,
        message: 'Expected "individual-contributor" | "management" | "specialist", actual "boss"',
      },
      {
        path: "levels[0].key",
        line: 14,
        column: 5,
        message: 'expected a lower-kebab key such as "support-emea", got "One"',
      },
      { path: "levels[0].rank", line: 17, column: 5, message: "expected a rank of 1 or more" },
      { path: "transitions[0].takes", line: 27, column: 5, message: "is missing" },
      { path: "levels[1].track", line: 22, column: 5, message: 'unknown track "mgmt" (known: ic, management)' },
      { path: "transitions[0].from", line: 27, column: 5, message: 'unknown level or role "one" (known: One, two)' },
      { path: "transitions[0].to", line: 28, column: 5, message: 'unknown level or role "three" (known: One, two)' },
      { path: "matrix.one", line: 33, column: 3, message: 'unknown level "one" (known: One, two)' },
      {
        path: "matrix.one.talk.expected",
        line: 34,
        column: 13,
        message: 'unknown scale step "medium" (known: low, high)',
      },
    ])
  })

  it("reports the broken references of a file whose values do not decode, in the same reading", () => {
    const text = `key: broken
name: Broken
scale:
  - { key: a, label: A, meaning: First. }
  - { key: b, label: B, meaning: Second. }
tracks:
  - { key: ic, name: IC, kind: individual-contributor }
levels:
  - { key: l1, title: L1, track: ic, rank: 1, summary: S., expectations: { scope: X., autonomy: Y., impact: Z. } }
  - { key: l2, title: L2, track: mgmt, rank: 0, summary: S., expectations: { scope: X., autonomy: Y., impact: Z. } }
matrix:
  l1:
    nope: { expected: c }
`
    expect(problemsOf("yaml", text).message.split("\n")).toEqual([
      "line 10, column 40: levels[1].rank: expected a rank of 1 or more",
      'line 10, column 27: levels[1].track: unknown track "mgmt" (known: ic)',
      'line 13, column 5: matrix.l1.nope: unknown competency "nope" (known: none)',
      'line 13, column 13: matrix.l1.nope.expected: unknown scale step "c" (known: a, b)',
    ])
  })

  it("reports the broken references of a file that misses a required field, in the same reading", () => {
    const text = `key: broken
name: Broken
scale:
  - { key: a, label: A, meaning: First. }
  - { key: b, label: B, meaning: Second. }
tracks:
  - { key: ic, name: IC, kind: individual-contributor }
levels:
  - { key: l1, track: ic, rank: 1, summary: S., expectations: { scope: X., autonomy: Y., impact: Z. } }
  - { key: l2, title: L2, track: mgmt, rank: 2, summary: S., expectations: { scope: X., autonomy: Y., impact: Z. } }
`
    expect(problemsOf("yaml", text).message.split("\n")).toEqual([
      "line 9, column 5: levels[0].title: is missing",
      'line 10, column 27: levels[1].track: unknown track "mgmt" (known: ic)',
    ])
  })

  it("reports a field the ladder does not know", () => {
    const error = problemsOf("yaml", small.replace("name: Small ladder", "name: Small ladder\ncolour: blue"))
    // The rules the small ladder breaks on purpose come after it, from the same reading.
    expect(error.problems.slice(0, 1)).toEqual([
      {
        path: "colour",
        line: 3,
        column: 1,
        message:
          'is unexpected, expected: "key" | "name" | "description" | "team" | "changelog" | "extends" | "scale" | "tracks" | "levels" | "roles" | "transitions" | "competencies" | "matrix" | "changes"',
      },
    ])
  })

  it("reports YAML syntax errors with their line and column", () => {
    const error = problemsOf("yaml", "key: x\nname: [unclosed\nlevels: []\n")
    expect(error.problems).toEqual([
      {
        path: "",
        line: 3,
        column: 1,
        message: "Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
    ])
    expect(error.message).toBe(
      "line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
    )
  })

  it("reports a repeated key as a syntax error", () => {
    const error = problemsOf("yaml", "key: x\nname: X\nkey: y\n")
    expect(error.problems).toEqual([{ path: "", line: 3, column: 1, message: "Map keys must be unique" }])
  })

  it("reports JSON syntax errors with their line and column, trailing commas included", () => {
    expect(problemsOf("json", '{\n  "key": "x",\n  "levels": [1, 2,]\n}').problems).toEqual([
      { path: "", line: 3, column: 19, message: 'expected a value, got "]"' },
    ])
    expect(problemsOf("json", '{\n  "key": "x",\n  "name": "X"\n').problems).toEqual([
      { path: "", line: 4, column: 1, message: 'expected "," or "}", got the end of the file' },
    ])
    expect(problemsOf("json", "{\n  key: 1\n}").problems).toEqual([
      { path: "", line: 2, column: 3, message: 'expected a property name in double quotes, got "k"' },
    ])
    expect(problemsOf("json", '{ "a": "tab\there" }').problems).toEqual([
      { path: "", line: 1, column: 12, message: "a control character in a string (write it escaped, such as \\n)" },
    ])
  })

  it("places the rules broken in a JSON file", () => {
    const json = formatLadderFile(supportLadder, "json").replace('"track": "management"', '"track": "mgmt"')
    const error = problemsOf("json", json)
    const line = json.split("\n").findIndex((l) => l.includes('"mgmt"')) + 1
    expect(error.problems).toEqual([
      {
        path: "levels[2].track",
        line,
        column: 7,
        message: 'unknown track "mgmt" (known: ic, management, specialist)',
      },
    ])
  })

  it("refuses a file that is not a ladder at all", () => {
    expect(problemsOf("yaml", "- a\n- b\n").problems).toEqual([
      { path: "", line: 1, column: 1, message: "expected a ladder: a map with key, name, tracks and levels" },
    ])
    expect(problemsOf("json", '"ladder"').problems).toEqual([
      { path: "", line: 1, column: 1, message: "expected a ladder: a map with key, name, tracks and levels" },
    ])
  })
})

describe("formatLadderFile", () => {
  // Texts YAML could read as something else, on several lines, or with spaces around them.
  const tricky: LadderDocument = withLadder((d) => {
    d.description = "yes"
    d.changelog = "Line one.\nLine two:  with two spaces.\n- not a list"
    d.levels[0].summary = "null"
    d.levels[1].summary = "1.0"
    d.levels[0].expectations.scope = "# not a comment"
    d.competencies[0].description = `${"word ".repeat(40)}end.`
    d.transitions[0].via = "'quoted' and \"double\""
    d.changes = [{ rename: { from: "talking", to: "communication" } }]
  })

  it.each([["yaml"], ["json"]] as const)("writes %s that reads back to the same ladder", (format) => {
    for (const doc of [supportLadder, tricky]) {
      const text = formatLadderFile(doc, format)
      expect(parse(format, text)).toEqual(doc)
      expect(formatLadderFile(parse(format, text), format)).toBe(text)
    }
  })

  it("leaves out what the file would not need to say", () => {
    const yaml = formatLadderFile(supportLadder, "yaml")
    expect(yaml).not.toContain("changes:")
    expect(yaml).not.toContain("behaviours: []")
    expect(yaml).not.toContain("examples: []")
    expect(yaml.startsWith("key: support\nname: Customer Support Ladder\n")).toBe(true)
  })

  it("writes a ladder that extends another without a scale", () => {
    const derived = withLadder((d) => {
      d.extends = "base"
      d.scale = []
      d.matrix = {}
    })
    for (const format of ["yaml", "json"] as const) {
      const text = formatLadderFile(derived, format)
      expect(text).not.toContain("scale")
      expect(Exit.isSuccess(Effect.runSyncExit(parseLadderFile(format, text)))).toBe(true)
      expect(parse(format, text)).toEqual(derived)
    }
  })
})
