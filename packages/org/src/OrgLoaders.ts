import { keyedLoader } from "@teamops/core"
import { Effect } from "effect"
import type { Person } from "./Person.js"
import { PersonRepo } from "./PersonRepo.js"
import type { Team } from "./Team.js"
import { TeamRepo } from "./TeamRepo.js"

// The request loaders of org's types. Every plugin that returns a team or a person loads it
// through these, so that one request reads each team and person once, in one batch.

/** Teams by id; `null` for an id no team has. */
export const teamLoader = keyedLoader(
  "org",
  "teamById",
  (ids) => Effect.flatMap(TeamRepo, (r) => r.byIds(ids)),
  (team: Team) => team.id,
)

/** Teams by key; `null` for a key no team has. */
export const teamByKeyLoader = keyedLoader(
  "org",
  "teamByKey",
  (keys) => Effect.flatMap(TeamRepo, (r) => r.byKeys(keys)),
  (team: Team) => team.key,
)

/** People by id; `null` for an id no person has. */
export const personLoader = keyedLoader(
  "org",
  "personById",
  (ids) => Effect.flatMap(PersonRepo, (r) => r.byIds(ids)),
  (person: Person) => person.id,
)

/** People by email (lower case); `null` for an email no person has. */
export const personByEmailLoader = keyedLoader(
  "org",
  "personByEmail",
  (emails) => Effect.flatMap(PersonRepo, (r) => r.byEmails(emails)),
  (person: Person) => person.email,
)
