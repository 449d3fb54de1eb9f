import { readFileSync } from "node:fs"
import { Effect, Schema } from "effect"
import type { JWTVerifyGetKey } from "jose"

/**
 * Single sign-on: access tokens (JWTs) of the company's identity provider, verified against
 * its keys (a JWKS URL, or a JWKS file for a provider that cannot be reached), issuer and
 * audience. The email in `emailClaim` names the person.
 */
export const SsoConfig = Schema.Struct({
  issuer: Schema.NonEmptyString,
  audience: Schema.NonEmptyString,
  jwksUrl: Schema.optional(Schema.NonEmptyString),
  jwksFile: Schema.optional(Schema.NonEmptyString),
  emailClaim: Schema.optionalWith(Schema.NonEmptyString, { default: () => "email" }),
}).pipe(
  Schema.filter((c) => (c.jwksUrl === undefined) !== (c.jwksFile === undefined) || "give one of jwksUrl or jwksFile"),
)
export type SsoConfig = typeof SsoConfig.Type

/** Verifies an identity provider's token and answers the email it vouches for. */
export type SsoVerifier = (token: string) => Effect.Effect<string, string>

/**
 * The verifier of `config`; a JWKS file is read once, a JWKS URL fetched and cached by jose.
 * jose is loaded here, when single sign-on is configured, so that other servers boot without it.
 */
export const makeSsoVerifier = async (config: SsoConfig): Promise<SsoVerifier> => {
  const { createLocalJWKSet, createRemoteJWKSet, jwtVerify } = await import("jose")
  const keys: JWTVerifyGetKey =
    config.jwksFile !== undefined
      ? createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, "utf8")))
      : createRemoteJWKSet(new URL(config.jwksUrl as string))
  return (token) =>
    Effect.tryPromise({
      try: () => jwtVerify(token, keys, { issuer: config.issuer, audience: config.audience }),
      catch: (e) => `the identity provider's token does not verify: ${(e as { code?: string }).code ?? "invalid"}`,
    }).pipe(
      Effect.flatMap(({ payload }) => {
        const email = payload[config.emailClaim]
        return typeof email === "string" && email.includes("@")
          ? Effect.succeed(email)
          : Effect.fail(`the identity provider's token has no email in claim "${config.emailClaim}"`)
      }),
    )
}

/** Whether `text` is shaped like a JWT (three base64url parts). */
export const looksLikeJwt = (text: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(text)
