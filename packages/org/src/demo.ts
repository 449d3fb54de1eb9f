import { Effect, Schema } from "effect"
import { CreatePersonInput } from "./Person.js"
import { PersonRepo } from "./PersonRepo.js"
import { CreateTeamInput } from "./Team.js"
import { TeamRepo } from "./TeamRepo.js"

const demoTeams = [
  { key: "support", name: "Customer Support", description: "Everyone who answers customers." },
  { key: "support-emea", name: "Support EMEA", parentKey: "support", description: "Athens and Dublin." },
  { key: "support-americas", name: "Support Americas", parentKey: "support", description: "Boston." },
  { key: "support-apac", name: "Support APAC", parentKey: "support", description: "Sydney." },
  { key: "support-ops", name: "Support Operations", parentKey: "support", description: "Tools and processes." },
]

// [name, email, team, time zone, hire date, manager email]
const demoPeople: ReadonlyArray<readonly [string, string, string, string, string, string?]> = [
  ["Eleni Markou", "eleni@teamops.example", "support", "Europe/Athens", "2015-02-02"],
  ["Nikos Pappas", "nikos@teamops.example", "support-emea", "Europe/Athens", "2015-06-15", "eleni@teamops.example"],
  ["Aoife Byrne", "aoife@teamops.example", "support-emea", "Europe/Dublin", "2019-09-02", "nikos@teamops.example"],
  [
    "Dimitra Ioannou",
    "dimitra@teamops.example",
    "support-emea",
    "Europe/Athens",
    "2021-03-01",
    "nikos@teamops.example",
  ],
  ["Kostas Georgiou", "kostas@teamops.example", "support-emea", "Europe/Athens", "2023-01-09", "nikos@teamops.example"],
  ["Siobhan Kelly", "siobhan@teamops.example", "support-emea", "Europe/Dublin", "2025-10-06", "nikos@teamops.example"],
  [
    "Maria Alvarez",
    "maria@teamops.example",
    "support-americas",
    "America/New_York",
    "2016-04-11",
    "eleni@teamops.example",
  ],
  [
    "James Carter",
    "james@teamops.example",
    "support-americas",
    "America/New_York",
    "2018-08-20",
    "maria@teamops.example",
  ],
  [
    "Priya Raman",
    "priya@teamops.example",
    "support-americas",
    "America/Chicago",
    "2020-11-16",
    "maria@teamops.example",
  ],
  [
    "Lucas Silva",
    "lucas@teamops.example",
    "support-americas",
    "America/Sao_Paulo",
    "2022-05-02",
    "maria@teamops.example",
  ],
  [
    "Hannah Brooks",
    "hannah@teamops.example",
    "support-americas",
    "America/Los_Angeles",
    "2025-07-14",
    "maria@teamops.example",
  ],
  [
    "Olivia Nguyen",
    "olivia@teamops.example",
    "support-apac",
    "Australia/Sydney",
    "2017-03-06",
    "eleni@teamops.example",
  ],
  ["Jack Thompson", "jack@teamops.example", "support-apac", "Australia/Sydney", "2019-02-18", "olivia@teamops.example"],
  ["Mei Tanaka", "mei@teamops.example", "support-apac", "Asia/Tokyo", "2021-09-27", "olivia@teamops.example"],
  ["Arjun Mehta", "arjun@teamops.example", "support-apac", "Asia/Kolkata", "2024-01-15", "olivia@teamops.example"],
  ["Chloe Wilson", "chloe@teamops.example", "support-apac", "Pacific/Auckland", "2026-02-02", "olivia@teamops.example"],
  ["Sofia Rossi", "sofia@teamops.example", "support-ops", "Europe/Rome", "2016-10-03", "eleni@teamops.example"],
  ["Tom Fischer", "tom@teamops.example", "support-ops", "Europe/Berlin", "2020-06-08", "sofia@teamops.example"],
  ["Ana Costa", "ana@teamops.example", "support-ops", "Europe/Lisbon", "2022-11-21", "sofia@teamops.example"],
  ["Ben Okafor", "ben@teamops.example", "support-ops", "Europe/London", "2024-06-03", "sofia@teamops.example"],
]

/** True when the organisation has no team and no person. */
export const orgIsEmpty = Effect.gen(function* () {
  const teams = yield* TeamRepo
  const people = yield* PersonRepo
  return (yield* teams.count) === 0 && (yield* people.count({})) === 0
})

/**
 * A small support organisation over five time zones, with managers. Adds only the teams
 * and people whose key or email is not there yet, so running it twice changes nothing.
 */
export const seedOrg = Effect.gen(function* () {
  const teams = yield* TeamRepo
  const people = yield* PersonRepo
  for (const team of demoTeams) {
    if ((yield* teams.byKey(team.key)) === undefined)
      yield* teams.create(Schema.decodeUnknownSync(CreateTeamInput)(team))
  }
  for (const [name, email, teamKey, timeZone, hireDate, managerEmail] of demoPeople) {
    if ((yield* people.byEmail(email)) !== undefined) continue
    const manager = managerEmail === undefined ? undefined : yield* people.byEmail(managerEmail)
    const input = Schema.decodeUnknownSync(CreatePersonInput)({ name, email, teamKey, timeZone, hireDate })
    yield* people.create({ ...input, ...(manager ? { managerId: manager.id } : {}) })
  }
})
