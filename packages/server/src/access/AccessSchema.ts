import {
  type Builder,
  ConflictError,
  encodeGlobalID,
  GlobalId,
  InputError,
  listConnection,
  NotFoundError,
  ownRef,
  type Principal,
  payload,
  type SchemaKit,
  TokenScope,
  ViewerRef,
  withInput,
} from "@teamops/core"
import { Effect, Schema } from "effect"
import { countAudit, readAudit } from "./AuditLog.js"
import { createToken, listTokens, revokeToken, type StoredToken, tokenById } from "./TokenStore.js"

/** Personal tokens expire after this many days unless told otherwise. */
export const personalTokenDays = 90

const day = 86_400_000

const CreateTokenInput = Schema.Struct({
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)),
  scopes: Schema.optionalWith(Schema.Array(TokenScope), { default: () => [] }),
  expiresInDays: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 3650)), { nullable: true }),
  personId: Schema.optionalWith(GlobalId("Person"), { nullable: true }),
  service: Schema.optionalWith(
    Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: () => "a lower-kebab name" })),
    { nullable: true },
  ),
}).pipe(
  Schema.filter((input) =>
    input.personId !== undefined && input.service !== undefined ? "give at most one of personId and service" : true,
  ),
)

const RevokeTokenInput = Schema.Struct({ id: Schema.UUID })

const scopesOf = (viewer: Principal): ReadonlyArray<TokenScope> =>
  viewer.kind === "person" || viewer.kind === "service" ? viewer.scopes : []

const isAdmin = (viewer: Principal) => viewer.kind === "operator" || scopesOf(viewer).includes("admin")

const notYours = (id: string) => new NotFoundError({ message: `no token ${id}`, entity: "ApiToken", key: id })

/** `viewer`, the caller's and (for admins) everyone's API tokens, and the audit log. */
export const accessSchema = (builder: Builder, { run }: SchemaKit) => {
  const PrincipalKind = builder.enumType("PrincipalKind", {
    values: { PERSON: { value: "person" }, SERVICE: { value: "service" } } as const,
  })
  const Role = builder.enumType("AccessRole", {
    description: "What the caller may do, from their token's scopes and their place in the org chart.",
    values: {
      ADMIN: { value: "admin", description: "Everything." },
      PEOPLE_PARTNER: { value: "people", description: "Every person's org record, departures and org changes." },
      MANAGER: { value: "manager", description: "Manages someone: sees and promotes their reports." },
      MEMBER: { value: "member", description: "A person: their own career data, everyone's names, teams, levels." },
      SERVICE: { value: "service", description: "A service account: only what its scopes allow." },
    } as const,
  })
  builder.objectType(ownRef(builder, ViewerRef), {
    description: "Who the server thinks is asking.",
    fields: (t) => ({
      kind: t.field({ type: PrincipalKind, resolve: (viewer) => viewer.kind as "person" | "service" }),
      personId: t.id({
        nullable: true,
        resolve: (viewer) => (viewer.kind === "person" ? encodeGlobalID("Person", viewer.personId) : null),
      }),
      service: t.string({ nullable: true, resolve: (viewer) => (viewer.kind === "service" ? viewer.name : null) }),
      scopes: t.stringList({ resolve: (viewer) => scopesOf(viewer) }),
      roles: t.field({
        type: [Role],
        resolve: async (viewer, _, context) => {
          const roles: Array<"admin" | "people" | "manager" | "member" | "service"> = []
          if (await context.access.allows({ admin: true })) roles.push("admin")
          if (await context.access.allows({ people: true })) roles.push("people")
          if (viewer.kind === "person") {
            if (await context.access.managesAnyone()) roles.push("manager")
            roles.push("member")
          }
          if (viewer.kind === "service") roles.push("service")
          return roles
        },
      }),
    }),
  })
  const ApiToken = builder.objectRef<StoredToken>("ApiToken").implement({
    description: "An API token; its secret is shown once, when it is made, and stored only as a hash.",
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      personId: t.id({
        nullable: true,
        resolve: (token) => (token.personId === null ? null : encodeGlobalID("Person", token.personId)),
      }),
      service: t.exposeString("service", { nullable: true }),
      scopes: t.stringList({ resolve: (token) => token.scopes }),
      createdAt: t.exposeString("createdAt"),
      expiresAt: t.exposeString("expiresAt", { nullable: true }),
      lastUsedAt: t.exposeString("lastUsedAt", {
        nullable: true,
        description: "Written at most once a minute.",
      }),
      revokedAt: t.exposeString("revokedAt", { nullable: true }),
    }),
  })
  const NewApiToken = builder.objectRef<{ secret: string; token: StoredToken }>("NewApiToken").implement({
    fields: (t) => ({
      secret: t.exposeString("secret", { description: "The token itself: shown this once, never again." }),
      token: t.field({ type: ApiToken, resolve: (made) => made.token }),
    }),
  })
  const AuditLine = builder
    .objectRef<{
      seq: number
      at: string
      principal: string
      operation: string
      targets: ReadonlyArray<string>
      outcome: string
    }>("AuditLine")
    .implement({
      description: "One mutation or denied access, as it was recorded; lines are never changed or removed.",
      fields: (t) => ({
        seq: t.exposeInt("seq"),
        at: t.exposeString("at"),
        principal: t.exposeString("principal", {
          description: "`person:<id>`, `service:<name>`, `operator` (the command line) or `anonymous`.",
        }),
        operation: t.exposeString("operation"),
        targets: t.exposeStringList("targets"),
        outcome: t.exposeString("outcome", {
          description: "`ok`, `refused: <error type>`, `denied`, `failed` or `imported`.",
        }),
      }),
    })

  builder.queryFields((t) => ({
    viewer: t.field({
      type: ViewerRef,
      authScopes: { signedIn: true },
      description: "Who the server thinks is asking.",
      resolve: (_, __, context) => context.access.viewer,
    }),
    tokens: t.field({
      type: [ApiToken],
      authScopes: { signedIn: true },
      description: "Admins: every token. A person: their own. Newest first.",
      resolve: (_, __, context) => {
        const viewer = context.access.viewer
        if (isAdmin(viewer)) return run(listTokens())
        return viewer.kind === "person" ? run(listTokens({ personId: viewer.personId })) : []
      },
    }),
    auditLog: t.connection({
      type: AuditLine,
      authScopes: { admin: true },
      description: "The audit log, newest first.",
      args: {
        principal: t.arg.string({ required: false }),
        operation: t.arg.string({ required: false }),
        denied: t.arg.boolean({ required: false, description: "Only denials, or only the rest." }),
        since: t.arg.string({ required: false, description: "An ISO instant." }),
      },
      resolve: (_, args) => {
        const filter = {
          ...(args.principal == null ? {} : { principal: args.principal }),
          ...(args.operation == null ? {} : { operation: args.operation }),
          ...(args.denied == null ? {} : { denied: args.denied }),
          ...(args.since == null ? {} : { since: args.since }),
        }
        return listConnection(args, {
          list: (page) =>
            run(
              readAudit({
                ...filter,
                limit: page.limit + 1,
                ...(page.after === undefined ? {} : { before: Number(page.after[0]) }),
              }),
            ),
          count: () => run(countAudit(filter)),
          cursorOf: (line) => [String(line.seq)],
        })
      },
    }),
  }))

  const CreateTokenInputType = builder.inputType("CreateTokenInput", {
    description:
      "Without personId or service, a token for the caller, with at most the caller's own scopes. Admins may make one for anybody.",
    fields: (t) => ({
      name: t.string({ required: true }),
      scopes: t.stringList({ required: false, description: `Some of: ${TokenScope.literals.join(", ")}.` }),
      expiresInDays: t.int({
        required: false,
        description: `Personal tokens default to ${personalTokenDays} days; service tokens to never.`,
      }),
      personId: t.id({ required: false }),
      service: t.string({ required: false }),
    }),
  })
  const RevokeTokenInputType = builder.inputType("RevokeTokenInput", {
    fields: (t) => ({ id: t.id({ required: true }) }),
  })

  builder.mutationFields((t) => ({
    createToken: t.field({
      type: NewApiToken,
      authScopes: { signedIn: true },
      errors: payload("CreateToken", "created", [InputError, ConflictError]),
      args: { input: t.arg({ type: CreateTokenInputType, required: true }) },
      resolve: (_, args, context) =>
        run(
          withInput(CreateTokenInput, args.input, (input) =>
            Effect.gen(function* () {
              const viewer = context.access.viewer
              const forOther = input.personId !== undefined || input.service !== undefined
              if (forOther && !isAdmin(viewer)) {
                return yield* new ConflictError({ message: "only admins make tokens for others" })
              }
              if (!forOther && viewer.kind !== "person") {
                return yield* new ConflictError({ message: "a service account's tokens are made by an admin" })
              }
              const beyond = input.scopes.filter((scope) => !isAdmin(viewer) && !scopesOf(viewer).includes(scope))
              if (beyond.length > 0) {
                return yield* new InputError({
                  path: ["input", "scopes"],
                  message: `input.scopes: a token cannot grant what its maker does not hold: ${beyond.join(", ")}`,
                })
              }
              const owner =
                input.service !== undefined
                  ? { service: input.service }
                  : { personId: input.personId ?? (viewer as { personId: string }).personId }
              const now = new Date()
              const days = input.expiresInDays ?? ("personId" in owner ? personalTokenDays : undefined)
              return yield* createToken({
                owner,
                name: input.name,
                scopes: input.scopes,
                createdAt: now,
                expiresAt: days === undefined ? null : new Date(now.getTime() + days * day),
              })
            }),
          ),
        ),
    }),
    revokeToken: t.field({
      type: ApiToken,
      authScopes: { signedIn: true },
      errors: payload("RevokeToken", "token", [InputError, NotFoundError]),
      args: { input: t.arg({ type: RevokeTokenInputType, required: true }) },
      resolve: (_, args, context) =>
        run(
          withInput(RevokeTokenInput, args.input, ({ id }) =>
            Effect.gen(function* () {
              const viewer = context.access.viewer
              const token = yield* tokenById(id)
              const mine = viewer.kind === "person" && token?.personId === viewer.personId
              if (token === undefined || !(mine || isAdmin(viewer))) return yield* notYours(id)
              return (yield* revokeToken(id, new Date())) ?? (yield* notYours(id))
            }),
          ),
        ),
    }),
  }))
}
