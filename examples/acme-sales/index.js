// acme-sales, in plain JavaScript: gives every person a sales quota, kept in the plugin's own
// table. It is the plugin that docs/plugins.md builds in TypeScript, without the types, so that
// Node loads it as it is from teamops.config.js, with no build step.
import { Db, definePlugin, GlobalId, InputError, NotFoundError, payload, requestLoader, withInput } from "@teamops/core"
import { PersonRef, PersonRepo } from "@teamops/org"
import { Context, Effect, Layer, Schema } from "effect"
import { sql } from "kysely"

// --- Domain: plain values and schemas, no database and no GraphQL. ---

/** The settings under `pluginConfig["acme-sales"]`; every field has a default. */
const SalesConfig = Schema.Struct({
  currency: Schema.optionalWith(
    Schema.String.pipe(Schema.pattern(/^[A-Z]{3}$/, { message: () => 'expected a currency code such as "EUR"' })),
    { default: () => "EUR", exact: true },
  ),
})

/** The arguments of `setSalesQuota`, decoded before anything runs. */
const SetSalesQuotaInput = Schema.Struct({
  personId: GlobalId("Person"),
  amount: Schema.Int.pipe(Schema.nonNegative({ message: () => "expected an amount of 0 or more" })),
})

// --- Store: the plugin's table, its name starting with the plugin's prefix `acme_sales`. ---

const migrations = {
  "0001_quotas": {
    up: async (db) => {
      await db.schema
        .createTable("acme_sales_quotas")
        .addColumn("person_id", "text", (c) => c.primaryKey().references("org_people.id"))
        .addColumn("amount", "integer", (c) => c.notNull().check(sql`amount >= 0`))
        .execute()
    },
  },
}

/** The service the resolvers and the demo use: `of(personIds)`, `set`, `addMissing`, `count`. */
export class SalesQuotas extends Context.Tag("acme-sales/SalesQuotas")() {}

const salesQuotasLayer = (config) =>
  Layer.effect(
    SalesQuotas,
    Effect.gen(function* () {
      const db = yield* Db
      // A service of org, which this plugin depends on: its layer is built first.
      const people = yield* PersonRepo
      const quota = (amount) => ({ amount, currency: config.currency })
      return {
        of: (personIds) =>
          db
            .query((k) =>
              personIds.length === 0
                ? Promise.resolve([])
                : k.selectFrom("acme_sales_quotas").selectAll().where("person_id", "in", personIds).execute(),
            )
            .pipe(Effect.map((rows) => new Map(rows.map((r) => [r.person_id, quota(r.amount)])))),
        set: (personId, amount) =>
          db.transaction(
            Effect.gen(function* () {
              const [person] = yield* people.byIds([personId])
              if (person === undefined) {
                const message = `no person with id "${personId}"`
                return yield* new NotFoundError({ entity: "Person", key: personId, message })
              }
              yield* db.query((k) =>
                k
                  .insertInto("acme_sales_quotas")
                  .values({ person_id: personId, amount })
                  .onConflict((oc) => oc.column("person_id").doUpdateSet({ amount }))
                  .execute(),
              )
              return person
            }),
          ),
        addMissing: (personId, amount) =>
          db
            .query((k) =>
              k
                .insertInto("acme_sales_quotas")
                .values({ person_id: personId, amount })
                .onConflict((oc) => oc.column("person_id").doNothing())
                .execute(),
            )
            .pipe(Effect.asVoid),
        count: db
          .query((k) =>
            k
              .selectFrom("acme_sales_quotas")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow(),
          )
          .pipe(Effect.map((r) => Number(r.n))),
      }
    }),
  )

// --- GraphQL: a type of its own, a field on org's Person, one mutation. ---

/** The quotas of the people of a request, read in one statement for all of them. */
const quotaLoader = requestLoader("acme-sales", "quotaOf", (ids) =>
  Effect.map(
    Effect.flatMap(SalesQuotas, (quotas) => quotas.of(ids)),
    (found) => ids.map((id) => found.get(id) ?? null),
  ),
)

const salesSchema = (builder, kit) => {
  const SalesQuotaType = builder.objectRef("SalesQuota").implement({
    description: "How much a person is expected to sell per quarter.",
    fields: (t) => ({ amount: t.exposeInt("amount"), currency: t.exposeString("currency") }),
  })

  builder.objectField(PersonRef, "salesQuota", (t) =>
    t.field({
      type: SalesQuotaType,
      nullable: true,
      description: "The person's sales quota, if one is set.",
      // Seen by the person, their managers and admins; anyone else reads null, as for no quota.
      authScopes: (person) => ({ careerOf: person.id }),
      unauthorizedResolver: () => null,
      resolve: (person, _, context) => quotaLoader(context).load(person.id),
    }),
  )

  const SetSalesQuotaInputType = builder.inputType("SetSalesQuotaInput", {
    fields: (t) => ({ personId: t.id({ required: true }), amount: t.int({ required: true }) }),
  })

  builder.mutationField("setSalesQuota", (t) =>
    t.field({
      type: PersonRef,
      // People partners and admins set quotas.
      authScopes: { people: true },
      args: { input: t.arg({ type: SetSalesQuotaInputType, required: true }) },
      errors: payload("SetSalesQuota", "person", [InputError, NotFoundError]),
      resolve: (_, { input }) =>
        kit.run(
          withInput(SetSalesQuotaInput, input, (i) =>
            Effect.flatMap(SalesQuotas, (quotas) => quotas.set(i.personId, i.amount)),
          ),
        ),
    }),
  )
}

// --- Demo data: quotas for three of org's demo people; adds only what is missing. ---

const demoQuotas = [
  ["maria@teamops.example", 120000],
  ["james@teamops.example", 80000],
  ["priya@teamops.example", 80000],
]

const demo = {
  isEmpty: Effect.flatMap(SalesQuotas, (quotas) => quotas.count).pipe(Effect.map((n) => n === 0)),
  seed: Effect.gen(function* () {
    const people = yield* PersonRepo
    const quotas = yield* SalesQuotas
    for (const [email, amount] of demoQuotas) {
      const person = yield* people.byEmail(email)
      if (person !== undefined) yield* quotas.addMissing(person.id, amount)
    }
  }),
}

// --- The plugin: a plain value, booted by whichever host lists it. ---

export const acmeSales = definePlugin({
  id: "acme-sales",
  version: "0.1.0",
  dependsOn: ["org"],
  config: SalesConfig,
  migrations,
  layer: salesQuotasLayer,
  schema: salesSchema,
  demo,
})
