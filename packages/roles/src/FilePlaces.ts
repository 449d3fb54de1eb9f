import { isMap, isPair, isScalar, isSeq, type Node } from "yaml"

// Where a path of a parsed YAML or JSON file was written, so that a problem found at
// `levels[2].track` can say the line and column a person sees in their editor.

/**
 * The offset of the deepest node on `segments` in `root` (a parsed document's contents):
 * the key of a map entry, the item of a list; the nearest ancestor when the path leads to
 * something not written (a missing field).
 */
export const offsetOf = (root: unknown, segments: ReadonlyArray<string | number>): number | undefined => {
  let node = root as Node | null | undefined
  let offset = node?.range?.[0]
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))
      if (pair === undefined) break
      offset = (pair.key as Node).range?.[0] ?? offset
      node = pair.value as Node | null
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment] as Node | undefined
      if (item === undefined) break
      offset = item.range?.[0] ?? offset
      node = item
    } else break
  }
  return offset
}
