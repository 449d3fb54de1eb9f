import { domainEvent } from "@teamops/core"
import { Schema } from "effect"

/**
 * What happens to people that other plugins act on, published by `org` in the transaction
 * that makes the change, each about the person (`subject` is the person's id).
 */
export const PersonHired = domainEvent(
  "org",
  "person.hired",
  Schema.Struct({ personId: Schema.String, email: Schema.String, teamId: Schema.String, hireDate: Schema.String }),
)

/** A person changed team. */
export const PersonMoved = domainEvent(
  "org",
  "person.moved",
  Schema.Struct({ personId: Schema.String, fromTeamId: Schema.String, toTeamId: Schema.String }),
)

/** A person's departure was recorded; `leftOn` is their last day (a local date). */
export const PersonDeparted = domainEvent(
  "org",
  "person.departed",
  Schema.Struct({ personId: Schema.String, email: Schema.String, leftOn: Schema.String }),
)

/** A person's manager changed; either side is null when there was or is no manager. */
export const ManagerChanged = domainEvent(
  "org",
  "person.manager_changed",
  Schema.Struct({
    personId: Schema.String,
    fromManagerId: Schema.NullOr(Schema.String),
    toManagerId: Schema.NullOr(Schema.String),
  }),
)

export const orgEvents = [PersonHired, PersonMoved, PersonDeparted, ManagerChanged]
