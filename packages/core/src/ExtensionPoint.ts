import { Context, type Schema } from "effect"

/**
 * A place where plugins contribute values to the plugin that owns a concept (the owner of
 * ladders exports `ladder()`, the owner of metrics `metric()`). The host decodes every
 * contribution with `schema` before the owner sees it.
 */
export interface ExtensionPoint<A, I = A> {
  readonly owner: string
  readonly name: string
  readonly schema: Schema.Schema<A, I, never>
}

export const extensionPoint = <A, I>(
  owner: string,
  name: string,
  schema: Schema.Schema<A, I, never>,
): ExtensionPoint<A, I> => ({
  owner,
  name,
  schema,
})

/** One value offered to an extension point, not yet decoded. */
export interface Contribution {
  readonly point: ExtensionPoint<unknown, unknown>
  readonly value: unknown
}

/** Offers `value` to `point`; owners wrap this in a named function (`ladder(...)`). */
export const contribute = <A, I>(point: ExtensionPoint<A, I>, value: I): Contribution => ({
  point: point as ExtensionPoint<unknown, unknown>,
  value,
})

/** A decoded contribution with the plugin that made it. */
export interface Contributed<A> {
  readonly pluginId: string
  readonly value: A
}

/** What every plugin contributed, by extension point; owners read theirs when they build their layer. */
export class Contributions extends Context.Tag("@teamops/core/Contributions")<
  Contributions,
  { readonly of: <A, I>(point: ExtensionPoint<A, I>) => ReadonlyArray<Contributed<A>> }
>() {}
