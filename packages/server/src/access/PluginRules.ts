import { type AccessRule, type Plugin, PluginError, type RuleAnswers } from "@teamops/core"
import { Cause, Effect, Exit } from "effect"
import type { Host } from "../Host.js"

/** Refuses a rule name that is not lower camel, or two rules of a plugin with one name. */
export const checkRules = (plugin: Plugin<any>) => {
  const seen = new Set<string>()
  for (const { name } of plugin.access ?? []) {
    const where = `plugin "${plugin.id}": access rule "${name}"`
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name))
      return new PluginError({ pluginId: plugin.id, message: `${where}: expected a lower camel name` })
    if (seen.has(name)) return new PluginError({ pluginId: plugin.id, message: `${where}: another rule has this name` })
    seen.add(name)
  }
  return Effect.void
}

/**
 * The answers to the booted plugins' rules: each check runs on the host runtime with its
 * plugin's services. A rule that no booted plugin declares, or a check that fails, refuses:
 * a broken rule must not let anyone in.
 */
const answersOf = ({ runtime, booted }: Host): RuleAnswers => {
  const owners = new Map<AccessRule, string>(booted.flatMap((p) => (p.access ?? []).map((r) => [r, p.id] as const)))
  return async ({ rule, param }, caller) => {
    const owner = owners.get(rule)
    const name = owner === undefined ? rule.name : `${owner}.${rule.name}`
    const exit =
      owner === undefined
        ? Exit.fail(`access rule ${rule.name} is not declared by a booted plugin`)
        : await runtime.runPromiseExit(
            rule
              .check(param, caller)
              .pipe(
                Effect.withSpan(`access.${name}`, { captureStackTrace: false }),
                Effect.annotateLogs("plugin", owner),
              ),
          )
    if (Exit.isSuccess(exit)) return exit.value
    await runtime.runPromise(Effect.logError(`access rule ${name} failed, so it refused`, Cause.pretty(exit.cause)))
    return false
  }
}

const made = new WeakMap<Host, RuleAnswers>()

/** The answers to the rules of `host`'s booted plugins, made once per host. */
export const pluginRules = (host: Host): RuleAnswers => {
  let answers = made.get(host)
  if (answers === undefined) {
    answers = answersOf(host)
    made.set(host, answers)
  }
  return answers
}
