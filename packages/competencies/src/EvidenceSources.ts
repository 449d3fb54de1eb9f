import type { DbError } from "@teamops/core"
import { Cause, Context, Effect, Layer, Ref } from "effect"
import type { CatalogEvidence } from "./Readiness.js"

/**
 * One item of evidence a plugin contributes for a person: something the person did that
 * shows a competency of the catalog, with where it came from.
 */
export interface ContributedEvidence extends CatalogEvidence {
  readonly personId: string
}

/**
 * A source of evidence: answers the evidence of many people at once, so that readiness for a
 * whole team reads it with the same statements as for one person.
 */
export interface EvidenceSource {
  /** The plugin that answers for the source: failures are logged under its id. */
  readonly plugin: string
  /**
   * The evidence of the people, in any order; with `asOf` (YYYY-MM-DD), of what happened on
   * that day or before. Called once per batch of people: its statements must not depend on
   * how many people there are.
   */
  readonly evidenceOf: (
    personIds: ReadonlyArray<string>,
    asOf: string | undefined,
  ) => Effect.Effect<ReadonlyArray<ContributedEvidence>, DbError>
}

/** The evidence sources of every plugin, read by readiness. */
export interface EvidenceSourcesService {
  /** Adds a source; a plugin registers its sources while its layer is built. */
  readonly register: (source: EvidenceSource) => Effect.Effect<void>
  /**
   * The evidence every source has for the people, each source called once. A source that
   * fails is logged with its plugin's id and counts nothing, so that one plugin's failure
   * does not take readiness away from everyone.
   */
  readonly evidenceOf: (
    personIds: ReadonlyArray<string>,
    asOf?: string,
  ) => Effect.Effect<ReadonlyArray<ContributedEvidence>>
}

/**
 * Where plugins contribute evidence to readiness. `competencies` provides it; a plugin that
 * has `competencies` in `dependsOn` registers a source in its own layer, most simply with
 * {@link evidenceSourceLayer}.
 */
export class EvidenceSources extends Context.Tag("@teamops/competencies/EvidenceSources")<
  EvidenceSources,
  EvidenceSourcesService
>() {
  static readonly layer = Layer.effect(
    EvidenceSources,
    Effect.map(Ref.make<ReadonlyArray<EvidenceSource>>([]), (sources) => ({
      register: (source) => Ref.update(sources, (known) => [...known, source]),
      evidenceOf: (personIds, asOf) =>
        personIds.length === 0
          ? Effect.succeed([])
          : Effect.flatMap(Ref.get(sources), (known) =>
              Effect.map(
                Effect.forEach(known, (source) =>
                  source
                    .evidenceOf(personIds, asOf)
                    .pipe(
                      Effect.catchAllCause((cause) =>
                        Effect.logError(
                          "an evidence source failed; its evidence is left out",
                          Cause.pretty(cause),
                        ).pipe(Effect.annotateLogs("plugin", source.plugin), Effect.as([])),
                      ),
                    ),
                ),
                (answers) => answers.flat(),
              ),
            ),
    })),
  )
}

/**
 * A layer that registers the source `make` builds from the plugin's services, for a plugin's
 * `layer`; `aor` registers the work in its areas so, and merges it into its layer with the
 * `AreaRepo` it reads provided:
 *
 * ```ts
 * export const areaEvidenceLayer = evidenceSourceLayer(Effect.map(AreaRepo, areaEvidenceSource))
 * ```
 *
 * It provides the `EvidenceSources` it registered with, unchanged, so that it can also be a
 * plugin's whole layer (a layer that provides nothing cannot).
 */
export const evidenceSourceLayer = <E, R>(
  make: Effect.Effect<EvidenceSource, E, R>,
): Layer.Layer<EvidenceSources, E, R | EvidenceSources> =>
  Layer.effect(
    EvidenceSources,
    Effect.flatMap(make, (source) =>
      Effect.flatMap(EvidenceSources, (sources) => Effect.as(sources.register(source), sources)),
    ),
  )
