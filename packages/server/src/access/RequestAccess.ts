import { type Access, Directory, makeAccess, type Principal, type Relations } from "@teamops/core"
import { Effect, Option } from "effect"
import type { Host } from "../Host.js"
import { pluginRules } from "./PluginRules.js"

const once = <A>(load: () => Promise<A>) => {
  let loaded: Promise<A> | undefined
  return () => {
    loaded ??= load()
    return loaded
  }
}

/**
 * The access rules for one request's caller. What they need from the organisation (the
 * caller's reports, teams and email) is read through the `Directory` at most once a request,
 * and only if a rule asks; the plugins' own rules are answered with their services.
 */
export const requestAccess = (host: Host, viewer: Principal): Access => {
  const { runtime } = host
  if (viewer.kind !== "person") return makeAccess(viewer, undefined, pluginRules(host))
  const ask = <A>(question: (directory: Directory["Type"]) => Effect.Effect<A, unknown>, none: A) =>
    once(() =>
      runtime.runPromise(
        Effect.flatMap(Effect.serviceOption(Directory), (directory) =>
          Option.isSome(directory) ? question(directory.value) : Effect.succeed(none),
        ) as Effect.Effect<A>,
      ),
    )
  const reports = ask((d) => d.reportsOf(viewer.personId), new Set<string>() as ReadonlySet<string>)
  const relations: Relations = {
    reports,
    teams: once(async () => {
      const below = await reports()
      return ask((d) => d.teamsOf([viewer.personId, ...below]), new Set<string>() as ReadonlySet<string>)()
    }),
    managedTeams: once(async () => {
      const below = await reports()
      return ask((d) => d.teamsOf([...below]), new Set<string>() as ReadonlySet<string>)()
    }),
    email: ask((d) => Effect.map(d.byId(viewer.personId), (p) => p?.email), undefined as string | undefined),
  }
  return makeAccess(viewer, relations, pluginRules(host))
}
