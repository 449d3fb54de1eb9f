import { describe, expect, it } from "vitest"
import { checkLadder, ladderWarnings } from "../src/LadderCheck.js"
import { supportLadder, withLadder } from "./support.js"

const base = withLadder((doc) => {
  doc.key = "base"
  doc.competencies.push({ key: "empathy", name: "Empathy", category: "Craft", description: "Feels with customers." })
  doc.scale.push({ key: "master", label: "Master", meaning: "Sets the standard." })
})

describe("checkLadder", () => {
  it("finds nothing wrong with the sample ladder", () => {
    expect(checkLadder(supportLadder)).toEqual([])
  })

  it.each([
    [
      "tracks",
      "track",
      (d: any) => d.tracks.push({ ...d.tracks[0] }),
      "tracks[3].key",
      'duplicate track key "ic" (also tracks[0])',
    ],
    [
      "levels",
      "level",
      (d: any) => d.levels.push({ ...d.levels[0], rank: 9 }),
      "levels[4].key",
      'duplicate level key "css1" (also levels[0])',
    ],
    [
      "roles",
      "role",
      (d: any) => d.roles.push({ ...d.roles[0] }),
      "roles[1].key",
      'duplicate role key "product-liaison" (also roles[0])',
    ],
    [
      "competencies",
      "competency",
      (d: any) => d.competencies.push({ ...d.competencies[1] }),
      "competencies[3].key",
      'duplicate competency key "troubleshooting" (also competencies[1])',
    ],
    [
      "scale",
      "scale step",
      (d: any) => d.scale.push({ ...d.scale[3] }),
      "scale[4].key",
      'duplicate scale step key "expert" (also scale[3])',
    ],
  ])("refuses duplicate %s keys", (_, __, change, path, message) => {
    expect(checkLadder(withLadder(change))).toEqual([{ path, message }])
  })

  it("refuses a level on an unknown track", () => {
    expect(checkLadder(withLadder((d) => (d.levels[2].track = "mgmt")))).toEqual([
      { path: "levels[2].track", message: 'unknown track "mgmt" (known: ic, management, specialist)' },
    ])
  })

  it("refuses two levels with one rank on a track, and allows one rank on different tracks", () => {
    expect(checkLadder(withLadder((d) => (d.levels[1].rank = 1)))).toEqual([
      { path: "levels[1].rank", message: 'rank 1 on track "ic" is already taken by level "css1"' },
    ])
    // css1, support-lead and tse1 all have rank 1, on three tracks.
    expect(supportLadder.levels.filter((l) => l.rank === 1)).toHaveLength(3)
  })

  it("refuses a role whose key is a level's", () => {
    expect(checkLadder(withLadder((d) => (d.roles[0].key = "css2")))).toEqual([
      { path: "roles[0].key", message: '"css2" is already the key of a level' },
      {
        path: "transitions[3].to",
        message: 'unknown level or role "product-liaison" (known: css1, css2, support-lead, tse1)',
      },
    ])
  })

  it("refuses transitions from or to something that is neither a level nor a role", () => {
    const known = "known: css1, css2, support-lead, tse1, product-liaison"
    expect(
      checkLadder(
        withLadder((d) => {
          d.transitions[0].from = "css0"
          d.transitions[1].to = "director"
        }),
      ),
    ).toEqual([
      { path: "transitions[0].from", message: `unknown level or role "css0" (${known})` },
      { path: "transitions[1].to", message: `unknown level or role "director" (${known})` },
    ])
  })

  it("wants exactly one of to and department", () => {
    expect(
      checkLadder(
        withLadder((d) => {
          d.transitions[0].department = "Sales"
          delete d.transitions[4].department
        }),
      ),
    ).toEqual([
      { path: "transitions[0]", message: "expected exactly one of to and department, got both" },
      { path: "transitions[4]", message: "expected exactly one of to and department, got neither" },
    ])
  })

  it("wants a department for an exit and for nothing else", () => {
    expect(
      checkLadder(
        withLadder((d) => {
          d.transitions[0].kind = "exit"
          d.transitions[4].kind = "lateral"
        }),
      ),
    ).toEqual([
      { path: "transitions[0].to", message: "an exit leads out of the ladder: expected a department instead of to" },
      {
        path: "transitions[4].department",
        message: "only an exit leads to a department, this transition is a lateral",
      },
    ])
  })

  it("refuses matrix rows of unknown levels, unknown competencies and unknown scale steps", () => {
    const problems = checkLadder(
      withLadder((d) => {
        d.matrix.css9 = { communication: { expected: "aware", behaviours: [] } }
        d.matrix.css1.empathy = { expected: "aware", behaviours: [] }
        d.matrix.css2.coaching.expected = "master"
      }),
    )
    expect(problems).toEqual([
      {
        path: "matrix.css1.empathy",
        message: 'unknown competency "empathy" (known: communication, troubleshooting, coaching)',
      },
      {
        path: "matrix.css2.coaching.expected",
        message: 'unknown scale step "master" (known: aware, practising, proficient, expert)',
      },
      { path: "matrix.css9", message: 'unknown level "css9" (known: css1, css2, support-lead, tse1)' },
    ])
  })

  it("knows the competencies and the scale of the base ladder", () => {
    const derived = withLadder((d) => {
      d.key = "derived"
      d.extends = "base"
      d.scale = []
      d.competencies = []
      d.matrix = { css1: { empathy: { expected: "master", behaviours: [] } } }
    })
    expect(checkLadder(derived, base)).toEqual([])
    // Its own scale replaces the base's.
    const ownScale = { ...derived, scale: supportLadder.scale }
    expect(checkLadder(ownScale, base)).toEqual([
      {
        path: "matrix.css1.empathy.expected",
        message: 'unknown scale step "master" (known: aware, practising, proficient, expert)',
      },
    ])
    // Without the base at hand, what only the base could tell is not checked.
    expect(checkLadder(derived)).toEqual([])
  })

  it("wants the targets of competency changes to exist, not their sources", () => {
    const problems = checkLadder(
      withLadder((d) => {
        d.changes = [
          { rename: { from: "talking", to: "communication" } },
          { rename: { from: "writing", to: "writing-well" } },
          { split: { from: "tech", into: ["troubleshooting", "debugging"] } },
          { merge: { from: ["coaching", "mentoring"], into: "growing-others" } },
        ]
      }),
    )
    const known = "known: communication, troubleshooting, coaching"
    expect(problems).toEqual([
      { path: "changes[1].rename.to", message: `unknown competency "writing-well" (${known})` },
      { path: "changes[2].split.into[1]", message: `unknown competency "debugging" (${known})` },
      { path: "changes[3].merge.into", message: `unknown competency "growing-others" (${known})` },
    ])
  })

  it("wants a scale of two steps or more unless the ladder extends another", () => {
    expect(checkLadder(withLadder((d) => (d.scale = [d.scale[0]])))).toContainEqual({
      path: "scale",
      message: "a ladder without extends needs a scale of at least 2 steps, got 1",
    })
    expect(checkLadder(withLadder((d) => (d.scale = []))).filter((p) => p.path === "scale")).toEqual([
      { path: "scale", message: "a ladder without extends needs a scale of at least 2 steps, got 0" },
    ])
  })

  it("refuses a ladder that extends itself", () => {
    expect(checkLadder(withLadder((d) => (d.extends = "support")))).toEqual([
      { path: "extends", message: 'a ladder cannot extend itself ("support")' },
    ])
  })

  it("reports every problem at once, in the order of the document", () => {
    const problems = checkLadder(
      withLadder((d) => {
        d.tracks.push({ ...d.tracks[0] })
        d.levels[2].track = "mgmt"
        d.transitions[0].to = "nowhere"
        d.matrix.css1.communication.expected = "guru"
      }),
    )
    expect(problems.map((p) => p.path)).toEqual([
      "tracks[3].key",
      "levels[2].track",
      "transitions[0].to",
      "matrix.css1.communication.expected",
    ])
  })
})

describe("ladderWarnings", () => {
  it("warns about a level whose only way up is management", () => {
    expect(ladderWarnings(supportLadder)).toEqual(["from css2 the only way up is management (support-lead)"])
  })

  it("does not warn when another way up exists, or when there is no way up at all", () => {
    const css3 = {
      ...supportLadder.levels[1],
      key: "css3",
      rank: 3,
    }
    expect(ladderWarnings(withLadder((d) => d.levels.push(css3)))).toEqual([])
    const toSpecialist = { from: "css2", to: "tse1", kind: "promotion", takes: "Depth." }
    expect(ladderWarnings(withLadder((d) => d.transitions.push(toSpecialist)))).toEqual([])
    expect(ladderWarnings(withLadder((d) => (d.transitions = d.transitions.slice(0, 1))))).toEqual([])
  })

  it("counts the next rank of the level's own track, and only promotions among transitions", () => {
    const doc = withLadder((d) => {
      // tse1 -> tse2 is a way up on the specialist track; a lateral move to management is not.
      d.levels.push({ ...d.levels[3], key: "tse2", rank: 2 })
      d.transitions.push({ from: "tse1", to: "support-lead", kind: "lateral", takes: "Interest." })
      // Both ways up from tse2 lead to management.
      d.levels.push({ ...d.levels[2], key: "support-manager", rank: 2 })
      d.transitions.push({ from: "tse2", to: "support-lead", kind: "promotion", takes: "Interest." })
      d.transitions.push({ from: "tse2", to: "support-manager", kind: "promotion", takes: "Interest." })
    })
    expect(ladderWarnings(doc)).toEqual([
      "from css2 the only way up is management (support-lead)",
      "from tse2 the only way up is management (support-lead, support-manager)",
    ])
  })
})
