import { type Builder, batchedConnection, type RequestContext, type SchemaKit } from "@teamops/core"
import { type Person, PersonRef, personLoader, TeamRef, teamLoader } from "@teamops/org"
import { Effect } from "effect"
import type { AreaWork, Contribution, Ownership, PersonArea } from "../Area.js"
import {
  areaLoader,
  contributionHistoryLoader,
  contributorsLoader,
  ownershipHistoryLoader,
  ownershipLoader,
} from "../AreaLoaders.js"
import { AreaRepo } from "../AreaRepo.js"
import type { CategoryEntry } from "../Categories.js"
import { AreaRef } from "./refs.js"

/** The `Area` node and the types of its owners, contributors and work. */
export const areaTypes = (builder: Builder, { invariant }: SchemaKit) => {
  const personOf = async (context: RequestContext, personId: string, of: string): Promise<Person> =>
    (await personLoader(context).load(personId)) ?? invariant(`person ${personId} of ${of} is missing`)

  const AreaStatusEnum = builder.enumType("AreaStatus", {
    description: "An active area is looked after; a retired one keeps its history and leaves every health figure.",
    values: { ACTIVE: { value: "active" }, RETIRED: { value: "retired" } } as const,
  })
  const AreaRoleEnum = builder.enumType("AreaRole", {
    values: { OWNER: { value: "owner" }, CONTRIBUTOR: { value: "contributor" } } as const,
  })

  const OwnershipType = builder.objectRef<Ownership>("AreaOwnership").implement({
    description: "One person's ownership of an area, begun by a handover with a note.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (o, _, c) => personOf(c, o.personId, `ownership ${o.id}`) }),
      startedAt: t.exposeString("startedAt"),
      endedAt: t.exposeString("endedAt", { nullable: true, description: "Null while it lasts." }),
      note: t.exposeString("note", { description: "The note of the handover that began it." }),
    }),
  })
  const ContributionType = builder.objectRef<Contribution>("AreaContribution").implement({
    description: "Someone helping in an area for some hours a week, without owning it.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (o, _, c) => personOf(c, o.personId, `contribution ${o.id}`) }),
      weeklyHours: t.exposeFloat("weeklyHours"),
      startedAt: t.exposeString("startedAt"),
      endedAt: t.exposeString("endedAt", { nullable: true }),
    }),
  })
  const WorkType = builder.objectRef<AreaWork>("AreaWork").implement({
    description: "Work done in an area: evidence for every competency the area exercises.",
    fields: (t) => ({
      person: t.field({ type: PersonRef, resolve: (w, _, c) => personOf(c, w.personId, `work ${w.id}`) }),
      date: t.exposeString("date", { description: "YYYY-MM-DD: when the work was done." }),
      text: t.exposeString("text"),
      url: t.exposeString("url", { nullable: true }),
      recordedAt: t.exposeString("recordedAt"),
    }),
  })

  builder.node(AreaRef, {
    description: "An area of responsibility: one owner, with the autonomy its decisions say, and its contributors.",
    id: { resolve: (area) => area.id },
    loadOne: (id, context) => areaLoader(context).load(id),
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      purpose: t.exposeString("purpose", { description: "Why the area exists." }),
      team: t.field({
        type: TeamRef,
        resolve: async (area, _, c) =>
          (await teamLoader(c).load(area.teamId)) ?? invariant(`team ${area.teamId} of area ${area.key} is missing`),
      }),
      category: t.exposeString("category"),
      weeklyHours: t.exposeFloat("weeklyHours", { description: "The hours a week expected of its owner." }),
      decisions: t.exposeStringList("decisions", { description: "What the owner decides alone." }),
      competencies: t.exposeStringList("competencies", {
        description: "Keys of the competencies the area exercises; work in it is evidence for each.",
      }),
      reviewEveryDays: t.exposeInt("reviewEveryDays"),
      status: t.field({ type: AreaStatusEnum, resolve: (area) => area.status }),
      createdAt: t.exposeString("createdAt"),
      retiredAt: t.exposeString("retiredAt", { nullable: true }),
      owner: t.field({
        type: PersonRef,
        nullable: true,
        description: "The recorded owner, even when they have left; null for an area without one.",
        resolve: async (area, _, c) => {
          const ownership = await ownershipLoader(c).load(area.id)
          return ownership === null ? null : personOf(c, ownership.personId, `area ${area.key}`)
        },
      }),
      ownership: t.field({
        type: OwnershipType,
        nullable: true,
        description: "The current ownership, with its start and handover note.",
        resolve: (area, _, c) => ownershipLoader(c).load(area.id),
      }),
      contributors: t.field({ type: [ContributionType], resolve: (area, _, c) => contributorsLoader(c).load(area.id) }),
      history: t.field({
        type: [OwnershipType],
        description: "Every ownership, oldest first: who owned the area, when, and the notes of the handovers.",
        resolve: (area, _, c) => ownershipHistoryLoader(c).load(area.id),
      }),
      contributorHistory: t.field({
        type: [ContributionType],
        description: "Every contribution, oldest first.",
        resolve: (area, _, c) => contributionHistoryLoader(c).load(area.id),
      }),
      work: t.connection({
        type: WorkType,
        description: "The work recorded in the area, latest first.",
        resolve: (area, args, context) =>
          batchedConnection(context, area.id, args, {
            owner: "aor",
            name: "work",
            page: (ids, page) => Effect.flatMap(AreaRepo, (r) => r.workOf(ids, page)),
            counts: (ids) => Effect.flatMap(AreaRepo, (r) => r.workCounts(ids)),
            parentOf: (w) => w.areaId,
            cursorOf: (w) => [w.date, w.id],
          }),
      }),
    }),
  })

  const PersonAreaType = builder.objectRef<PersonArea>("PersonArea").implement({
    description: "An area a person owns or contributes to now, with the hours a week it takes them.",
    fields: (t) => ({
      area: t.field({ type: AreaRef, resolve: (a) => a.area }),
      role: t.field({ type: AreaRoleEnum, resolve: (a) => a.role }),
      weeklyHours: t.exposeFloat("weeklyHours"),
      since: t.exposeString("since"),
    }),
  })

  const CategoryType = builder.objectRef<CategoryEntry>("AreaCategory").implement({
    description: "A kind of area, with the competencies such work usually grows.",
    fields: (t) => ({
      key: t.exposeString("key"),
      name: t.exposeString("name"),
      description: t.exposeString("description"),
      suggestedCompetencies: t.exposeStringList("suggestedCompetencies"),
      contributedBy: t.exposeString("contributedBy"),
    }),
  })

  return { AreaStatusEnum, PersonAreaType, CategoryType }
}
