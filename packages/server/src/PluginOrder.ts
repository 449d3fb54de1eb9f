/// <reference path="./semver.d.ts" />
import type { Plugin } from "@teamops/core"
import { isKey } from "@teamops/core"
import { satisfies, validRange } from "semver"

/** Why a plugin was left out of the boot. */
export interface Problem {
  readonly pluginId: string
  readonly message: string
}

/** The boot order, and the optional plugins left out (with their dependants). */
export interface Order {
  readonly plugins: ReadonlyArray<Plugin<any>>
  readonly leftOut: ReadonlyArray<Problem>
}

const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

const manifestProblem = (plugin: Plugin<any>): string | undefined => {
  if (typeof plugin.id !== "string" || !isKey(plugin.id)) {
    return `plugin ${JSON.stringify(plugin.id)}: id must be lower-kebab-case, such as "acme-sales"`
  }
  if (typeof plugin.version !== "string" || !semver.test(plugin.version)) {
    return `plugin "${plugin.id}": version ${JSON.stringify(plugin.version)} is not a semantic version such as "1.2.0"`
  }
  const self = plugin.dependsOn.find((dep) => dep === plugin.id)
  if (self !== undefined) return `plugin "${plugin.id}" depends on itself`
  return rangeProblem(plugin)
}

/** A plugin made by a `definePlugin` older than version ranges has none: any version will do. */
const rangesOf = (plugin: Plugin<any>): Readonly<Record<string, string>> => plugin.dependencyRanges ?? {}

/** A range that cannot be read would otherwise match nothing and read as a version mismatch. */
const rangeProblem = (plugin: Plugin<any>): string | undefined => {
  for (const [dep, range] of Object.entries(rangesOf(plugin))) {
    if (typeof range !== "string" || validRange(range) === null) {
      return `plugin "${plugin.id}": dependency "${dep}" has version ${JSON.stringify(range)}, which is not a version range such as "^1.2.0"`
    }
  }
  return undefined
}

/** Why `plugin` cannot boot with the plugins still in `byId`: a dependency absent, left out, or of the wrong version. */
const dependencyProblem = (
  plugin: Plugin<any>,
  byId: ReadonlyMap<string, Plugin<any>>,
  leftOut: ReadonlyArray<Problem>,
): { readonly message: string; readonly gone: boolean } | undefined => {
  for (const dep of plugin.dependsOn) {
    const loaded = byId.get(dep)
    if (loaded === undefined) {
      const gone = leftOut.some((p) => p.pluginId === dep)
      const why = gone ? "which was left out" : "which is not loaded"
      return { message: `plugin "${plugin.id}" depends on "${dep}", ${why}`, gone }
    }
    const range = rangesOf(plugin)[dep]
    if (range !== undefined && !satisfies(loaded.version, range)) {
      return { message: `plugin "${plugin.id}" needs "${dep}" ${range}, and ${loaded.version} is loaded`, gone: false }
    }
  }
  return undefined
}

/** Finds one dependency cycle among `ids` (all of which are in cycles or wait on one). */
const cycleAmong = (ids: ReadonlyArray<string>, byId: ReadonlyMap<string, Plugin<any>>): Array<string> => {
  const start = [...ids].sort()[0] as string
  const path: Array<string> = []
  let at = start
  while (!path.includes(at)) {
    path.push(at)
    at = (byId.get(at)?.dependsOn ?? []).filter((dep) => ids.includes(dep)).sort()[0] as string
  }
  return [...path.slice(path.indexOf(at)), at]
}

/**
 * Validates the manifests and orders the plugins so that each boots after what it depends
 * on, ties broken by id, each dependency at a version in the range asked for. A problem
 * with a plugin fails the boot unless the plugin is optional, in which case it and every
 * plugin that depends on it are left out.
 */
export const orderPlugins = (
  plugins: ReadonlyArray<Plugin<any>>,
  optional: ReadonlySet<string>,
): { readonly _tag: "Ordered"; readonly order: Order } | { readonly _tag: "Refused"; readonly problem: Problem } => {
  const leftOut: Array<Problem> = []
  const byId = new Map<string, Plugin<any>>()
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) {
      return { _tag: "Refused", problem: { pluginId: plugin.id, message: `plugin "${plugin.id}" is registered twice` } }
    }
    byId.set(plugin.id, plugin)
  }
  const refuseOrLeaveOut = (pluginId: string, message: string) => {
    if (!optional.has(pluginId)) return { _tag: "Refused" as const, problem: { pluginId, message } }
    leftOut.push({ pluginId, message })
    byId.delete(pluginId)
    return undefined
  }
  for (const plugin of plugins) {
    const problem = manifestProblem(plugin)
    const refused = problem === undefined ? undefined : refuseOrLeaveOut(plugin.id, problem)
    if (refused) return refused
  }
  // Leaving a plugin out can strand its dependants: repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false
    for (const plugin of [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      const problem = dependencyProblem(plugin, byId, leftOut)
      if (problem === undefined) continue
      const { message, gone } = problem
      if (gone) {
        // The dependants of a plugin left out are left out too, optional or not (as when it fails later in the boot).
        leftOut.push({ pluginId: plugin.id, message })
        byId.delete(plugin.id)
      } else {
        const refused = refuseOrLeaveOut(plugin.id, message)
        if (refused) return refused
      }
      changed = true
    }
  }
  const ordered: Array<Plugin<any>> = []
  const placed = new Set<string>()
  const waiting = new Set(byId.keys())
  while (waiting.size > 0) {
    const ready = [...waiting].filter((id) => (byId.get(id)?.dependsOn ?? []).every((dep) => placed.has(dep))).sort()[0]
    if (ready === undefined) {
      const cycle = cycleAmong([...waiting], byId)
      return {
        _tag: "Refused",
        problem: {
          pluginId: cycle[0] as string,
          message: `plugins form a dependency cycle: ${cycle.map((id) => `"${id}"`).join(" -> ")}`,
        },
      }
    }
    ordered.push(byId.get(ready) as Plugin<any>)
    placed.add(ready)
    waiting.delete(ready)
  }
  return { _tag: "Ordered", order: { plugins: ordered, leftOut } }
}
