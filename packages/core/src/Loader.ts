import DataLoader from "dataloader"
import { Effect } from "effect"
import type { RequestContext } from "./Builder.js"

/** The request's dataloader called `name`, made on first use, so sibling fields batch their loads. */
export const loaderOf = <K, V>(
  context: RequestContext,
  name: string,
  batch: (keys: ReadonlyArray<K>) => Promise<ReadonlyArray<V | Error>>,
): DataLoader<K, V> => {
  let loader = context.loaders.get(name)
  if (loader === undefined) {
    loader = new DataLoader<K, V>(batch)
    context.loaders.set(name, loader)
  }
  return loader as DataLoader<K, V>
}

/**
 * A request-scoped loader owned by plugin `owner`: every field of a request that loads
 * through it, whichever plugin declares the field, shares one batch, run on the host runtime
 * and attributed to the owner. The owner exports it beside its type:
 *
 * ```ts
 * export const personLoader = keyedLoader("org", "personById", (ids) => Effect.flatMap(PersonRepo, (r) => r.byIds(ids)), (p) => p.id)
 * // any plugin, in a resolver:
 * personLoader(context).load(assessment.personId)
 * ```
 */
export const requestLoader =
  <K, V, E, R>(
    owner: string,
    name: string,
    batch: (keys: ReadonlyArray<K>) => Effect.Effect<ReadonlyArray<V | Error>, E, R>,
  ) =>
  (context: RequestContext): DataLoader<K, V> =>
    loaderOf<K, V>(context, `${owner}.${name}`, (keys) => context.run(owner)(batch(keys)))

/** Puts loaded items back in the order of the keys asked for (`null` where none). */
const inKeyOrder = <T>(keys: ReadonlyArray<string>, items: ReadonlyArray<T>, keyOf: (item: T) => string) => {
  const byKey = new Map(items.map((item) => [keyOf(item), item]))
  return keys.map((key) => byKey.get(key) ?? null)
}

/** Groups loaded items by their parent key, one (possibly empty) list per key asked for. */
const groupedByKey = <T>(keys: ReadonlyArray<string>, items: ReadonlyArray<T>, keyOf: (item: T) => string) => {
  const groups = new Map<string, Array<T>>(keys.map((key) => [key, []]))
  for (const item of items) groups.get(keyOf(item))?.push(item)
  return keys.map((key): ReadonlyArray<T> => groups.get(key) ?? [])
}

/** A loader of things by a unique key (an id, a key, an email): `null` for a key nothing has. */
export const keyedLoader = <V, E, R>(
  owner: string,
  name: string,
  fetch: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<V>, E, R>,
  keyOf: (item: V) => string,
) =>
  requestLoader<string, V | null, E, R>(owner, name, (keys) =>
    Effect.map(fetch(keys), (items) => inKeyOrder(keys, items, keyOf)),
  )

/** A loader of the items of each parent (a team's members, a person's promotions), in the order fetched. */
export const groupedLoader = <V, E, R>(
  owner: string,
  name: string,
  fetch: (parents: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<V>, E, R>,
  parentOf: (item: V) => string,
) =>
  requestLoader<string, ReadonlyArray<V>, E, R>(owner, name, (parents) =>
    Effect.map(fetch(parents), (items) => groupedByKey(parents, items, parentOf)),
  )
