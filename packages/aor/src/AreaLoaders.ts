import { groupedLoader, keyedLoader, type RequestContext, requestLoader } from "@teamops/core"
import { Effect } from "effect"
import type { Area, Ownership } from "./Area.js"
import type { AreaHealth } from "./AreaHealth.js"
import { AreaRepo } from "./AreaRepo.js"
import { HealthReader } from "./HealthReader.js"

// The request loaders of aor's types: every field of a request that needs an area, its owner
// or its contributors shares one batch.

export const areaLoader = keyedLoader(
  "aor",
  "areaById",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.byIds(ids)),
  (area: Area) => area.id,
)

export const areaByKeyLoader = keyedLoader(
  "aor",
  "areaByKey",
  (keys) => Effect.flatMap(AreaRepo, (r) => r.byKeys(keys)),
  (area: Area) => area.key,
)

/** The current ownership of each area, null for an area without an owner. */
export const ownershipLoader = keyedLoader(
  "aor",
  "ownership",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.ownersOf(ids)),
  (o: Ownership) => o.areaId,
)

export const contributorsLoader = groupedLoader(
  "aor",
  "contributors",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.contributorsOf(ids)),
  (c) => c.areaId,
)

export const ownershipHistoryLoader = groupedLoader(
  "aor",
  "ownershipHistory",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.historyOf(ids)),
  (o) => o.areaId,
)

export const contributionHistoryLoader = groupedLoader(
  "aor",
  "contributionHistory",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.contributionHistoryOf(ids)),
  (c) => c.areaId,
)

/** What each person owns or contributes to now. */
export const personAreasLoader = groupedLoader(
  "aor",
  "personAreas",
  (ids) => Effect.flatMap(AreaRepo, (r) => r.areasOf(ids)),
  (a) => a.personId,
)

/** The health report of each team by id ("" for the whole organisation), as of `asOf`. */
export const loadHealth = (context: RequestContext, teamId: string | null, asOf: string): Promise<AreaHealth> =>
  requestLoader("aor", `health:${asOf}`, (teamIds: ReadonlyArray<string>) =>
    Effect.flatMap(HealthReader, (r) =>
      r.of(
        teamIds.map((id) => (id === "" ? null : id)),
        asOf,
      ),
    ),
  )(context).load(teamId ?? "")
