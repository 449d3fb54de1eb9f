import { Schema } from "effect"

/**
 * An annual salary, in the organisation's currency (teamops keeps no currency of its own: every
 * salary of one organisation is in the same one). Salaries are sensitive: only people partners
 * and admins see or set them.
 */
const refused = (value: unknown) => `expected an annual salary of 0 or more, got ${JSON.stringify(value) ?? value}`

export const AnnualSalary = Schema.Number.annotations({
  message: (issue) => refused(issue._tag === "Type" ? issue.actual : undefined),
}).pipe(Schema.filter((n) => (Number.isFinite(n) && n >= 0) || refused(n)))
export type AnnualSalary = typeof AnnualSalary.Type
