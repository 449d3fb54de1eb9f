import { Db, type DbError, type TokenScope } from "@teamops/core"
import { Effect } from "effect"
import { hashApiToken, newApiToken } from "./ApiToken.js"

/** A token as stored: everything but the secret. */
export interface StoredToken {
  readonly id: string
  readonly name: string
  /** The person it acts for, or null for a service account's token. */
  readonly personId: string | null
  /** The service account's name, or null for a person's token. */
  readonly service: string | null
  readonly scopes: ReadonlyArray<TokenScope>
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly lastUsedAt: string | null
  readonly revokedAt: string | null
}

export type TokenOwner = { readonly personId: string } | { readonly service: string }

export interface NewToken {
  readonly owner: TokenOwner
  readonly name: string
  readonly scopes: ReadonlyArray<TokenScope>
  readonly createdAt: Date
  readonly expiresAt: Date | null
}

interface TokenRow {
  id: string
  hash: string
  name: string
  person_id: string | null
  service: string | null
  scopes: string
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

const columns = [
  "id",
  "name",
  "person_id",
  "service",
  "scopes",
  "created_at",
  "expires_at",
  "last_used_at",
  "revoked_at",
] as const

type PublicRow = Omit<TokenRow, "hash">

const fromRow = (row: PublicRow): StoredToken => ({
  id: row.id,
  name: row.name,
  personId: row.person_id,
  service: row.service,
  scopes: JSON.parse(row.scopes) as ReadonlyArray<TokenScope>,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
})

type Tables = { teamops_tokens: TokenRow }

/** Stores a new token and answers it with its secret, which is never stored. */
export const createToken = (input: NewToken): Effect.Effect<{ secret: string; token: StoredToken }, DbError, Db> =>
  Effect.gen(function* () {
    const db = yield* Db
    const secret = newApiToken()
    const row: TokenRow = {
      id: crypto.randomUUID(),
      hash: hashApiToken(secret),
      name: input.name,
      person_id: "personId" in input.owner ? input.owner.personId : null,
      service: "service" in input.owner ? input.owner.service : null,
      scopes: JSON.stringify(input.scopes),
      created_at: input.createdAt.toISOString(),
      expires_at: input.expiresAt?.toISOString() ?? null,
      last_used_at: null,
      revoked_at: null,
    }
    yield* db.query<unknown, Tables>((k) => k.insertInto("teamops_tokens").values(row).execute())
    return { secret, token: fromRow(row) }
  })

/** The token whose secret hashes to `hash`, revoked or not: one indexed read. */
export const findToken = (hash: string) =>
  Effect.flatMap(Db, (db) =>
    db.query<PublicRow | undefined, Tables>((k) =>
      k.selectFrom("teamops_tokens").select(columns).where("hash", "=", hash).executeTakeFirst(),
    ),
  ).pipe(Effect.map((row) => (row === undefined ? undefined : fromRow(row))))

/** The token `id`, or undefined. */
export const tokenById = (id: string) =>
  Effect.flatMap(Db, (db) =>
    db.query<PublicRow | undefined, Tables>((k) =>
      k.selectFrom("teamops_tokens").select(columns).where("id", "=", id).executeTakeFirst(),
    ),
  ).pipe(Effect.map((row) => (row === undefined ? undefined : fromRow(row))))

/** Every token, or those of one person, newest first. */
export const listTokens = (filter: { readonly personId?: string } = {}) =>
  Effect.flatMap(Db, (db) =>
    db.query<ReadonlyArray<PublicRow>, Tables>((k) => {
      const all = k.selectFrom("teamops_tokens").select(columns).orderBy("created_at", "desc").orderBy("id")
      return (filter.personId === undefined ? all : all.where("person_id", "=", filter.personId)).execute()
    }),
  ).pipe(Effect.map((rows) => rows.map(fromRow)))

/** Revokes the token `id` (a token revoked once stays revoked at its first time); answers it, or undefined. */
export const revokeToken = (id: string, at: Date) =>
  Effect.gen(function* () {
    const db = yield* Db
    yield* db.query<unknown, Tables>((k) =>
      k
        .updateTable("teamops_tokens")
        .set({ revoked_at: at.toISOString() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute(),
    )
    return yield* tokenById(id)
  })

/** Revokes every token of a person (on erasure). */
export const revokeTokensOf = (personId: string, at: Date) =>
  Effect.flatMap(Db, (db) =>
    db.query<unknown, Tables>((k) =>
      k
        .updateTable("teamops_tokens")
        .set({ revoked_at: at.toISOString() })
        .where("person_id", "=", personId)
        .where("revoked_at", "is", null)
        .execute(),
    ),
  )

/** Records that token `id` was used at `at`. */
export const touchToken = (id: string, at: Date) =>
  Effect.flatMap(Db, (db) =>
    db.query<unknown, Tables>((k) =>
      k.updateTable("teamops_tokens").set({ last_used_at: at.toISOString() }).where("id", "=", id).execute(),
    ),
  )
