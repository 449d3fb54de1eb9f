import { createHash } from "node:crypto"
import {
  type Builder,
  ConflictError,
  Db,
  encodeGlobalID,
  GlobalId,
  InputError,
  NotFoundError,
  type Plugin,
  type Pseudonym,
  payload,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect, Schema } from "effect"
import { listTokens, revokeTokensOf } from "./TokenStore.js"

/** The same pseudonym for a person whenever asked, from their id alone. */
export const pseudonymOf = (personId: string): Pseudonym => {
  const tag = createHash("sha256").update(personId).digest("hex").slice(0, 8)
  return { name: `Erased person ${tag}`, email: `erased-${tag}@erased.invalid` }
}

const PersonInput = Schema.Struct({ personId: GlobalId("Person") })

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

// A plugin's failure that is not the caller's to act on reaches them as a conflict naming the plugin.
const asFailure = (pluginId: string) => (error: unknown) =>
  error instanceof NotFoundError || error instanceof ConflictError || error instanceof InputError
    ? error
    : new ConflictError({ message: `plugin "${pluginId}": ${messageOf(error)}` })

/**
 * `exportPerson`: everything the plugins keep about a person, as JSON; `erasePerson`: a
 * departed person's personal data removed by every plugin, in one transaction, their
 * identity replaced by a stable pseudonym and their tokens revoked.
 */
export const privacySchema = (builder: Builder, { run }: SchemaKit, plugins: ReadonlyArray<Plugin<any>>) => {
  const keepers = plugins.filter((plugin) => plugin.personalData !== undefined)
  const Erased = builder.objectRef<{ personId: string; pseudonym: Pseudonym }>("ErasedPerson").implement({
    fields: (t) => ({
      personId: t.id({ resolve: (erased) => encodeGlobalID("Person", erased.personId) }),
      pseudonym: t.string({ resolve: (erased) => erased.pseudonym.name }),
    }),
  })
  const ErasePersonInput = builder.inputType("ErasePersonInput", {
    fields: (t) => ({ personId: t.id({ required: true }) }),
  })

  builder.queryField("exportPerson", (t) =>
    t.field({
      type: "JSON",
      description:
        "Everything stored about a person, by plugin, as JSON. Without personId, the caller's own; admins may ask for anyone's.",
      args: { personId: t.arg.id({ required: false }) },
      authScopes: (_, args) => (args.personId == null ? { person: true } : { admin: true }),
      resolve: (_, args, context) =>
        run(
          Effect.gen(function* () {
            const viewer = context.access.viewer
            const personId =
              args.personId == null
                ? (viewer as { personId: string }).personId
                : yield* Schema.decodeUnknown(GlobalId("Person"))(args.personId).pipe(
                    Effect.mapError(() => new InputError({ path: ["personId"], message: "personId: not a person id" })),
                  )
            const data: Record<string, unknown> = {}
            for (const plugin of keepers) {
              data[plugin.id] = yield* (plugin.personalData?.export(personId) ?? Effect.succeed(null)).pipe(
                Effect.mapError(asFailure(plugin.id)),
              )
            }
            const tokens = yield* listTokens({ personId })
            return { personId: encodeGlobalID("Person", personId), plugins: data, tokens }
          }),
        ),
    }),
  )

  builder.mutationField("erasePerson", (t) =>
    t.field({
      type: Erased,
      authScopes: { admin: true },
      description:
        "Removes a departed person's personal data (name, email, notes and evidence written about them) and puts a stable pseudonym in place of their identity, so team figures and ladder history stay right. Their tokens are revoked.",
      errors: payload("ErasePerson", "erased", [InputError, NotFoundError, ConflictError]),
      args: { input: t.arg({ type: ErasePersonInput, required: true }) },
      resolve: (_, args) =>
        run(
          withInput(PersonInput, args.input, ({ personId }) =>
            Effect.flatMap(Db, (db) =>
              db.transaction(
                Effect.gen(function* () {
                  const pseudonym = pseudonymOf(personId)
                  // Dependants first: they may still need what a plugin they depend on will erase.
                  for (const plugin of [...keepers].reverse()) {
                    yield* (plugin.personalData?.erase(personId, pseudonym) ?? Effect.void).pipe(
                      Effect.mapError(asFailure(plugin.id)),
                    )
                  }
                  yield* revokeTokensOf(personId, new Date())
                  return { personId, pseudonym }
                }),
              ),
            ),
          ),
        ),
    }),
  )
}
