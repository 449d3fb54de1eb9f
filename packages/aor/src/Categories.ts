import { Contributions, contribute, extensionPoint, Key, Name } from "@teamops/core"
import { Context, Effect, Layer, Schema } from "effect"

/** A kind of area (frontline tooling, blog posts, mentoring), with the competencies such work usually grows. */
export const AreaCategory = Schema.Struct({
  key: Key,
  name: Name,
  description: Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "expected a non-empty text" })),
  suggestedCompetencies: Schema.optionalWith(Schema.Array(Key), { default: () => [] }),
})
export type AreaCategory = typeof AreaCategory.Type

export const areaCategoryPoint = extensionPoint("aor", "areaCategory", AreaCategory)

/** What a plugin calls to add a category: `areaCategory({ key: "blog-posts", … })`. */
export const areaCategory = (value: typeof AreaCategory.Encoded) => contribute(areaCategoryPoint, value)

export interface CategoryEntry extends AreaCategory {
  readonly contributedBy: string
}

/** The categories every plugin contributed, by key; the first contribution of a key wins. */
export class AreaCategories extends Context.Tag("@teamops/aor/AreaCategories")<
  AreaCategories,
  ReadonlyArray<CategoryEntry>
>() {
  static readonly layer = Layer.effect(
    AreaCategories,
    Effect.map(Contributions, (contributions) => {
      const byKey = new Map<string, CategoryEntry>()
      for (const { pluginId, value } of contributions.of(areaCategoryPoint)) {
        if (!byKey.has(value.key)) byKey.set(value.key, { ...value, contributedBy: pluginId })
      }
      return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1))
    }),
  )
}
