import { Contributions, type DbError } from "@teamops/core"
import { LadderRepo } from "@teamops/roles"
import { Context, Effect, Layer } from "effect"
import { type CatalogCompetency, catalogOf, competencyPoint } from "./Catalog.js"

/** The catalog of competencies: contributed ones and those of every latest published ladder. */
export interface CompetencyCatalogService {
  /** Ordered by key; reads the latest ladders in one statement. */
  readonly list: Effect.Effect<ReadonlyArray<CatalogCompetency>, DbError>
}

export class CompetencyCatalog extends Context.Tag("@teamops/competencies/CompetencyCatalog")<
  CompetencyCatalog,
  CompetencyCatalogService
>() {
  static readonly layer = Layer.effect(
    CompetencyCatalog,
    Effect.gen(function* () {
      const contributed = (yield* Contributions).of(competencyPoint)
      const ladders = yield* LadderRepo
      return {
        list: Effect.map(ladders.latest, (latest) =>
          catalogOf(
            contributed,
            latest.map((v) => ({ ladderKey: v.ladderKey, document: v.effective })),
          ),
        ),
      }
    }),
  )
}
