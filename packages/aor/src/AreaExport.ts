import { Db, NotFoundError } from "@teamops/core"
import { PersonRepo, TeamRepo } from "@teamops/org"
import { Effect } from "effect"
import { teamProblem } from "./AreaChecks.js"
import { type AreaFileArea, formatAreaFile } from "./AreaFile.js"
import { AreaRepo } from "./AreaRepo.js"

/** Enough for every area of an organisation in one read. */
const every = { limit: 1_000_000, after: undefined }

const unique = (values: ReadonlyArray<string>) => [...new Set(values)]

/** The team's id, or a failure naming the key. */
const teamIdOf = (teamKey: string) =>
  Effect.flatMap(
    Effect.flatMap(TeamRepo, (r) => r.byKey(teamKey)),
    (team) =>
      team === undefined
        ? Effect.fail(new NotFoundError({ entity: "Team", key: teamKey, message: teamProblem(teamKey) }))
        : Effect.succeed(team.id),
  )

/**
 * The active areas (of the team `teamKey`, or of every team) as an areas file in YAML, ordered
 * by key, contributors by email: importing it changes nothing. Read in one transaction, so
 * that the areas, owners and contributors are of one moment.
 */
export const exportAreas = (teamKey?: string) =>
  Effect.gen(function* () {
    const db = yield* Db
    const repo = yield* AreaRepo
    const people = yield* PersonRepo
    const teams = yield* TeamRepo
    return yield* db.transaction(
      Effect.gen(function* () {
        const teamId = teamKey === undefined ? undefined : yield* teamIdOf(teamKey)
        const areas = yield* repo.list(every, { teamId, status: "active" })
        const ids = areas.map((a) => a.id)
        const owners = yield* repo.ownersOf(ids)
        const contributions = yield* repo.contributorsOf(ids)
        const personIds = unique([...owners, ...contributions].map((x) => x.personId))
        const emailOf = new Map<string, string>((yield* people.byIds(personIds)).map((p) => [p.id, p.email]))
        const keyOf = new Map<string, string>(
          (yield* teams.byIds(unique(areas.map((a) => a.teamId)))).map((t) => [t.id, t.key]),
        )
        const ownerOf = new Map(owners.map((o) => [o.areaId, emailOf.get(o.personId) ?? null]))
        const written = areas.map(
          (area): Omit<AreaFileArea, "handoverNote"> => ({
            key: area.key,
            name: area.name,
            purpose: area.purpose,
            team: keyOf.get(area.teamId) ?? area.teamId,
            category: area.category,
            weeklyHours: area.weeklyHours,
            decisions: area.decisions,
            competencies: area.competencies,
            reviewEveryDays: area.reviewEveryDays,
            owner: ownerOf.get(area.id) ?? null,
            contributors: contributions
              .filter((c) => c.areaId === area.id)
              .map((c) => ({ email: emailOf.get(c.personId) ?? c.personId, weeklyHours: c.weeklyHours }))
              .sort((a, b) => (a.email < b.email ? -1 : 1)),
          }),
        )
        return formatAreaFile(written)
      }),
    )
  })
