/** One line of the audit log, as a request records it; the host adds who asked and when. */
export interface AuditEntry {
  /** The mutation or field: `promotePerson`, `Person.readiness`. */
  readonly operation: string
  /** Ids and keys of what it was about. */
  readonly targets: ReadonlyArray<string>
  /** `ok`, `refused: <error type>`, `denied` or `failed`. */
  readonly outcome: string
}

/** Collects a request's audit entries; the host writes them once the request is answered. */
export interface AuditTrail {
  readonly record: (entry: AuditEntry) => void
}

const targetKey = /(^id$|Id$|^key$|Key$|^email$)/

/** The ids, keys and emails an input names (`personId`, `ladderKey`, ...), in the order given. */
export const targetsOf = (input: unknown): ReadonlyArray<string> => {
  if (typeof input !== "object" || input === null) return []
  return Object.entries(input).flatMap(([name, value]) =>
    targetKey.test(name) && typeof value === "string" ? [value] : [],
  )
}
