import { Schema } from "effect"

/**
 * What a token may do beyond what its principal's place in the organisation allows.
 * `admin` allows everything; `people` is the people-partner (HR) role: every person's org
 * record, departures and org changes. The rest suit service accounts.
 */
export const TokenScope = Schema.Literal(
  "admin",
  "people",
  "org:write",
  "ladders:write",
  "events:write",
  "metrics:read",
)
export type TokenScope = typeof TokenScope.Type

export const tokenScopes: ReadonlyArray<TokenScope> = TokenScope.literals

/** Nobody has shown a credential. */
export interface Anonymous {
  readonly kind: "anonymous"
}

/** A person of the organisation, by their org record, signed in with a token or through single sign-on. */
export interface PersonPrincipal {
  readonly kind: "person"
  readonly personId: string
  readonly scopes: ReadonlyArray<TokenScope>
  /** The API token used, when not single sign-on. */
  readonly tokenId?: string
}

/** A program acting for a team (an HR sync, an event forwarder), only through its scopes. */
export interface ServicePrincipal {
  readonly kind: "service"
  readonly name: string
  readonly scopes: ReadonlyArray<TokenScope>
  readonly tokenId: string
}

/** The operator at the command line, who holds the database itself. */
export interface Operator {
  readonly kind: "operator"
}

/** Who is asking. */
export type Principal = Anonymous | PersonPrincipal | ServicePrincipal | Operator

export const anonymous: Anonymous = { kind: "anonymous" }
export const operator: Operator = { kind: "operator" }

/** How a principal is named in the audit log and in messages. */
export const principalLabel = (principal: Principal): string => {
  switch (principal.kind) {
    case "anonymous":
      return "anonymous"
    case "operator":
      return "operator"
    case "person":
      return `person:${principal.personId}`
    case "service":
      return `service:${principal.name}`
  }
}
