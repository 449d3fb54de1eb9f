import { Schema } from "effect"

/** The settings under `pluginConfig.targets`. */
export const TargetsConfig = Schema.Struct({
  /** Below this many ratings, a CSAT score is not judged: its status is `no_data`. */
  minRatings: Schema.optionalWith(
    Schema.Int.pipe(Schema.positive({ message: () => "expected a whole number of ratings, 1 or more" })),
    { default: () => 10, exact: true },
  ),
})
export type TargetsConfig = typeof TargetsConfig.Type
