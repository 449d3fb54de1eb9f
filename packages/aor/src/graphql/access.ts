import { Directory, type RequestContext, type SchemaKit } from "@teamops/core"
import { teamByKeyLoader } from "@teamops/org"
import { Effect } from "effect"
import { AreaRepo } from "../AreaRepo.js"

/** Who the caller is to an area: what the rules of its mutations ask. */
export interface AreaRelation {
  readonly admin: boolean
  /** Above someone of the area's team in the reporting lines. */
  readonly teamManager: boolean
  readonly owner: boolean
  /** Above the owner in the reporting lines. */
  readonly ownerManager: boolean
  readonly contributor: boolean
}

const keyOf = (input: unknown, field: string) => {
  const value = (input as Record<string, unknown> | null)?.[field]
  return typeof value === "string" ? value.trim() : ""
}

/** The questions the mutations ask about the caller, read through the org's `Directory`. */
export const areaAccess = ({ run }: SchemaKit) => {
  const isAdmin = (context: RequestContext) => context.access.allows({ admin: true })

  const managesTeam = async (context: RequestContext, teamId: string) => {
    const viewer = context.access.viewer
    if (viewer.kind !== "person") return false
    const teams = await run(
      Effect.flatMap(Directory, (d) => Effect.flatMap(d.reportsOf(viewer.personId), (r) => d.teamsOf([...r]))),
    )
    return teams.has(teamId)
  }

  /**
   * The caller's relation to the area `input.areaKey`; undefined for a key no area has, which
   * the mutation then answers as not found.
   */
  const relationTo = async (context: RequestContext, input: unknown): Promise<AreaRelation | undefined> => {
    // Read directly, not through the request's loaders: the mutation changes what they would
    // keep, and its answer must show the area as it left it.
    const found = await run(
      Effect.gen(function* () {
        const repo = yield* AreaRepo
        const [area] = yield* repo.byKeys([keyOf(input, "areaKey")])
        if (area === undefined) return undefined
        const [ownership] = yield* repo.ownersOf([area.id])
        return { area, ownership, contributors: yield* repo.contributorsOf([area.id]) }
      }),
    )
    if (found === undefined) return undefined
    const { area, ownership, contributors } = found
    const viewer = context.access.viewer
    const self = viewer.kind === "person" ? viewer.personId : undefined
    return {
      admin: await isAdmin(context),
      teamManager: await managesTeam(context, area.teamId),
      owner: self !== undefined && ownership?.personId === self,
      ownerManager: ownership !== undefined && (await context.access.isAbove(ownership.personId)),
      contributor: self !== undefined && contributors.some((c) => c.personId === self),
    }
  }

  /** Allowed when the area does not exist (answered as not found) or `rule` holds. */
  const onArea = (rule: (r: AreaRelation) => boolean) => async (input: unknown, context: RequestContext) => {
    const relation = await relationTo(context, input)
    return relation === undefined || rule(relation)
  }

  return {
    /** The team's managers and admins create areas in it. */
    mayCreate: async (input: unknown, context: RequestContext) => {
      if (await isAdmin(context)) return true
      const team = await teamByKeyLoader(context).load(keyOf(input, "teamKey"))
      return team === null || (await managesTeam(context, team.id))
    },
    /** The team's managers and admins hand over and retire areas. */
    mayHandOver: onArea((r) => r.admin || r.teamManager),
    /** Owners, their managers, the team's managers and admins change an area and its contributors. */
    mayChange: onArea((r) => r.admin || r.owner || r.ownerManager || r.teamManager),
    /** Owners, their managers, contributors and admins record work. */
    mayRecordWork: onArea((r) => r.admin || r.owner || r.ownerManager || r.contributor),
    /** Only the owner confirms that the area is still right. */
    mayConfirm: onArea((r) => r.owner),
  }
}
