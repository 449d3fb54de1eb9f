import { Email, GlobalId, Key, LocalDate, Name, TimeZone, WeeklyHours } from "@teamops/core"
import { Schema } from "effect"
import { AnnualSalary } from "./Salary.js"
import { TeamId } from "./Team.js"

export const PersonId = Schema.String.pipe(Schema.brand("PersonId"))
export type PersonId = typeof PersonId.Type

export const PersonStatus = Schema.Literal("active", "left")
export type PersonStatus = typeof PersonStatus.Type

/** Someone in the organisation, active or gone; a person who left keeps their history. */
export const Person = Schema.Struct({
  id: PersonId,
  name: Name,
  email: Schema.String,
  timeZone: TimeZone,
  workingHours: WeeklyHours,
  hireDate: LocalDate,
  teamId: TeamId,
  managerId: Schema.NullOr(PersonId),
  status: PersonStatus,
  /** The last day the person worked here: they count on it, and are gone the day after. */
  leftOn: Schema.NullOr(LocalDate),
  /** Null when unknown; the team's default then stands for it in the cost of turnover. */
  annualSalary: Schema.NullOr(AnnualSalary),
})
export type Person = typeof Person.Type

const PersonRef = GlobalId("Person").pipe(Schema.compose(PersonId))

export const CreatePersonInput = Schema.Struct({
  name: Name,
  email: Email,
  timeZone: TimeZone,
  teamKey: Key,
  /** Defaults to today in the person's time zone. */
  hireDate: Schema.optionalWith(LocalDate, { nullable: true }),
  /** Defaults to Monday to Friday, 09:00 to 17:00 local time. */
  workingHours: Schema.optionalWith(WeeklyHours, { nullable: true }),
  managerId: Schema.optionalWith(PersonRef, { nullable: true }),
  annualSalary: Schema.optionalWith(AnnualSalary, { nullable: true }),
})
export type CreatePersonInput = typeof CreatePersonInput.Type

/** A change to a person; a field left out stays as it is, and `annualSalary: null` clears the salary. */
export const UpdatePersonInput = Schema.Struct({
  id: PersonRef,
  name: Schema.optionalWith(Name, { nullable: true }),
  email: Schema.optionalWith(Email, { nullable: true }),
  timeZone: Schema.optionalWith(TimeZone, { nullable: true }),
  teamKey: Schema.optionalWith(Key, { nullable: true }),
  hireDate: Schema.optionalWith(LocalDate, { nullable: true }),
  workingHours: Schema.optionalWith(WeeklyHours, { nullable: true }),
  annualSalary: Schema.optional(Schema.NullOr(AnnualSalary)),
})
export type UpdatePersonInput = typeof UpdatePersonInput.Type

/** `managerId: null` removes the manager. */
export const SetManagerInput = Schema.Struct({
  personId: PersonRef,
  managerId: Schema.NullOr(PersonRef),
})
export type SetManagerInput = typeof SetManagerInput.Type

export const RecordDepartureInput = Schema.Struct({
  personId: PersonRef,
  leftOn: LocalDate,
})
export type RecordDepartureInput = typeof RecordDepartureInput.Type

/** Undoes a departure: the person is active again, with no leave date. */
export const CancelDepartureInput = Schema.Struct({
  personId: PersonRef,
})
export type CancelDepartureInput = typeof CancelDepartureInput.Type

/** The people filter of a listing. */
export interface PeopleFilter {
  readonly teamId?: TeamId | undefined
  readonly status?: PersonStatus | undefined
}
