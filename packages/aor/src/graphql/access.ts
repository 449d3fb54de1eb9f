import { type Access, accessRule, Directory, type RequestContext, type SchemaKit } from "@teamops/core"
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

const asked = <A>(question: () => Promise<A>) => Effect.promise(question)

/** The caller's relation to the area `areaKey`; undefined for a key no area has. */
const relationTo = (areaKey: string, caller: Access) =>
  Effect.gen(function* () {
    // Read directly, not through the request's loaders: a mutation changes what they would
    // keep, and its answer must show the area as it left it.
    const repo = yield* AreaRepo
    const [area] = yield* repo.byKeys([areaKey.trim()])
    if (area === undefined) return undefined
    const [ownership] = yield* repo.ownersOf([area.id])
    const contributors = yield* repo.contributorsOf([area.id])
    const self = caller.viewer.kind === "person" ? caller.viewer.personId : undefined
    const relation: AreaRelation = {
      admin: yield* asked(() => caller.allows({ admin: true })),
      teamManager: yield* asked(() => caller.allows({ managesTeam: area.teamId })),
      owner: self !== undefined && ownership?.personId === self,
      ownerManager: ownership !== undefined && (yield* asked(() => caller.isAbove(ownership.personId))),
      contributor: self !== undefined && contributors.some((c) => c.personId === self),
    }
    return relation
  })

/** A rule about the area of a key: it holds when `allowed` does, or when no area has the key (answered as not found). */
const areaRule = (name: string, allowed: (relation: AreaRelation) => boolean) =>
  accessRule(name, (areaKey: string, caller: Access) =>
    Effect.map(relationTo(areaKey, caller), (relation) => relation === undefined || allowed(relation)),
  )

/** The team's managers and admins hand over and retire the area of this key. */
export const handsOverArea = areaRule("handsOverArea", (r) => r.admin || r.teamManager)
/** Owners, their managers, the team's managers and admins change the area and its contributors. */
export const changesArea = areaRule("changesArea", (r) => r.admin || r.owner || r.ownerManager || r.teamManager)
/** Owners, their managers, contributors and admins record work in the area. */
export const recordsAreaWork = areaRule("recordsAreaWork", (r) => r.admin || r.owner || r.ownerManager || r.contributor)
/** Only the owner confirms that the area is still right. */
export const confirmsArea = areaRule("confirmsArea", (r) => r.owner)

/** The rules of `aor`, answered by the host; other plugins may ask them too. */
export const areaRules = [handsOverArea, changesArea, recordsAreaWork, confirmsArea]

/** The team's managers and admins create areas in it (a team of no key is answered as not found). */
export const mayCreateArea =
  ({ run }: SchemaKit) =>
  async (teamKey: string, context: RequestContext) => {
    if (await context.access.allows({ admin: true })) return true
    const team = await teamByKeyLoader(context).load(teamKey.trim())
    if (team === null) return true
    const viewer = context.access.viewer
    if (viewer.kind !== "person") return false
    const teams = await run(
      Effect.flatMap(Directory, (d) => Effect.flatMap(d.reportsOf(viewer.personId), (r) => d.teamsOf([...r]))),
    )
    return teams.has(team.id)
  }
