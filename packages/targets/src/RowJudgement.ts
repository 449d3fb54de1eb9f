import { currentLevel, promotionStepsLoader } from "@teamops/competencies"
import { localDate, type RequestContext, requestLoader } from "@teamops/core"
import { type Figure, originOf, type ReportRow } from "@teamops/kpi"
import { personByEmailLoader, teamLoader } from "@teamops/org"
import { Effect } from "effect"
import { applicable, type RowScopes, statusOf } from "./Judgement.js"
import type { Status, Target } from "./Target.js"
import { TargetBook } from "./TargetBook.js"

/** A row judged: the target that applied, how the row stands, and the figure it was judged on. */
export interface Judgement {
  readonly target: Target
  readonly status: Status
  readonly figure: Figure
}

// Every version of every target, read once per request whatever the number of rows judged.
const bookLoader = requestLoader("targets", "book", (keys: ReadonlyArray<"book">) =>
  Effect.flatMap(TargetBook, (book) => Effect.map(book.versions, (versions) => keys.map(() => ({ book, versions })))),
)

/** The level a person held on `date` (their latest promotion effective by then), as `ladder/level`. */
const levelAt = async (context: RequestContext, personId: string, date: string) => {
  const steps = await promotionStepsLoader(context).load(personId)
  const level = currentLevel(steps.filter((step) => step.effectiveOn <= date))
  return level === undefined ? undefined : `${level.ladderKey}/${level.level}`
}

/**
 * What a row is about in the scopes of targets: its person, the level they held when the
 * row's period started, and its team (the row's, else the person's team now). The person and
 * their levels are read only when a target of the metric needs them.
 */
const scopesOf = async (
  context: RequestContext,
  row: ReportRow,
  start: number,
  targets: ReadonlyArray<Target>,
): Promise<RowScopes> => {
  const email = typeof row.person === "string" ? row.person : undefined
  const rowTeam = typeof row.team === "string" ? row.team : undefined
  const needsLevel = targets.some((t) => t.scope.kind === "level")
  const needsTeam = rowTeam === undefined && row.team !== null && targets.some((t) => t.scope.kind === "team")
  if (email === undefined || (!needsLevel && !needsTeam)) return { person: email, team: rowTeam }
  const person = await personByEmailLoader(context).load(email)
  if (person === null) return { person: email, team: rowTeam }
  const level = needsLevel ? await levelAt(context, person.id, localDate(start, person.timeZone)) : undefined
  const team = needsTeam ? ((await teamLoader(context).load(person.teamId))?.key ?? undefined) : rowTeam
  return { person: email, level, team }
}

const judge = async (context: RequestContext, row: ReportRow, statistic: string | undefined) => {
  const origin = originOf(row)
  if (origin === undefined) return null
  const { book, versions } = await bookLoader(context).load("book")
  const targets = versions.filter((t) => t.metric === row.metric)
  if (targets.length === 0) return null
  const statistics = book.statisticsOf(row.metric)
  const asked = statistic === undefined ? Object.keys(statistics) : [statistic]
  const question = {
    metric: row.metric,
    statistics: asked,
    complexity: origin.query.complexity,
    start: origin.start,
  }
  const target = applicable(targets, question, await scopesOf(context, row, origin.start, targets))
  const read = target === undefined ? undefined : statistics[target.statistic]
  if (target === undefined || read === undefined) return null
  const figure = read(row, origin.query)
  return { target, figure, status: statusOf(target, figure, book.minimumCount(row.metric)) }
}

// A row's status, target and attainment share one judgement per statistic asked.
const judged = new WeakMap<ReportRow, Map<string, Promise<Judgement | null>>>()

/** The judgement of a row by the target that applies to it (`statistic` to ask for one), or null. */
export const judgementOf = (
  context: RequestContext,
  row: ReportRow,
  statistic?: string | null,
): Promise<Judgement | null> => {
  const byStatistic = judged.get(row) ?? new Map<string, Promise<Judgement | null>>()
  judged.set(row, byStatistic)
  const key = statistic ?? ""
  const judgement = byStatistic.get(key) ?? judge(context, row, statistic ?? undefined)
  byStatistic.set(key, judgement)
  return judgement
}
