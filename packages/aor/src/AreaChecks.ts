import type { CategoryEntry } from "./Categories.js"

// What an area may name: a category some plugin contributed, and competencies of the
// catalog. Each check answers the problem in words, or undefined; the callers say where it is
// (`input.category` of a mutation, `areas[2].category` of an areas file).

/** The problem of a category no plugin contributed. */
export const categoryProblem = (categories: ReadonlyArray<CategoryEntry>, category: string) =>
  categories.some((c) => c.key === category)
    ? undefined
    : `unknown category "${category}" (known: ${categories.map((c) => c.key).join(", ") || "none"})`

/** The problem of competency keys the catalog (`known`) lacks. */
export const competenciesProblem = (known: ReadonlyArray<{ readonly key: string }>, keys: ReadonlyArray<string>) => {
  const knownKeys = new Set(known.map((c) => c.key))
  const unknown = keys.filter((key) => !knownKeys.has(key))
  return unknown.length === 0 ? undefined : `unknown competencies ${unknown.map((key) => `"${key}"`).join(", ")}`
}

/** The problem of a team key that names no team. */
export const teamProblem = (teamKey: string) => `no team with key "${teamKey}"`
