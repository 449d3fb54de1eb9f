import type { MetricFact, ReportRow } from "@teamops/kpi"

type Cell = string | number | boolean | null | undefined

/** A row's fields with nested objects flattened: `calendar.median`. */
const flatten = (value: Record<string, unknown>, prefix = ""): Record<string, Cell> =>
  Object.fromEntries(
    Object.entries(value).flatMap(([key, v]) =>
      v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${key}.`))
        : [[`${prefix}${key}`, v as Cell]],
    ),
  )

/** A field as CSV (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const cell = (value: Cell) => {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Records as CSV lines, the header first: every column any record has, in order of appearance. */
const csvOf = (records: ReadonlyArray<Record<string, Cell>>) => {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))]
  return [columns, ...records.map((r) => columns.map((c) => r[c]))].map((line) => line.map(cell).join(",")).join("\n")
}

/** The rows of a report as CSV, one line per row. */
export const rowsCsv = (rows: ReadonlyArray<ReportRow>) => csvOf(rows.map((row) => flatten(row)))

/** A fact as printed: its instant in RFC 3339. */
export const printedFact = (fact: MetricFact) => ({ ...fact, at: new Date(fact.at).toISOString() })

/**
 * The facts of a report's rows as CSV, one line per fact: the row's grouping keys and metric,
 * then the fact (`fact.person` is its owner).
 */
export const factsCsv = (rows: ReadonlyArray<{ row: ReportRow; facts: ReadonlyArray<MetricFact> }>) =>
  csvOf(
    rows.flatMap(({ row, facts }) =>
      facts.map((fact) => ({
        ...(row.team === undefined ? {} : { team: row.team }),
        ...(row.person === undefined ? {} : { person: row.person }),
        ...(row.period === undefined ? {} : { period: row.period }),
        metric: row.metric,
        ...flatten(printedFact(fact), "fact."),
      })),
    ),
  )
