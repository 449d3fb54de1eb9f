import { type AuditEntry, Db, type Principal, principalLabel } from "@teamops/core"
import { Effect } from "effect"
import type { Generated, Kysely, Selectable } from "kysely"

/** A line of the audit log as stored. */
export interface AuditRecord {
  readonly seq: number
  readonly at: string
  readonly principal: string
  readonly operation: string
  readonly targets: ReadonlyArray<string>
  readonly outcome: string
}

interface AuditRow {
  seq: Generated<number>
  at: string
  principal: string
  operation: string
  targets: string
  outcome: string
}

type Tables = { teamops_audit: AuditRow }

/**
 * Appends lines to the audit log, in one statement. The log has no other write: nothing in
 * teamops updates or deletes a line.
 */
export const appendAudit = (principal: Principal, entries: ReadonlyArray<AuditEntry>, at: Date) =>
  entries.length === 0
    ? Effect.void
    : Effect.flatMap(Db, (db) =>
        db.query<unknown, Tables>((k) =>
          k
            .insertInto("teamops_audit")
            .values(
              entries.map((entry) => ({
                at: at.toISOString(),
                principal: principalLabel(principal),
                operation: entry.operation,
                targets: JSON.stringify(entry.targets),
                outcome: entry.outcome,
              })),
            )
            .execute(),
        ),
      )

export interface AuditFilter {
  readonly principal?: string
  readonly operation?: string
  /** Only `denied` lines, or only the others. */
  readonly denied?: boolean
  readonly since?: string
  /** Lines before this sequence number (the page before). */
  readonly before?: number
  readonly limit: number
}

const filtered = (k: Kysely<Tables>, filter: Omit<AuditFilter, "before" | "limit">) => {
  let query = k.selectFrom("teamops_audit")
  if (filter.principal !== undefined) query = query.where("principal", "=", filter.principal)
  if (filter.operation !== undefined) query = query.where("operation", "=", filter.operation)
  if (filter.denied !== undefined) query = query.where("outcome", filter.denied ? "=" : "<>", "denied")
  if (filter.since !== undefined) query = query.where("at", ">=", filter.since)
  return query
}

/** How many lines pass `filter`. */
export const countAudit = (filter: Omit<AuditFilter, "before" | "limit">) =>
  Effect.flatMap(Db, (db) =>
    db.query<{ n: string | number | bigint } | undefined, Tables>((k) =>
      filtered(k, filter)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst(),
    ),
  ).pipe(Effect.map((row) => Number(row?.n ?? 0)))

/** The newest lines first, filtered. */
export const readAudit = (filter: AuditFilter) =>
  Effect.flatMap(Db, (db) =>
    db.query<ReadonlyArray<Selectable<AuditRow>>, Tables>((k) => {
      const query = filtered(k, filter).selectAll()
      return (filter.before === undefined ? query : query.where("seq", "<", filter.before))
        .orderBy("seq", "desc")
        .limit(filter.limit)
        .execute()
    }),
  ).pipe(
    Effect.map((rows) =>
      rows.map(
        (row): AuditRecord => ({ ...row, seq: Number(row.seq), targets: JSON.parse(row.targets) as Array<string> }),
      ),
    ),
  )
