import type { Effect } from "effect"
import type { Access } from "./Access.js"

/**
 * A question a plugin adds to the access rules about a thing of its own: is the caller the
 * owner of this deal, may they change this area. A field or route asks it with `ask(param)`
 * in its `authScopes` (`{ ...ownsDeal.ask(deal.id), manages: deal.ownerId }`), and resolvers
 * with `context.access.allows(ownsDeal.ask(id))`. The check runs on the host runtime with the
 * declaring plugin's services; a check that fails refuses, and is logged.
 */
export interface AccessRule<P = any> {
  /** Lower camel; shown as `<plugin id>.<name>` in logs. */
  readonly name: string
  readonly check: (param: P, caller: Access) => Effect.Effect<boolean, unknown, any>
  /** The `authScopes` entry asking this rule about `param`. */
  readonly ask: (param: P) => { readonly rule: RuleQuestion }
}

/** One asking of a rule: the rule and what it is asked about. */
export interface RuleQuestion {
  readonly rule: AccessRule
  readonly param: unknown
}

/** Declares a rule; list it in the plugin's `access` so that the host answers it. */
export const accessRule = <P, R = never>(
  name: string,
  check: (param: P, caller: Access) => Effect.Effect<boolean, unknown, R>,
): AccessRule<P> => {
  const rule: AccessRule<P> = { name, check, ask: (param) => ({ rule: { rule, param } }) }
  return rule
}
