/// <reference types="@pothos/plugin-errors" preserve="true" />
/// <reference types="@pothos/plugin-relay" preserve="true" />
// The references keep the plugins' schema-builder options in the published types.
import SchemaBuilder, { ObjectRef } from "@pothos/core"
import ErrorsPlugin from "@pothos/plugin-errors"
import RelayPlugin from "@pothos/plugin-relay"
import type DataLoader from "dataloader"
import { ConflictError, InputError, NotFoundError } from "./Errors.js"

/** What every resolver sees: the HTTP request and the request's dataloaders. */
export interface RequestContext {
  readonly request: Request
  readonly loaders: Map<string, DataLoader<any, any>>
}

export interface TeamopsSchemaTypes {
  Context: RequestContext
  DefaultFieldNullability: false
  Connection: { totalCount?: number | (() => Promise<number>) }
  Scalars: { JSON: { Input: unknown; Output: unknown } }
}

/** The one Pothos schema builder that every plugin adds its types and fields to. */
export type Builder = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<TeamopsSchemaTypes>>

/** The builder with the shared conventions: Relay nodes and connections, error unions, the `Error` interface. */
export const createBuilder = (): Builder => {
  const builder = new SchemaBuilder<TeamopsSchemaTypes>({
    plugins: [ErrorsPlugin, RelayPlugin],
    defaultFieldNullability: false,
    relay: { clientMutationId: "omit", cursorType: "String" },
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
  const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
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

/**
 * A reference to a GraphQL object type, made before any builder exists, so that other
 * plugins can add fields to a type they do not own (`builder.objectField(PersonRef, …)`).
 */
export const objectRef = <T>(
  name: string,
): ObjectRef<TeamopsSchemaTypes & PothosSchemaTypes.ExtendDefaultTypes<TeamopsSchemaTypes>, T> => new ObjectRef(name)
