import type { TokenScope } from "@teamops/core"
import { Console, Effect, Either } from "effect"
import type { Booted } from "./Boot.js"
import { issueToken, personByEmail } from "./TokenCommand.js"

/**
 * The people of the demo organisation the demo's tokens act for: the head of support, as an
 * admin; a team lead, who manages the people of Support EMEA; and one of those people.
 */
export const demoRoles: ReadonlyArray<{
  readonly role: "admin" | "manager" | "member"
  readonly email: string
  readonly scopes: ReadonlyArray<TokenScope>
}> = [
  { role: "admin", email: "eleni@teamops.example", scopes: ["admin"] },
  { role: "manager", email: "nikos@teamops.example", scopes: [] },
  { role: "member", email: "kostas@teamops.example", scopes: [] },
]

/**
 * Makes a new token, named "demo", for each of the demo's people, prints them on stderr one a
 * line with the role and the email, and opens GraphiQL with the admin's. A database without
 * the demo people gets none, and is told why. Answers the tokens made.
 */
export const demoTokens = (server: Booted) =>
  Effect.gen(function* () {
    const people: Array<(typeof demoRoles)[number] & { readonly personId: string }> = []
    for (const demo of demoRoles) {
      const { email } = demo
      const person = yield* Effect.either(personByEmail(server, email))
      if (Either.isLeft(person) || !person.right.active) {
        yield* Effect.logWarning(`no demo tokens: ${email} is not in this database`)
        return []
      }
      people.push({ ...demo, personId: person.right.personId })
    }
    const made: Array<{ readonly role: string; readonly email: string; readonly secret: string }> = []
    for (const { role, email, personId, scopes } of people) {
      const { secret } = yield* issueToken(server, {
        owner: { personId },
        name: "demo",
        scopes,
        expiresInDays: undefined,
      })
      made.push({ role, email, secret })
    }
    const width = Math.max(...made.map((t) => t.email.length))
    yield* Console.error(
      [
        "demo tokens (send one as Authorization: Bearer <token>; GraphiQL sends the admin's):",
        ...made.map((t) => `${t.role.padEnd(8)} ${t.email.padEnd(width)}  ${t.secret}`),
      ].join("\n"),
    )
    const admin = made.find((t) => t.role === "admin")
    if (admin !== undefined) server.showInGraphiQL({ Authorization: `Bearer ${admin.secret}` })
    return made
  })
