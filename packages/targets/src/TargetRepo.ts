import { Db, type DbError, InputError } from "@teamops/core"
import { Metrics } from "@teamops/kpi"
import { PersonRepo, TeamRepo } from "@teamops/org"
import { Clock, Context, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import type { Band, Target, TargetInput } from "./Target.js"
import type { TargetsDatabase } from "./TargetsDatabase.js"

export interface TargetRepoService {
  /**
   * Stores new versions of targets, all or none: every input is checked first (a known metric
   * and statistic, a team or person that exists) and every problem is reported, each at its
   * place (`targets.2.statistic`).
   */
  readonly set: (
    inputs: ReadonlyArray<TargetInput>,
    at?: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<Target>, InputError | DbError>
  /** Every version ever set, oldest first. */
  readonly all: Effect.Effect<ReadonlyArray<Target>, DbError>
}

interface Problem {
  readonly path: ReadonlyArray<string>
  readonly message: string
}

type Row = Omit<TargetsDatabase["targets_versions"], "id"> & { id: number }

const band = (min: number | null, max: number | null): Band => ({
  ...(min === null ? {} : { min: Number(min) }),
  ...(max === null ? {} : { max: Number(max) }),
})

const targetOf = (r: Row): Target => ({
  id: String(r.id),
  metric: r.metric,
  statistic: r.statistic,
  scope: { kind: r.scope_kind as Target["scope"]["kind"], key: r.scope_key === "" ? null : r.scope_key },
  complexity: r.complexity === "" ? null : (r.complexity as Target["complexity"]),
  good: Number(r.has_good) === 0 ? null : band(r.good_min, r.good_max),
  acceptable: r.acceptable_min === null && r.acceptable_max === null ? null : band(r.acceptable_min, r.acceptable_max),
  effectiveFrom: Number(r.effective_from),
  contributedBy: null,
})

export class TargetRepo extends Context.Tag("@teamops/targets/TargetRepo")<TargetRepo, TargetRepoService>() {
  static readonly layer = Layer.effect(
    TargetRepo,
    Effect.gen(function* () {
      const db = yield* Db
      const metrics = yield* Metrics
      const teams = yield* TeamRepo
      const people = yield* PersonRepo
      const query = <A>(work: (k: Kysely<TargetsDatabase>) => Promise<A>) => db.query(work)

      /** Problems of inputs that decode but name what the metrics or the organisation do not know. */
      const problemsOf = (inputs: ReadonlyArray<TargetInput>, at: ReadonlyArray<string>) =>
        Effect.gen(function* () {
          const keysOf = (kind: string) => [
            ...new Set(inputs.flatMap((t) => (t.scope.kind === kind && t.scope.key !== null ? [t.scope.key] : []))),
          ]
          const knownTeams = new Set((yield* teams.byKeys(keysOf("team"))).map((t) => t.key))
          const knownPeople = new Set((yield* people.byEmails(keysOf("person"))).map((p) => p.email))
          return inputs.flatMap((t, i): ReadonlyArray<Problem> => {
            const place = (...field: Array<string>) => [...at, String(i), ...field]
            const definition = metrics.definition(t.metric)
            if (definition === undefined) {
              const known = metrics.keys.join(", ")
              return [
                { path: place("metric"), message: `unknown metric ${JSON.stringify(t.metric)} (known: ${known})` },
              ]
            }
            const statistics = Object.keys(definition.statistics ?? {})
            const problems: Array<Problem> = []
            if (statistics.length === 0)
              problems.push({ path: place("metric"), message: `${t.metric} has no statistic a target can judge` })
            else if (!statistics.includes(t.statistic))
              problems.push({
                path: place("statistic"),
                message: `expected one of ${statistics.join(", ")} for ${t.metric}, got ${JSON.stringify(t.statistic)}`,
              })
            const key = t.scope.key ?? ""
            if (t.scope.kind === "team" && !knownTeams.has(key))
              problems.push({ path: place("scope", "key"), message: `no team with key ${JSON.stringify(key)}` })
            if (t.scope.kind === "person" && !knownPeople.has(key))
              problems.push({ path: place("scope", "key"), message: `no person with email ${JSON.stringify(key)}` })
            return problems
          })
        })

      const set = (inputs: ReadonlyArray<TargetInput>, at: ReadonlyArray<string> = []) =>
        db.transaction(
          Effect.gen(function* () {
            const problems = yield* problemsOf(inputs, at)
            if (problems.length > 0)
              return yield* new InputError({
                message: problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("\n"),
                path: problems[0]?.path ?? [],
              })
            if (inputs.length === 0) return []
            const now = yield* Clock.currentTimeMillis
            const rows = yield* query((k) =>
              k
                .insertInto("targets_versions")
                .values(
                  inputs.map((t) => ({
                    metric: t.metric,
                    statistic: t.statistic,
                    scope_kind: t.scope.kind,
                    scope_key: t.scope.key ?? "",
                    complexity: t.complexity ?? "",
                    has_good: t.good === null ? 0 : 1,
                    good_min: t.good?.min ?? null,
                    good_max: t.good?.max ?? null,
                    acceptable_min: t.acceptable?.min ?? null,
                    acceptable_max: t.acceptable?.max ?? null,
                    effective_from: t.effectiveFrom,
                    set_at: now,
                  })),
                )
                .returningAll()
                .execute(),
            )
            return (rows as ReadonlyArray<Row>).map(targetOf)
          }),
        )

      const all = query((k) => k.selectFrom("targets_versions").selectAll().orderBy("id").execute()).pipe(
        Effect.map((rows) => (rows as ReadonlyArray<Row>).map(targetOf)),
      )
      return { set, all }
    }),
  )
}
