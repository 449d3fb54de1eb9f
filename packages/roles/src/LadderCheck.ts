import type { LadderDocument } from "./Ladder.js"

/**
 * The rules a ladder must keep beyond the shape its schema decodes: keys that refer to
 * each other, ranks, transitions, the matrix. Every problem is reported, not the first.
 */

/** One broken rule: where (`levels[2].track`) and what, in plain words. */
export interface LadderProblem {
  readonly path: string
  readonly message: string
}

const known = (keys: ReadonlyArray<string>) => (keys.length === 0 ? "none" : keys.join(", "))

const unique = (keys: ReadonlyArray<string>) => [...new Set(keys)]

/** `unknown track "mgmt" (known: ic, management)` */
const unknown = (what: string, key: string, keys: ReadonlyArray<string>) =>
  `unknown ${what} ${JSON.stringify(key)} (known: ${known(unique(keys))})`

/** The scale a version reads its steps from: its own, or its base's when it has none. */
export const scaleOf = (doc: LadderDocument, base?: LadderDocument) =>
  doc.scale.length > 0 || base === undefined ? doc.scale : base.scale

/** The competencies a version may refer to: its own and its base's. */
export const competencyKeysOf = (doc: LadderDocument, base?: LadderDocument) =>
  unique([...doc.competencies.map((c) => c.key), ...(base?.competencies.map((c) => c.key) ?? [])])

const duplicates = (
  list: ReadonlyArray<{ readonly key: string }>,
  at: string,
  what: string,
  problems: Array<LadderProblem>,
) => {
  const first = new Map<string, number>()
  list.forEach(({ key }, index) => {
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, index)
    else
      problems.push({ path: `${at}[${index}].key`, message: `duplicate ${what} key "${key}" (also ${at}[${earlier}])` })
  })
}

/**
 * Checks a decoded ladder document. `base` is the effective document of the ladder it
 * extends; when `doc.extends` is set but no base is given, the rules that need the base
 * (competency and scale step references) are skipped.
 */
export const checkLadder = (doc: LadderDocument, base?: LadderDocument): ReadonlyArray<LadderProblem> => {
  const problems: Array<LadderProblem> = []
  const baseUnknown = doc.extends !== undefined && base === undefined

  duplicates(doc.tracks, "tracks", "track", problems)
  duplicates(doc.levels, "levels", "level", problems)
  duplicates(doc.roles, "roles", "role", problems)
  duplicates(doc.competencies, "competencies", "competency", problems)
  duplicates(doc.scale, "scale", "scale step", problems)

  if (doc.extends !== undefined && doc.extends === doc.key) {
    problems.push({ path: "extends", message: `a ladder cannot extend itself ("${doc.key}")` })
  }
  if (doc.extends === undefined && doc.scale.length < 2) {
    problems.push({
      path: "scale",
      message: `a ladder without extends needs a scale of at least 2 steps, got ${doc.scale.length}`,
    })
  }

  const trackKeys = doc.tracks.map((t) => t.key)
  const levelKeys = doc.levels.map((l) => l.key)
  const levelSet = new Set(levelKeys)
  const ranks = new Map<string, string>()
  doc.levels.forEach((level, index) => {
    if (!trackKeys.includes(level.track)) {
      problems.push({ path: `levels[${index}].track`, message: unknown("track", level.track, trackKeys) })
    }
    const slot = `${level.track}#${level.rank}`
    const holder = ranks.get(slot)
    if (holder === undefined) ranks.set(slot, level.key)
    else {
      problems.push({
        path: `levels[${index}].rank`,
        message: `rank ${level.rank} on track "${level.track}" is already taken by level "${holder}"`,
      })
    }
  })

  doc.roles.forEach((role, index) => {
    if (levelSet.has(role.key)) {
      problems.push({ path: `roles[${index}].key`, message: `"${role.key}" is already the key of a level` })
    }
  })

  const stations = [...levelKeys, ...doc.roles.map((r) => r.key)]
  doc.transitions.forEach((move, index) => {
    const at = `transitions[${index}]`
    if (!stations.includes(move.from)) {
      problems.push({ path: `${at}.from`, message: unknown("level or role", move.from, stations) })
    }
    if (move.to !== undefined && !stations.includes(move.to)) {
      problems.push({ path: `${at}.to`, message: unknown("level or role", move.to, stations) })
    }
    if (move.to !== undefined && move.department !== undefined) {
      problems.push({ path: at, message: "expected exactly one of to and department, got both" })
    } else if (move.to === undefined && move.department === undefined) {
      problems.push({ path: at, message: "expected exactly one of to and department, got neither" })
    } else if (move.kind === "exit" && move.to !== undefined) {
      problems.push({
        path: `${at}.to`,
        message: "an exit leads out of the ladder: expected a department instead of to",
      })
    } else if (move.kind !== "exit" && move.department !== undefined) {
      problems.push({
        path: `${at}.department`,
        message: `only an exit leads to a department, this transition is a ${move.kind}`,
      })
    }
  })

  const competencyKeys = competencyKeysOf(doc, base)
  const stepKeys = scaleOf(doc, base).map((s) => s.key)
  const competencyKnown = (key: string) => baseUnknown || competencyKeys.includes(key)
  for (const [levelKey, entries] of Object.entries(doc.matrix)) {
    if (!levelSet.has(levelKey)) {
      problems.push({ path: `matrix.${levelKey}`, message: unknown("level", levelKey, levelKeys) })
    }
    for (const [competencyKey, entry] of Object.entries(entries)) {
      const at = `matrix.${levelKey}.${competencyKey}`
      if (!competencyKnown(competencyKey)) {
        problems.push({ path: at, message: unknown("competency", competencyKey, competencyKeys) })
      }
      if (!(baseUnknown && doc.scale.length === 0) && !stepKeys.includes(entry.expected)) {
        problems.push({ path: `${at}.expected`, message: unknown("scale step", entry.expected, stepKeys) })
      }
    }
  }

  const target = (path: string, key: string) => {
    if (!competencyKnown(key)) problems.push({ path, message: unknown("competency", key, competencyKeys) })
  }
  doc.changes.forEach((change, index) => {
    const at = `changes[${index}]`
    if ("rename" in change) target(`${at}.rename.to`, change.rename.to)
    else if ("split" in change) {
      change.split.into.forEach((key, i) => {
        target(`${at}.split.into[${i}]`, key)
      })
    } else if ("merge" in change) target(`${at}.merge.into`, change.merge.into)
    else if (competencyKeys.includes(change.remove)) {
      problems.push({
        path: `${at}.remove`,
        message: `competency "${change.remove}" is removed but still in the ladder`,
      })
    }
  })

  return problems
}

/**
 * Levels from which every way up leads into management: a warning each, in plain words.
 * The ways up from a level are its promotion transitions and, on a track that is not a
 * management track, the next rank of its own track. Levels on a management track are not
 * warned about (moving up there is management by design).
 */
export const ladderWarnings = (doc: LadderDocument): ReadonlyArray<string> => {
  const trackKind = new Map(doc.tracks.map((t) => [t.key, t.kind]))
  const levels = new Map(doc.levels.map((l) => [l.key, l]))
  const isManagement = (key: string) => {
    const level = levels.get(key)
    return level !== undefined && trackKind.get(level.track) === "management"
  }
  const warnings: Array<string> = []
  for (const level of doc.levels) {
    if (trackKind.get(level.track) === "management") continue
    const next = doc.levels
      .filter((l) => l.track === level.track && l.rank > level.rank)
      .sort((a, b) => a.rank - b.rank)[0]
    const up = unique([
      ...(next === undefined ? [] : [next.key]),
      ...doc.transitions
        .filter((t) => t.from === level.key && t.kind === "promotion" && t.to !== undefined)
        .map((t) => t.to as string),
    ])
    if (up.length > 0 && up.every(isManagement)) {
      warnings.push(`from ${level.key} the only way up is management (${up.join(", ")})`)
    }
  }
  return warnings
}
