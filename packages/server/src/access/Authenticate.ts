import { Directory, type Principal } from "@teamops/core"
import { Effect, Option } from "effect"
import { claimsApiToken, hashApiToken, isApiToken } from "./ApiToken.js"
import { looksLikeJwt, type SsoVerifier } from "./Sso.js"
import { findToken, type StoredToken, touchToken } from "./TokenStore.js"

/** Why a credential was refused; the message is safe to show the caller. */
export class Unauthenticated {
  readonly _tag = "Unauthenticated"
  constructor(readonly message: string) {}
}

// Last-used times are written at most once a minute per token.
const touchEvery = 60_000

const bearerOf = (header: string | null): string | undefined => {
  if (header === null) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? ""
}

const refusal = (token: StoredToken, now: Date): string | undefined => {
  if (token.revokedAt !== null) return "the token was revoked"
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return "the token has expired"
  return undefined
}

const principalOf = (token: StoredToken): Principal =>
  token.personId !== null
    ? { kind: "person", personId: token.personId, scopes: token.scopes, tokenId: token.id }
    : { kind: "service", name: token.service ?? token.name, scopes: token.scopes, tokenId: token.id }

const byApiToken = (secret: string, now: Date) =>
  Effect.gen(function* () {
    if (!isApiToken(secret)) return yield* Effect.fail(new Unauthenticated("the token is malformed"))
    const token = yield* findToken(hashApiToken(secret))
    if (token === undefined) return yield* Effect.fail(new Unauthenticated("the token is not known"))
    const refused = refusal(token, now)
    if (refused !== undefined) return yield* Effect.fail(new Unauthenticated(refused))
    if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) >= touchEvery) {
      yield* touchToken(token.id, now)
    }
    return principalOf(token)
  })

const bySso = (jwt: string, verify: SsoVerifier) =>
  Effect.gen(function* () {
    const email = yield* verify(jwt).pipe(Effect.mapError((message) => new Unauthenticated(message)))
    const directory = yield* Effect.serviceOption(Directory)
    const person = Option.isSome(directory) ? yield* directory.value.byEmail(email) : undefined
    if (person === undefined || !person.active) {
      return yield* Effect.fail(new Unauthenticated(`no active person has the email ${email}`))
    }
    return { kind: "person", personId: person.personId, scopes: [] } satisfies Principal as Principal
  })

/**
 * Who sent a request, from its `Authorization: Bearer` header: an API token, or, when single
 * sign-on is configured, the identity provider's token. No header is the anonymous caller;
 * a header that does not verify is refused.
 */
export const authenticate = (header: string | null, sso: SsoVerifier | undefined, now: Date) => {
  const bearer = bearerOf(header)
  if (bearer === undefined) return Effect.succeed<Principal>({ kind: "anonymous" })
  if (bearer === "") return Effect.fail(new Unauthenticated("expected Authorization: Bearer <token>"))
  if (claimsApiToken(bearer)) return byApiToken(bearer, now)
  if (sso !== undefined && looksLikeJwt(bearer)) return bySso(bearer, sso)
  return Effect.fail(new Unauthenticated("the token is malformed"))
}
