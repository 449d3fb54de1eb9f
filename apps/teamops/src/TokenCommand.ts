import { Args, Command, Options } from "@effect/cli"
import { Db, Directory, NotFoundError, operator, type TokenScope, tokenScopes } from "@teamops/core"
import {
  appendAudit,
  createToken,
  listTokens,
  personalTokenDays,
  revokeToken,
  type StoredToken,
  type TokenOwner,
} from "@teamops/server"
import { Console, Effect, Option } from "effect"
import { type Booted, boot } from "./Boot.js"
import { CliError } from "./CliError.js"
import { onHost } from "./OnHost.js"
import { database } from "./Options.js"

const day = 86_400_000
const serviceName = /^[a-z0-9][a-z0-9-]{0,62}$/

const fail = (message: string) => Effect.fail(new CliError({ message }))

/** The person `email` names, through the org chart; an unknown email is refused. */
export const personByEmail = (server: Booted, email: string) =>
  Effect.gen(function* () {
    const found = yield* onHost(
      server,
      Effect.flatMap(Effect.serviceOption(Directory), (directory) =>
        Option.isSome(directory)
          ? Effect.map(directory.value.byEmail(email), Option.fromNullable)
          : Effect.succeed(null),
      ),
    )
    if (found === null) return yield* fail('tokens of people need the plugin "org" (see teamops.config.js)')
    if (Option.isNone(found)) return yield* fail(`no person with email ${email}`)
    return found.value
  })

/** The person a new token is for: known, and still in the organisation. */
const activePerson = (server: Booted, email: string) =>
  Effect.flatMap(personByEmail(server, email), (person) =>
    person.active ? Effect.succeed(person) : fail(`${email} has left the organisation: no token is made for them`),
  )

/** The emails of the people `ids` name, for what is printed; an id without a person is left out. */
const emailsOf = (server: Booted, ids: ReadonlyArray<string>) =>
  onHost(
    server,
    Effect.flatMap(Effect.serviceOption(Directory), (directory) =>
      Option.isNone(directory)
        ? Effect.succeed(new Map<string, string>())
        : Effect.map(
            Effect.forEach(new Set(ids), (id) => directory.value.byId(id)),
            (people) => new Map(people.flatMap((p) => (p === undefined ? [] : [[p.personId, p.email] as const]))),
          ),
    ),
  )

export interface TokenRequest {
  readonly owner: TokenOwner
  readonly name: string
  readonly scopes: ReadonlyArray<TokenScope>
  /** Days until it expires; undefined: a person's default, or never for a service. */
  readonly expiresInDays: number | undefined
}

/**
 * Makes a token as the operator, and records it in the audit log in the same transaction.
 * Answers the secret, which is never stored, and the token.
 */
export const issueToken = (server: Booted, request: TokenRequest) => {
  const now = new Date()
  const days = request.expiresInDays ?? ("personId" in request.owner ? personalTokenDays : undefined)
  return onHost(
    server,
    Effect.flatMap(Db, (db) =>
      db.transaction(
        Effect.gen(function* () {
          const made = yield* createToken({
            owner: request.owner,
            name: request.name,
            scopes: request.scopes,
            createdAt: now,
            expiresAt: days === undefined ? null : new Date(now.getTime() + days * day),
          })
          yield* appendAudit(operator, [{ operation: "token create", targets: [made.token.id], outcome: "ok" }], now)
          return made
        }),
      ),
    ),
  )
}

const scopesText = (scopes: ReadonlyArray<string>) => (scopes.length === 0 ? "no scopes" : `scopes ${scopes.join(" ")}`)

/** One line about a token: its id, owner, scopes and expiry. */
export const tokenSummary = (token: StoredToken, owner: string) =>
  `token ${token.id} for ${owner}, ${scopesText(token.scopes)}, ${
    token.expiresAt === null ? "never expires" : `expires ${token.expiresAt}`
  }`

const tokenCreate = Command.make(
  "create",
  {
    database,
    person: Options.text("person").pipe(
      Options.withDescription("The email of the person the token acts for"),
      Options.optional,
    ),
    service: Options.text("service").pipe(
      Options.withDescription("The name of the service account the token acts for (lower-kebab, such as hr-sync)"),
      Options.optional,
    ),
    scopes: Options.choice("scope", tokenScopes).pipe(
      Options.withDescription(
        "What the token may do beyond its owner's place in the organisation; repeat for more than one. A service token needs at least one",
      ),
      Options.repeated,
    ),
    expires: Options.integer("expires").pipe(
      Options.withDescription(
        `Days until the token expires (1 to 3650; default ${personalTokenDays} for a person, never for a service)`,
      ),
      Options.optional,
    ),
    name: Options.text("name").pipe(
      Options.withDescription("A name to tell the token apart by (default: the person's email or the service's name)"),
      Options.optional,
    ),
  },
  ({ database, person, service, scopes, expires, name }) =>
    Effect.scoped(
      Effect.gen(function* () {
        if (Option.isSome(person) === Option.isSome(service)) {
          return yield* fail("give either --person EMAIL or --service NAME")
        }
        if (Option.isSome(service) && !serviceName.test(service.value)) {
          return yield* fail(`--service: expected a lower-kebab name such as hr-sync, got "${service.value}"`)
        }
        if (Option.isSome(service) && scopes.length === 0) {
          return yield* fail("a service token needs at least one --scope")
        }
        if (Option.isSome(expires) && !(expires.value >= 1 && expires.value <= 3650)) {
          return yield* fail(`--expires: expected a number of days from 1 to 3650, got ${expires.value}`)
        }
        const label = Option.isSome(person) ? person.value.trim().toLowerCase() : (service as Option.Some<string>).value
        const tokenName = Option.getOrElse(name, () => label).trim()
        if (tokenName === "" || tokenName.length > 100) {
          return yield* fail("--name: expected a name of 1 to 100 characters")
        }
        const server = yield* boot(database)
        const owner: TokenOwner = Option.isSome(person)
          ? { personId: (yield* activePerson(server, label)).personId }
          : { service: label }
        const made = yield* issueToken(server, {
          owner,
          name: tokenName,
          scopes: [...new Set(scopes)],
          expiresInDays: Option.getOrUndefined(expires),
        })
        // The secret alone on stdout, so that TOKEN=$(teamops token create ...) holds it.
        yield* Console.log(made.secret)
        yield* Console.error(tokenSummary(made.token, Option.isSome(person) ? label : `service ${label}`))
      }),
    ),
).pipe(
  Command.withDescription(
    "Make an API token for a person or a service account: prints the token once, alone on stdout, and what it is on stderr",
  ),
)

const tokenList = Command.make(
  "list",
  {
    database,
    person: Options.text("person").pipe(
      Options.withDescription("Only the tokens of the person with this email"),
      Options.optional,
    ),
  },
  ({ database, person }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const server = yield* boot(database)
        const filter = Option.isSome(person)
          ? { personId: (yield* personByEmail(server, person.value.trim().toLowerCase())).personId }
          : {}
        const tokens = yield* onHost(server, listTokens(filter))
        const emails = yield* emailsOf(
          server,
          tokens.flatMap((t) => (t.personId === null ? [] : [t.personId])),
        )
        const shown = tokens.map((t) => ({
          id: t.id,
          name: t.name,
          person: t.personId === null ? null : (emails.get(t.personId) ?? t.personId),
          service: t.service,
          scopes: t.scopes,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
        }))
        yield* Console.log(JSON.stringify(shown, null, 2))
      }),
    ),
).pipe(Command.withDescription("Print the API tokens, newest first, as JSON (never their secrets)"))

const tokenRevoke = Command.make(
  "revoke",
  {
    database,
    id: Args.text({ name: "ID" }).pipe(Args.withDescription("The id of the token, as token list prints it")),
  },
  ({ database, id }) =>
    Effect.scoped(
      Effect.gen(function* () {
        const server = yield* boot(database)
        const now = new Date()
        const token = yield* onHost(
          server,
          Effect.flatMap(Db, (db) =>
            db.transaction(
              Effect.gen(function* () {
                const revoked = yield* revokeToken(id, now)
                if (revoked === undefined) {
                  return yield* new NotFoundError({ message: `no token ${id}`, entity: "ApiToken", key: id })
                }
                // A token revoked before keeps its first revocation, and the log its first line.
                if (revoked.revokedAt === now.toISOString()) {
                  yield* appendAudit(operator, [{ operation: "token revoke", targets: [id], outcome: "ok" }], now)
                }
                return revoked
              }),
            ),
          ),
        )
        yield* Console.log(JSON.stringify({ id: token.id, name: token.name, revokedAt: token.revokedAt }, null, 2))
        if (token.revokedAt !== now.toISOString()) {
          yield* Console.error(`token ${token.id} was already revoked at ${token.revokedAt}`)
        }
      }),
    ),
).pipe(Command.withDescription("Revoke an API token: from now on the server refuses it"))

export const tokenCommand = Command.make("token").pipe(
  Command.withDescription("API tokens: make, list and revoke the credentials GraphQL requests carry"),
  Command.withSubcommands([tokenCreate, tokenList, tokenRevoke]),
)
