import {
  type Builder,
  fieldError,
  GlobalId,
  InputError,
  listConnection,
  NotFoundError,
  type RequestContext,
  type SchemaKit,
} from "@teamops/core"
import { PersonRef, type Team, TeamRef, teamByKeyLoader } from "@teamops/org"
import { Effect, Either, Schema } from "effect"
import type { AreaFilter, AreaStatus } from "../Area.js"
import { areaByKeyLoader, loadHealth, personAreasLoader } from "../AreaLoaders.js"
import { AreaRepo } from "../AreaRepo.js"
import { AreaCategories } from "../Categories.js"
import type { healthTypes } from "./health.js"
import { AreaRef } from "./refs.js"
import type { areaTypes } from "./types.js"

/** When each request began: every `asOf` left out in one request is the same instant, read once. */
const requestNow = new WeakMap<RequestContext, string>()

const nowOf = (context: RequestContext) => {
  const known = requestNow.get(context)
  if (known !== undefined) return known
  const now = new Date().toISOString()
  requestNow.set(context, now)
  return now
}

/** `asOf` as an RFC 3339 instant, the request's now when left out; anything else is a field error naming it. */
const asOfOf = (asOf: string | null | undefined, context: RequestContext) => {
  if (asOf == null) return nowOf(context)
  const millis = Date.parse(asOf)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(asOf) || Number.isNaN(millis)) {
    throw fieldError(
      new InputError({
        path: ["asOf"],
        message: `expected an RFC 3339 instant such as "2026-03-29T09:00:00Z", got ${JSON.stringify(asOf)}`,
      }),
      "asOf",
    )
  }
  return new Date(millis).toISOString()
}

const decodePerson = Schema.decodeUnknownEither(GlobalId("Person"))

/** `areas`, `area`, `areaCategories`, `areaHealth`, and the area fields of `Person` and `Team`. */
export const areaQueries = (
  builder: Builder,
  { run }: SchemaKit,
  { AreaStatusEnum, PersonAreaType, CategoryType }: ReturnType<typeof areaTypes>,
  AreaHealthRef: ReturnType<typeof healthTypes>,
) => {
  builder.queryFields((t) => ({
    areas: t.connection({
      type: AreaRef,
      authScopes: { directory: true },
      description: "Areas ordered by key.",
      args: {
        teamKey: t.arg.string({ required: false }),
        status: t.arg({ type: AreaStatusEnum, required: false }),
        category: t.arg.string({ required: false }),
        ownerId: t.arg.id({ required: false }),
      },
      resolve: async (_, args, context) => {
        let teamId: string | undefined
        if (args.teamKey != null) {
          const team = await teamByKeyLoader(context).load(args.teamKey)
          if (team === null) {
            throw fieldError(
              new NotFoundError({ entity: "Team", key: args.teamKey, message: `no team with key "${args.teamKey}"` }),
              "teamKey",
            )
          }
          teamId = team.id
        }
        let ownerId: string | undefined
        if (args.ownerId != null) {
          const decoded = decodePerson(String(args.ownerId))
          if (Either.isLeft(decoded)) {
            throw fieldError(
              new InputError({
                path: ["ownerId"],
                message: `expected the id of a Person, got ${JSON.stringify(args.ownerId)}`,
              }),
            )
          }
          ownerId = decoded.right
        }
        const filter: AreaFilter = {
          teamId,
          status: (args.status ?? undefined) as AreaStatus | undefined,
          category: args.category ?? undefined,
          ownerId,
        }
        return listConnection(args, {
          list: (page) => run(Effect.flatMap(AreaRepo, (r) => r.list(page, filter))),
          count: () => run(Effect.flatMap(AreaRepo, (r) => r.count(filter))),
          cursorOf: (area) => [area.key],
        })
      },
    }),
    area: t.field({
      type: AreaRef,
      nullable: true,
      authScopes: { directory: true },
      args: { key: t.arg.string({ required: true }) },
      resolve: (_, { key }, context) => areaByKeyLoader(context).load(key),
    }),
    areaCategories: t.field({
      type: [CategoryType],
      authScopes: { directory: true },
      description: "The kinds of area plugins contributed, by key.",
      resolve: () => run(AreaCategories),
    }),
    areaHealth: t.field({
      type: AreaHealthRef,
      authScopes: { directory: true },
      description: "The health of the whole organisation's areas, as of `asOf` (default now).",
      args: { asOf: t.arg.string({ required: false, description: "RFC 3339 instant." }) },
      resolve: (_, { asOf }, context) => loadHealth(context, null, asOfOf(asOf, context)),
    }),
  }))

  builder.objectField(TeamRef, "areaHealth", (t) =>
    t.field({
      type: AreaHealthRef,
      description: "The health of the team's areas and people, as of `asOf` (default now).",
      args: { asOf: t.arg.string({ required: false, description: "RFC 3339 instant." }) },
      resolve: (team: Team, { asOf }, context) => loadHealth(context, team.id, asOfOf(asOf, context)),
    }),
  )

  builder.objectField(PersonRef, "areas", (t) =>
    t.field({
      type: [PersonAreaType],
      description: "The areas the person owns or contributes to now, with the hours each takes.",
      resolve: (person, _, context) => personAreasLoader(context).load(person.id),
    }),
  )
}
