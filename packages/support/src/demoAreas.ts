import {
  AddAreaContributorInput,
  AreaRepo,
  CreateAreaInput,
  HandOverAreaInput,
  RecordAreaWorkInput,
} from "@teamops/aor"
import { encodeGlobalID, localDate } from "@teamops/core"
import { CreatePersonInput, PersonRepo } from "@teamops/org"
import { Clock, Effect, Schema } from "effect"
import { demoEmail } from "./demoPeople.js"

// The demo organisation's areas of responsibility, told as what happened over the last months,
// so that every rule of the health report has an answer: an area nobody owns since its owner
// let it go, an owner carrying more than their allowance, an area nobody looked at for longer
// than its review, one with too many cooks, and a newcomer who already owns one.

const dayMs = 86_400_000

/** A clock standing at `millis`: what the areas record as the time of each step. */
const clockAt = (millis: number): Clock.Clock => {
  const base = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => base.sleep(duration),
  }
}

interface DemoArea {
  readonly key: string
  readonly name: string
  readonly purpose: string
  readonly team: string
  readonly category: string
  readonly weeklyHours: number
  readonly decisions: ReadonlyArray<string>
  readonly competencies: ReadonlyArray<string>
  readonly reviewEveryDays?: number
  readonly owner: string
  readonly contributors?: ReadonlyArray<readonly [user: string, weeklyHours: number]>
  /** Days before the seed it was created and given to its owner. */
  readonly since: number
  /** Work done in it: who, how many days before the seed, what. */
  readonly work?: ReadonlyArray<readonly [user: string, daysAgo: number, text: string]>
}

const demoAreas: ReadonlyArray<DemoArea> = [
  {
    key: "frontline-tooling",
    name: "Help desk and macros",
    purpose: "The frontline answers from one tidy help desk: routing rules, macros and views that fit the work.",
    team: "support-ops",
    category: "frontline-tooling",
    weeklyHours: 6,
    decisions: ["Which macros exist and how they are worded.", "How conversations are routed to the regions."],
    competencies: ["process-and-tooling"],
    owner: "tom",
    contributors: [["ben", 2]],
    since: 240,
    work: [["tom", 5, "Merged the three refund macros into one with the new policy."]],
  },
  {
    key: "process-writing",
    name: "How we work",
    purpose: "Every team handles escalations, refunds and outages the same way, written down.",
    team: "support-ops",
    category: "process-writing",
    weeklyHours: 4,
    decisions: ["What the written process says, after asking the leads."],
    competencies: ["ownership"],
    owner: "tom",
    since: 120,
    work: [["tom", 15, "Wrote the outage playbook."]],
  },
  {
    key: "help-center",
    name: "Help-centre articles",
    purpose: "Customers find the answer to common questions without writing in.",
    team: "support-emea",
    category: "educational-content",
    weeklyHours: 4,
    decisions: ["Which articles are written next and which are retired."],
    competencies: ["customer-communication", "product-knowledge"],
    owner: "aoife",
    contributors: [["kostas", 2]],
    since: 300,
    work: [
      ["kostas", 12, "Wrote the help-centre article on call forwarding, now the most read of the month."],
      ["aoife", 30, "Retired eleven articles about the old dialler."],
    ],
  },
  {
    key: "onboarding-buddies",
    name: "Onboarding buddies",
    purpose: "Every new teammate has a buddy and a plan for their first month.",
    team: "support-emea",
    category: "mentoring-and-onboarding",
    weeklyHours: 3,
    decisions: ["Who buddies whom.", "What the first month's plan holds."],
    competencies: ["mentoring-and-leadership"],
    owner: "dimitra",
    since: 400,
    work: [["dimitra", 20, "Planned Siobhan's first month with her."]],
  },
  {
    key: "quality-reviews",
    name: "Conversation reviews",
    purpose: "Each specialist hears every month what to keep and what to change in their conversations.",
    team: "support-americas",
    category: "quality-reviews",
    weeklyHours: 3,
    decisions: ["Which conversations are reviewed and against which standard."],
    competencies: ["customer-communication", "mentoring-and-leadership"],
    reviewEveryDays: 60,
    owner: "priya",
    since: 365,
    work: [["priya", 100, "Reviewed twenty conversations of the quarter with the team."]],
  },
  {
    key: "release-notes",
    name: "Release notes for the frontline",
    purpose: "The frontline knows what shipped before the first customer asks.",
    team: "support-americas",
    category: "product-liaison",
    weeklyHours: 2,
    decisions: ["What of each release the frontline needs to know."],
    competencies: ["collaboration-with-product"],
    owner: "maria",
    contributors: [
      ["james", 1],
      ["priya", 1],
      ["lucas", 1],
      ["hannah", 1],
    ],
    since: 90,
    work: [["lucas", 3, "Summed up the telephony release for the team."]],
  },
  {
    key: "status-page",
    name: "Status page updates",
    purpose: "Customers read about an outage on the status page before they write in.",
    team: "support-americas",
    category: "product-liaison",
    weeklyHours: 2,
    decisions: ["When an incident goes on the status page and in which words."],
    competencies: ["customer-communication"],
    owner: "james",
    since: 500,
    work: [["james", 40, "Posted the updates of the September outage."]],
  },
  {
    key: "support-dashboards",
    name: "Support dashboards",
    purpose: "Every lead sees the queue, the replies and the ratings of their team on one page.",
    team: "support-ops",
    category: "frontline-tooling",
    weeklyHours: 2,
    decisions: ["Which figures the dashboards show."],
    competencies: ["process-and-tooling"],
    owner: "noah",
    since: 10,
  },
]

/** Released, so that the area has nobody: who let it go, when, and why. */
const releases: ReadonlyArray<readonly [areaKey: string, user: string, daysAgo: number, note: string]> = [
  ["status-page", "james", 20, "James moves to the escalation queue full time; the area needs a new owner."],
]

/** A teammate hired a month before the seed: new enough that owning an area is too early. */
const newcomer = {
  name: "Noah Williams",
  user: "noah",
  team: "support-ops",
  timeZone: "Europe/London",
  manager: "sofia",
}

const decode = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknownSync(schema)

/**
 * Seeds the demo's areas through aor's and org's services, each step at the time it happened.
 * Adds only what is missing: an area whose key exists is left alone, and people the
 * organisation does not have are skipped with their areas.
 */
export const seedAreas = Effect.gen(function* () {
  const people = yield* PersonRepo
  const areas = yield* AreaRepo
  const now = yield* Clock.currentTimeMillis
  const daysAgo = (days: number) => now - days * dayMs
  const at = (days: number) => Effect.withClock(clockAt(daysAgo(days)))

  const manager = yield* people.byEmail(demoEmail(newcomer.manager))
  if ((yield* people.byEmail(demoEmail(newcomer.user))) === undefined && manager !== undefined) {
    yield* people.create(
      decode(CreatePersonInput)({
        name: newcomer.name,
        email: demoEmail(newcomer.user),
        timeZone: newcomer.timeZone,
        teamKey: newcomer.team,
        hireDate: localDate(daysAgo(30), newcomer.timeZone),
        managerId: encodeGlobalID("Person", manager.id),
      }),
    )
  }

  const users = [...new Set(demoAreas.flatMap((a) => [a.owner, ...(a.contributors ?? []).map(([u]) => u)]))]
  const found = yield* people.byEmails(users.map(demoEmail))
  const personOf = new Map(found.map((p) => [p.email.split("@")[0] as string, p]))
  const idOf = (user: string) => {
    const person = personOf.get(user)
    return person === undefined ? undefined : encodeGlobalID("Person", person.id)
  }
  const known = new Set((yield* areas.byKeys(demoAreas.map((a) => a.key))).map((a) => a.key))
  const seeding = demoAreas.filter(
    (a) => !known.has(a.key) && personOf.has(a.owner) && (a.contributors ?? []).every(([u]) => personOf.has(u)),
  )

  for (const area of seeding) {
    const { key, team, owner, since } = area
    yield* at(since)(
      Effect.gen(function* () {
        yield* areas.create(
          decode(CreateAreaInput)({
            key,
            name: area.name,
            purpose: area.purpose,
            teamKey: team,
            category: area.category,
            weeklyHours: area.weeklyHours,
            decisions: area.decisions,
            competencies: area.competencies,
            reviewEveryDays: area.reviewEveryDays,
          }),
        )
        yield* areas.handOver(
          decode(HandOverAreaInput)({
            areaKey: key,
            fromPersonId: null,
            toPersonId: idOf(owner),
            note: "First owner of the area.",
          }),
        )
        for (const [user, weeklyHours] of area.contributors ?? []) {
          yield* areas.addContributor(
            decode(AddAreaContributorInput)({ areaKey: key, personId: idOf(user), weeklyHours }),
          )
        }
      }),
    )
    for (const [user, days, text] of area.work ?? []) {
      const person = personOf.get(user)
      if (person === undefined) continue
      yield* at(days)(
        areas.recordWork(
          decode(RecordAreaWorkInput)({
            areaKey: key,
            personId: idOf(user),
            date: localDate(daysAgo(days), person.timeZone),
            text,
          }),
        ),
      )
    }
  }

  for (const [areaKey, user, days, note] of releases) {
    if (!seeding.some((a) => a.key === areaKey)) continue
    yield* at(days)(
      areas.handOver(decode(HandOverAreaInput)({ areaKey, fromPersonId: idOf(user), toPersonId: null, note })),
    )
  }
})
