import {
  type Builder,
  Email,
  fieldError,
  GlobalId,
  InputError,
  listConnection,
  type SchemaKit,
  toInputError,
} from "@teamops/core"
import { Effect, Either, Schema } from "effect"
import { personByEmailLoader, personLoader, teamByKeyLoader } from "../OrgLoaders.js"
import type { PersonStatus } from "../Person.js"
import { PersonRepo } from "../PersonRepo.js"
import { noTeam, TeamRepo } from "../TeamRepo.js"
import { PersonRef, TeamRef } from "./refs.js"
import type { orgTypes } from "./types.js"

/** `teams`, `team`, `people` and `person`. */
export const orgQueries = (builder: Builder, { run }: SchemaKit, { PersonStatusEnum }: ReturnType<typeof orgTypes>) =>
  builder.queryFields((t) => ({
    teams: t.connection({
      authScopes: { directory: true },
      type: TeamRef,
      description: "Every team, ordered by key.",
      resolve: (_, args) =>
        listConnection(args, {
          list: (page) => run(Effect.flatMap(TeamRepo, (r) => r.list(page))),
          count: () => run(Effect.flatMap(TeamRepo, (r) => r.count)),
          cursorOf: (team) => [team.key],
        }),
    }),
    team: t.field({
      authScopes: { directory: true },
      type: TeamRef,
      nullable: true,
      args: { key: t.arg.string({ required: true }) },
      resolve: (_, args, context) => teamByKeyLoader(context).load(args.key),
    }),
    people: t.connection({
      authScopes: { directory: true },
      type: PersonRef,
      description: "People, ordered by email, optionally of one team or status.",
      args: {
        teamKey: t.arg.string({ required: false }),
        status: t.arg({ type: PersonStatusEnum, required: false }),
      },
      resolve: async (_, args, context) => {
        const teamKey = args.teamKey ?? undefined
        const team = teamKey === undefined ? undefined : await teamByKeyLoader(context).load(teamKey)
        if (teamKey !== undefined && team === null) throw fieldError(noTeam(teamKey), "teamKey")
        const filter = { teamId: team?.id, status: (args.status ?? undefined) as PersonStatus | undefined }
        return listConnection(args, {
          list: (page) => run(Effect.flatMap(PersonRepo, (r) => r.list(page, filter))),
          count: () => run(Effect.flatMap(PersonRepo, (r) => r.count(filter))),
          cursorOf: (p) => [p.email],
        })
      },
    }),
    person: t.field({
      authScopes: { directory: true },
      type: PersonRef,
      nullable: true,
      description: "A person by id or by email (in any case): exactly one of them; null when no person has it.",
      args: { id: t.arg.id({ required: false }), email: t.arg.string({ required: false }) },
      resolve: (_, args, context) => {
        if ((args.id == null) === (args.email == null)) {
          const message = "give exactly one of id and email"
          throw fieldError(new InputError({ path: [], message }))
        }
        if (args.email != null) {
          const email = Schema.decodeEither(Email)(args.email)
          if (Either.isLeft(email)) {
            throw fieldError(toInputError(email.left), "email")
          }
          return personByEmailLoader(context).load(email.right)
        }
        const id = Schema.decodeEither(GlobalId("Person"))(String(args.id))
        if (Either.isLeft(id)) {
          const message = `id: expected the id of a Person, got ${JSON.stringify(args.id)}`
          throw fieldError(new InputError({ path: ["id"], message }))
        }
        return personLoader(context).load(id.right)
      },
    }),
  }))
