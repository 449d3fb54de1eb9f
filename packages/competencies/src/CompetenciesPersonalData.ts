import { Db, type PersonalData } from "@teamops/core"
import { PersonRepo } from "@teamops/org"
import { Effect } from "effect"
import type { Kysely } from "kysely"
import type { CompetenciesDatabase } from "./CompetenciesDatabase.js"
import { decodeReadiness, encodeReadiness } from "./PromotionRows.js"
import type { Readiness } from "./Readiness.js"

const erased = "[erased]"

const withDb = <A>(work: (k: Kysely<CompetenciesDatabase>) => Promise<A>) => Effect.flatMap(Db, (db) => db.query(work))

// The evidence a promotion's readiness kept is text about the person too: its texts and links
// go, its dates and where it came from stay, so the counts stay whole.
const withoutEvidenceText = (readiness: Readiness): Readiness => ({
  ...readiness,
  competencies: readiness.competencies.map((c) => ({
    ...c,
    evidence: c.evidence.map((e) => ({ ...e, text: erased, url: null })),
  })),
})

const emailOf = (personId: string) =>
  Effect.flatMap(PersonRepo, (people) => people.byIds([personId])).pipe(Effect.map(([person]) => person?.email))

/**
 * Assessments of the person (with their evidence), assessments the person gave, and their
 * promotions. Erasing keeps every rating, rater kind, date and level, so readiness and level
 * history stay whole, and removes the text written about the person (notes, evidence, also
 * the evidence kept with a promotion's readiness, rationales); ratings they gave are signed
 * with the pseudonym.
 */
export const competenciesPersonalData: PersonalData = {
  export: (personId) =>
    Effect.gen(function* () {
      const email = yield* emailOf(personId)
      const about = yield* withDb((k) =>
        k.selectFrom("competencies_assessments").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      const evidence = yield* withDb((k) =>
        k
          .selectFrom("competencies_evidence")
          .selectAll()
          .where("assessment_id", "in", (q) =>
            q.selectFrom("competencies_assessments").select("id").where("person_id", "=", personId),
          )
          .orderBy("id")
          .execute(),
      )
      const given =
        email === undefined
          ? []
          : yield* withDb((k) =>
              k
                .selectFrom("competencies_assessments")
                .selectAll()
                .where("rater_email", "=", email)
                .orderBy("id")
                .execute(),
            )
      const promotions = yield* withDb((k) =>
        k.selectFrom("competencies_promotions").selectAll().where("person_id", "=", personId).orderBy("id").execute(),
      )
      return { assessments: about, evidence, assessmentsGiven: given, promotions }
    }),
  erase: (personId, pseudonym) =>
    Effect.gen(function* () {
      const email = yield* emailOf(personId)
      yield* withDb((k) =>
        k.updateTable("competencies_assessments").set({ note: null }).where("person_id", "=", personId).execute(),
      )
      yield* withDb((k) =>
        k
          .updateTable("competencies_evidence")
          .set({ text: erased, url: null })
          .where("assessment_id", "in", (q) =>
            q.selectFrom("competencies_assessments").select("id").where("person_id", "=", personId),
          )
          .execute(),
      )
      yield* withDb((k) =>
        k.updateTable("competencies_promotions").set({ rationale: erased }).where("person_id", "=", personId).execute(),
      )
      // A statement per promotion: a person has few, and an erasure is rare.
      const snapshots = yield* withDb((k) =>
        k.selectFrom("competencies_promotions").select(["id", "readiness"]).where("person_id", "=", personId).execute(),
      )
      yield* Effect.forEach(snapshots, ({ id, readiness }) =>
        withDb((k) =>
          k
            .updateTable("competencies_promotions")
            .set({ readiness: encodeReadiness(withoutEvidenceText(decodeReadiness(readiness))) })
            .where("id", "=", id)
            .execute(),
        ),
      )
      if (email !== undefined) {
        yield* withDb((k) =>
          k
            .updateTable("competencies_assessments")
            .set({ rater_email: pseudonym.email })
            .where("rater_email", "=", email)
            .execute(),
        )
      }
    }),
}
