import { type ContributedEvidence, type EvidenceSource, evidenceSourceLayer } from "@teamops/competencies"
import { Effect } from "effect"
import type { Area, AreaWork } from "./Area.js"
import { AreaRepo } from "./AreaRepo.js"

/**
 * One item of work as evidence: once for every competency its area exercises, named after the
 * area. The area's competencies are read as they are now: an area that comes to exercise a
 * competency makes its earlier work evidence of it too.
 */
export const workAsEvidence = (work: AreaWork, area: Area): ReadonlyArray<ContributedEvidence> =>
  area.competencies.map((competency) => ({
    personId: work.personId,
    competency,
    date: work.date,
    text: work.text,
    url: work.url,
    source: { kind: "area", key: area.key, name: area.name },
  }))

/**
 * The work people recorded in areas, as evidence for readiness: in active and retired areas
 * alike, since work done stays done when its area is retired later.
 */
export const areaEvidenceSource = (areas: typeof AreaRepo.Service): EvidenceSource => ({
  plugin: "aor",
  evidenceOf: (personIds, asOf) =>
    Effect.map(areas.workOfPeople(personIds, asOf), (rows) =>
      rows.flatMap(({ work, area }) => workAsEvidence(work, area)),
    ),
})

/** Registers the work in areas with the evidence sources of `competencies`. */
export const areaEvidenceLayer = evidenceSourceLayer(Effect.map(AreaRepo, areaEvidenceSource))
