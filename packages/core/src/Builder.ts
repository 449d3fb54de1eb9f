/// <reference types="@pothos/plugin-errors" preserve="true" />
/// <reference types="@pothos/plugin-relay" preserve="true" />
/// <reference types="@pothos/plugin-scope-auth" preserve="true" />
// The references keep the plugins' schema-builder options in the published types.
import SchemaBuilder, { EnumRef, InterfaceRef, ObjectRef } from "@pothos/core"
import ErrorsPlugin from "@pothos/plugin-errors"
import RelayPlugin, { decodeGlobalID } from "@pothos/plugin-relay"
import ScopeAuthPlugin from "@pothos/plugin-scope-auth"
import type DataLoader from "dataloader"
import { GraphQLError, type GraphQLResolveInfo, isObjectType } from "graphql"
import type { Access, AuthScopes } from "./Access.js"
import type { AuditTrail } from "./Audit.js"
import { auditPlugin } from "./AuditPlugin.js"
import { ConflictError, InputError, NotFoundError } from "./Errors.js"
import { maxPageSize } from "./Page.js"
import type { Run } from "./Resolver.js"

/**
 * What every resolver sees: the HTTP request, who is asking, the request's dataloaders and
 * audit trail, and the host runtime.
 */
export interface RequestContext {
  readonly request: Request
  readonly access: Access
  readonly audit: AuditTrail
  readonly loaders: Map<string, DataLoader<any, any>>
  /** Runs an Effect on the host runtime, attributed to plugin `pluginId` (request loaders use it). */
  readonly run: (pluginId: string) => Run
}

export interface TeamopsSchemaTypes {
  Context: RequestContext
  DefaultFieldNullability: false
  Connection: { totalCount?: number | (() => Promise<number>) }
  Scalars: { JSON: { Input: unknown; Output: unknown } }
  AuthScopes: AuthScopes
}

/** The one Pothos schema builder that every plugin adds its types and fields to. */
export type Builder = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<TeamopsSchemaTypes>>

/** The builder with the shared conventions: Relay nodes and connections, error unions, the `Error` interface. */
export const createBuilder = (): Builder => {
  const builder = new SchemaBuilder<TeamopsSchemaTypes>({
    // Authorization runs first; the audit sees each mutation's payload before errors become unions.
    plugins: [ScopeAuthPlugin, auditPlugin, ErrorsPlugin, RelayPlugin],
    scopeAuth: {
      authScopes: (context) => context.access.scopes,
      unauthorizedError: (parent, context, info) => {
        context.audit.record({ operation: operationOf(info), targets: idOf(parent), outcome: "denied" })
        return new GraphQLError(`not allowed: ${operationOf(info)}`, { extensions: { code: "FORBIDDEN" } })
      },
    },
    defaultFieldNullability: false,
    relay: {
      clientMutationId: "omit",
      cursorType: "String",
      // A node the caller may not see reads as null, as an unknown id does: each node type's loader decides.
      // An id of no node type reads as null too, as an id nothing has.
      nodeQueryOptions: {
        authScopes: { directory: true },
        resolve: (_root, { id }, _context, info, resolveNode) => (isNodeType(info, id) ? resolveNode(id) : null),
      },
      nodesQueryOptions: {
        authScopes: { directory: true },
        // As many ids as a page holds items: each id is a lookup, and a list has no other bound.
        resolve: async (_root, { ids }, _context, info, resolveNodes) => {
          if (ids.length > maxPageSize) {
            throw new GraphQLError(`ids: at most ${maxPageSize} ids at a time, got ${ids.length}`, {
              extensions: { code: "BAD_USER_INPUT", limit: "maxPageSize", max: maxPageSize },
            })
          }
          const known = ids.filter((id) => isNodeType(info, id))
          const found = await resolveNodes(known)
          return ids.map((id) => (isNodeType(info, id) ? found[known.indexOf(id)] : null))
        },
      },
      decodeGlobalID: (globalID) => {
        try {
          return decodeGlobalID(globalID)
        } catch {
          throw new GraphQLError(`not an id of this API: ${JSON.stringify(globalID.slice(0, 100))}`, {
            extensions: { code: "BAD_USER_INPUT" },
          })
        }
      },
    },
    errors: { defaultTypes: [] },
  })
  builder.scalarType("JSON", {
    description: "Any JSON value: an event, a calendar file. Decoded and checked by the field that takes it.",
    serialize: (value) => value,
    parseValue: (value) => value,
  })
  builder.queryType({})
  builder.mutationType({})
  builder.globalConnectionField("totalCount", (t) =>
    t.int({
      description: "How many items the whole collection holds, across all pages.",
      resolve: async (parent) => {
        const total = parent.totalCount
        return typeof total === "function" ? total() : (total ?? 0)
      },
    }),
  )
  const ErrorInterface = builder.interfaceType(ownRef(builder as unknown as Builder, ErrorRef), {
    description: "A failure the caller can act on; `message` says what went wrong in plain words.",
    fields: (t) => ({ message: t.exposeString("message") }),
  })
  builder.objectType(InputError, {
    name: "InputError",
    description: "An argument did not decode; `path` names the field.",
    interfaces: [ErrorInterface],
    fields: (t) => ({ path: t.exposeStringList("path") }),
  })
  builder.objectType(NotFoundError, {
    name: "NotFoundError",
    description: "Something the request refers to does not exist.",
    interfaces: [ErrorInterface],
    fields: (t) => ({ entity: t.exposeString("entity"), key: t.exposeString("key") }),
  })
  builder.objectType(ConflictError, {
    name: "ConflictError",
    description: "The request contradicts stored data.",
    interfaces: [ErrorInterface],
    fields: () => ({}),
  })
  return builder as unknown as Builder
}

const isNodeType = (info: GraphQLResolveInfo, id: { readonly typename: string }) => {
  const type = info.schema.getType(id.typename)
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node")
}

const operationOf = (info: { parentType: { name: string }; fieldName: string }) =>
  info.parentType.name === "Mutation" || info.parentType.name === "Query"
    ? info.fieldName
    : `${info.parentType.name}.${info.fieldName}`

const idOf = (parent: unknown): ReadonlyArray<string> => {
  const id = typeof parent === "object" && parent !== null ? (parent as { id?: unknown }).id : undefined
  return typeof id === "string" ? [id] : []
}

type Types = TeamopsSchemaTypes & PothosSchemaTypes.ExtendDefaultTypes<TeamopsSchemaTypes>

/**
 * The GraphQL `Error` interface every expected failure implements (`message`), declared by the
 * kernel: `builder.objectType(AcmeError, { interfaces: [ErrorRef], ... })`.
 */
export const ErrorRef: InterfaceRef<Types, Error> = new InterfaceRef("Error")

/**
 * Makes the shared reference `shared` stand, in `builder`, for the type `built` that this
 * builder made (an enum, an interface), so that other plugins can name the type by its
 * shared reference. The reference itself is not changed: the next builder binds it again.
 */
export const bindRef = <R>(builder: Builder, shared: R, built: R): R => {
  const store = (
    builder as unknown as { configStore: { associateParamWithRef: (param: unknown, ref: unknown) => void } }
  ).configStore
  store.associateParamWithRef(shared, built)
  return built
}

/**
 * A fresh reference in `builder` standing for the shared reference `shared`. A plugin that
 * implements a type whose shared reference it exports (`TeamRef`) implements this one instead:
 * fields given to the shared reference itself would stay on it for the next builder (a second
 * host in one process).
 */
export const ownRef = <R extends ObjectRef<Types, any> | InterfaceRef<Types, any>>(builder: Builder, shared: R): R =>
  bindRef(
    builder,
    shared,
    (shared instanceof InterfaceRef ? new InterfaceRef(shared.name) : new ObjectRef(shared.name)) as R,
  )

/**
 * A reference to a GraphQL object type, made before any builder exists, so that other
 * plugins can add fields to a type they do not own (`builder.objectField(PersonRef, …)`).
 */
export const objectRef = <T>(name: string): ObjectRef<Types, T> => new ObjectRef(name)

/** Like {@link objectRef}, for an interface type (`MetricRow`). */
export const interfaceRef = <T>(name: string): InterfaceRef<Types, T> => new InterfaceRef(name)

/** Like {@link objectRef}, for an enum type; the owner binds it with {@link bindRef}. */
export const enumRef = <T extends string>(name: string): EnumRef<Types, T, T> => new EnumRef(name)
