import { Effect, Schema } from "effect"
import { CreatePersonInput } from "./Person.js"
import { PersonRepo } from "./PersonRepo.js"
import { CreateTeamInput } from "./Team.js"
import { TeamRepo } from "./TeamRepo.js"

// Salaries are in euros; a team's default stands for the salary of its people without one.
const demoTeams = [
  { key: "support", name: "Customer Support", description: "Everyone who answers customers." },
  {
    key: "support-emea",
    name: "Support EMEA",
    parentKey: "support",
    description: "Athens and Dublin.",
    defaultAnnualSalary: 42000,
  },
  {
    key: "support-americas",
    name: "Support Americas",
    parentKey: "support",
    description: "Boston.",
    defaultAnnualSalary: 55000,
  },
  {
    key: "support-apac",
    name: "Support APAC",
    parentKey: "support",
    description: "Sydney.",
    defaultAnnualSalary: 48000,
  },
  {
    key: "support-ops",
    name: "Support Operations",
    parentKey: "support",
    description: "Tools and processes.",
    defaultAnnualSalary: 50000,
  },
]

// name | email user | team | time zone | hire date | manager's email user (none for the head of support)
// | annual salary (none: the team's default) | leave date (none: still here)
const demoPeople = `
Eleni Markou    | eleni    | support          | Europe/Athens       | 2015-02-02 |        | 98000 |
Nikos Pappas    | nikos    | support-emea     | Europe/Athens       | 2015-06-15 | eleni  | 72000 |
Aoife Byrne     | aoife    | support-emea     | Europe/Dublin       | 2019-09-02 | nikos  | 52000 |
Dimitra Ioannou | dimitra  | support-emea     | Europe/Athens       | 2021-03-01 | nikos  | 44000 |
Kostas Georgiou | kostas   | support-emea     | Europe/Athens       | 2023-01-09 | nikos  | 38000 |
Siobhan Kelly   | siobhan  | support-emea     | Europe/Dublin       | 2025-10-06 | nikos  |       |
Maria Alvarez   | maria    | support-americas | America/New_York    | 2016-04-11 | eleni  | 85000 |
James Carter    | james    | support-americas | America/New_York    | 2018-08-20 | maria  | 70000 |
Priya Raman     | priya    | support-americas | America/Chicago     | 2020-11-16 | maria  | 58000 |
Lucas Silva     | lucas    | support-americas | America/Sao_Paulo   | 2022-05-02 | maria  | 36000 |
Hannah Brooks   | hannah   | support-americas | America/Los_Angeles | 2025-07-14 | maria  |       |
Olivia Nguyen   | olivia   | support-apac     | Australia/Sydney    | 2017-03-06 | eleni  | 80000 |
Jack Thompson   | jack     | support-apac     | Australia/Sydney    | 2019-02-18 | olivia | 62000 |
Mei Tanaka      | mei      | support-apac     | Asia/Tokyo          | 2021-09-27 | olivia | 54000 |
Arjun Mehta     | arjun    | support-apac     | Asia/Kolkata        | 2024-01-15 | olivia | 30000 |
Chloe Wilson    | chloe    | support-apac     | Pacific/Auckland    | 2026-02-02 | olivia |       |
Sofia Rossi     | sofia    | support-ops      | Europe/Rome         | 2016-10-03 | eleni  | 75000 |
Tom Fischer     | tom      | support-ops      | Europe/Berlin       | 2020-06-08 | sofia  | 60000 |
Ana Costa       | ana      | support-ops      | Europe/Lisbon       | 2022-11-21 | sofia  | 46000 |
Ben Okafor      | ben      | support-ops      | Europe/London       | 2024-06-03 | sofia  | 48000 |
Lena Weber      | lena     | support-ops      | Europe/Berlin       | 2023-03-06 | sofia  |       | 2026-04-30
`
  .trim()
  .split("\n")
  .map((line) => {
    const [name, user, teamKey, timeZone, hireDate, manager, salary, leftOn] = line.split("|").map((c) => c.trim())
    const email = (u: string) => `${u}@teamops.example`
    return {
      name,
      email: email(user as string),
      teamKey,
      timeZone,
      hireDate,
      managerEmail: manager ? email(manager) : undefined,
      annualSalary: salary ? Number(salary) : undefined,
      leftOn: leftOn || undefined,
    }
  })

/** True when the organisation has no team and no person. */
export const orgIsEmpty = Effect.gen(function* () {
  const teams = yield* TeamRepo
  const people = yield* PersonRepo
  return (yield* teams.count) === 0 && (yield* people.count({})) === 0
})

/**
 * A small support organisation over five time zones, with managers, salaries, and one person
 * who left in 2026 (so that the workforce figures show a departure and its cost). Adds only
 * the teams and people whose key or email is not there yet, so running it twice changes nothing.
 */
export const seedOrg = Effect.gen(function* () {
  const teams = yield* TeamRepo
  const people = yield* PersonRepo
  for (const team of demoTeams) {
    if ((yield* teams.byKey(team.key)) !== undefined) continue
    yield* teams.create(Schema.decodeUnknownSync(CreateTeamInput)(team))
  }
  for (const { managerEmail, email, leftOn, ...person } of demoPeople) {
    if ((yield* people.byEmail(email)) !== undefined) continue
    const manager = managerEmail === undefined ? undefined : yield* people.byEmail(managerEmail)
    const input = Schema.decodeUnknownSync(CreatePersonInput)({ ...person, email })
    const created = yield* people.create({ ...input, ...(manager ? { managerId: manager.id } : {}) })
    if (leftOn !== undefined) yield* people.recordDeparture({ personId: created.id, leftOn })
  }
})
