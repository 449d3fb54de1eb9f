import { Key, Name } from "@teamops/core"
import { Schema } from "effect"
import { AnnualSalary } from "./Salary.js"

export const TeamId = Schema.String.pipe(Schema.brand("TeamId"))
export type TeamId = typeof TeamId.Type

/** A team: people working together, possibly inside a parent team. */
export const Team = Schema.Struct({
  id: TeamId,
  key: Key,
  name: Name,
  description: Schema.NullOr(Schema.String),
  parentId: Schema.NullOr(TeamId),
  /** The annual salary of the team's people who have none of their own, for the cost of turnover. */
  defaultAnnualSalary: Schema.NullOr(AnnualSalary),
})
export type Team = typeof Team.Type

/** A team's description: trimmed, at most 2000 characters. */
export const Description = Schema.Trim.pipe(
  Schema.maxLength(2000, { message: () => "expected at most 2000 characters" }),
)

export const CreateTeamInput = Schema.Struct({
  key: Key,
  name: Name,
  description: Schema.optionalWith(Description, { nullable: true }),
  parentKey: Schema.optionalWith(Key, { nullable: true }),
  defaultAnnualSalary: Schema.optionalWith(AnnualSalary, { nullable: true }),
})
export type CreateTeamInput = typeof CreateTeamInput.Type

/** A change to a team; a field left out stays as it is, `null` clears it. */
export const UpdateTeamInput = Schema.Struct({
  key: Key,
  name: Schema.optionalWith(Name, { nullable: true }),
  description: Schema.optional(Schema.NullOr(Description)),
  parentKey: Schema.optional(Schema.NullOr(Key)),
  defaultAnnualSalary: Schema.optional(Schema.NullOr(AnnualSalary)),
})
export type UpdateTeamInput = typeof UpdateTeamInput.Type
