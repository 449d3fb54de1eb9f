import type { Builder, RequestContext } from "@teamops/core"
import { type Person, PersonRef } from "@teamops/org"
import type {
  AreaHealth,
  AreaLoad,
  CrowdedArea,
  NewcomerWithArea,
  OrphanedArea,
  OverloadedPerson,
  PersonWithoutArea,
  StaleArea,
} from "../AreaHealth.js"
import { AreaRef } from "./refs.js"

/**
 * People's hours are theirs and their managers': the person, anyone above them and admins
 * see an entry that shows them; anyone else reads the report without it.
 */
const visible = async <T extends { readonly person: Person }>(context: RequestContext, entries: ReadonlyArray<T>) => {
  const seen = await Promise.all(entries.map((e) => context.access.allows({ careerOf: e.person.id })))
  return entries.filter((_, i) => seen[i])
}

/** The `AreaHealth` report: each rule a field, with the areas or people concerned and why. */
export const healthTypes = (builder: Builder) => {
  const Orphaned = builder.objectRef<OrphanedArea>("OrphanedArea").implement({
    fields: (t) => ({ area: t.field({ type: AreaRef, resolve: (e) => e.area }), reason: t.exposeString("reason") }),
  })
  const Overloaded = builder.objectRef<OverloadedPerson>("OverloadedPerson").implement({
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (e) => e.person }),
      hours: t.exposeFloat("hours", { description: "Owned plus contributed hours a week." }),
      allowance: t.exposeFloat("allowance", { description: "The hours a week areas may take of them." }),
      reason: t.exposeString("reason"),
    }),
  })
  const Crowded = builder.objectRef<CrowdedArea>("CrowdedArea").implement({
    fields: (t) => ({
      area: t.field({ type: AreaRef, resolve: (e) => e.area }),
      contributors: t.exposeInt("contributors"),
      reason: t.exposeString("reason"),
    }),
  })
  const Stale = builder.objectRef<StaleArea>("StaleArea").implement({
    fields: (t) => ({
      area: t.field({ type: AreaRef, resolve: (e) => e.area }),
      lastLookedAfter: t.exposeString("lastLookedAfter", {
        description: "The latest of its creation, recorded work and confirmation.",
      }),
      reason: t.exposeString("reason"),
    }),
  })
  const Without = builder.objectRef<PersonWithoutArea>("PersonWithoutArea").implement({
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (e) => e.person }),
      tenureDays: t.exposeInt("tenureDays"),
      reason: t.exposeString("reason"),
    }),
  })
  const Newcomer = builder.objectRef<NewcomerWithArea>("NewcomerWithArea").implement({
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (e) => e.person }),
      areas: t.field({ type: [AreaRef], resolve: (e) => [...e.areas] }),
      tenureDays: t.exposeInt("tenureDays"),
      reason: t.exposeString("reason"),
    }),
  })
  const Load = builder.objectRef<AreaLoad>("AreaLoad").implement({
    description: "How much of a person's week areas take, and what stays for the frontline.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (e) => e.person }),
      areaHours: t.exposeFloat("areaHours"),
      workingHours: t.exposeFloat("workingHours"),
      frontlineShare: t.exposeFloat("frontlineShare", {
        nullable: true,
        description: "1 − area hours ÷ weekly working hours; null without working hours.",
      }),
    }),
  })

  return builder.objectRef<AreaHealth>("AreaHealth").implement({
    description:
      "What nobody looks after and who carries too much, as of an instant. Entries with a person's hours are shown to the person, their managers and admins.",
    fields: (t) => ({
      asOf: t.exposeString("asOf"),
      orphaned: t.field({
        type: [Orphaned],
        description: "Active areas with no owner, or whose owner has left or moved to another team.",
        resolve: (h) => [...h.orphaned],
      }),
      overloaded: t.field({
        type: [Overloaded],
        description: "People whose hours in areas exceed their allowance.",
        resolve: (h, _, c) => visible(c, h.overloaded),
      }),
      tooManyCooks: t.field({
        type: [Crowded],
        description: "Areas with more contributors than the limit.",
        resolve: (h) => [...h.tooManyCooks],
      }),
      stale: t.field({
        type: [Stale],
        description: "Areas with neither work nor a confirmation within their review period.",
        resolve: (h) => [...h.stale],
      }),
      withoutArea: t.field({
        type: [Without],
        description: "People past their first months who own or contribute to nothing.",
        resolve: (h) => [...h.withoutArea],
      }),
      tooEarly: t.field({
        type: [Newcomer],
        description: "People in their first months who already own an area.",
        resolve: (h) => [...h.tooEarly],
      }),
      people: t.field({
        type: [Load],
        description: "Each person's hours in areas and frontline share.",
        resolve: (h: AreaHealth, _, c) => visible(c, h.people),
      }),
    }),
  })
}
