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

// name | email user | team | time zone | hire date | manager's email user (none for the head of support)
const demoPeople = `
Eleni Markou    | eleni    | support          | Europe/Athens       | 2015-02-02 |
Nikos Pappas    | nikos    | support-emea     | Europe/Athens       | 2015-06-15 | eleni
Aoife Byrne     | aoife    | support-emea     | Europe/Dublin       | 2019-09-02 | nikos
Dimitra Ioannou | dimitra  | support-emea     | Europe/Athens       | 2021-03-01 | nikos
Kostas Georgiou | kostas   | support-emea     | Europe/Athens       | 2023-01-09 | nikos
Siobhan Kelly   | siobhan  | support-emea     | Europe/Dublin       | 2025-10-06 | nikos
Maria Alvarez   | maria    | support-americas | America/New_York    | 2016-04-11 | eleni
James Carter    | james    | support-americas | America/New_York    | 2018-08-20 | maria
Priya Raman     | priya    | support-americas | America/Chicago     | 2020-11-16 | maria
Lucas Silva     | lucas    | support-americas | America/Sao_Paulo   | 2022-05-02 | maria
Hannah Brooks   | hannah   | support-americas | America/Los_Angeles | 2025-07-14 | maria
Olivia Nguyen   | olivia   | support-apac     | Australia/Sydney    | 2017-03-06 | eleni
Jack Thompson   | jack     | support-apac     | Australia/Sydney    | 2019-02-18 | olivia
Mei Tanaka      | mei      | support-apac     | Asia/Tokyo          | 2021-09-27 | olivia
Arjun Mehta     | arjun    | support-apac     | Asia/Kolkata        | 2024-01-15 | olivia
Chloe Wilson    | chloe    | support-apac     | Pacific/Auckland    | 2026-02-02 | olivia
Sofia Rossi     | sofia    | support-ops      | Europe/Rome         | 2016-10-03 | eleni
Tom Fischer     | tom      | support-ops      | Europe/Berlin       | 2020-06-08 | sofia
Ana Costa       | ana      | support-ops      | Europe/Lisbon       | 2022-11-21 | sofia
Ben Okafor      | ben      | support-ops      | Europe/London       | 2024-06-03 | sofia
`
  .trim()
  .split("\n")
  .map((line) => {
    const [name, user, teamKey, timeZone, hireDate, manager] = line.split("|").map((cell) => cell.trim())
    const email = (u: string) => `${u}@teamops.example`
    return {
      name,
      email: email(user as string),
      teamKey,
      timeZone,
      hireDate,
      managerEmail: manager ? email(manager) : undefined,
    }
  })

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
    if ((yield* teams.byKey(team.key)) !== undefined) continue
    yield* teams.create(Schema.decodeUnknownSync(CreateTeamInput)(team))
  }
  for (const { managerEmail, email, ...person } of demoPeople) {
    if ((yield* people.byEmail(email)) !== undefined) continue
    const manager = managerEmail === undefined ? undefined : yield* people.byEmail(managerEmail)
    const input = Schema.decodeUnknownSync(CreatePersonInput)({ ...person, email })
    yield* people.create({ ...input, ...(manager ? { managerId: manager.id } : {}) })
  }
})
