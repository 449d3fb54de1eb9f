import DataLoader from "dataloader"
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
