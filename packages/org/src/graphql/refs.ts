import { objectRef } from "@teamops/core"
import type { Person } from "../Person.js"
import type { Team } from "../Team.js"

/** The GraphQL `Team` type; other plugins add fields to it with `builder.objectField(TeamRef, …)`. */
export const TeamRef = objectRef<Team>("Team")
/** The GraphQL `Person` type; other plugins add fields to it with `builder.objectField(PersonRef, …)`. */
export const PersonRef = objectRef<Person>("Person")
