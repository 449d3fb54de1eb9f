import { Schema } from "effect"

/** The settings under `pluginConfig.support`. */
export const SupportConfig = Schema.Struct({
  /** How many conversations in one week make a newcomer productive (`support.days_to_productive`). */
  productiveConversations: Schema.optionalWith(
    Schema.Int.pipe(Schema.positive({ message: () => "expected a whole number of conversations, 1 or more" })),
    { default: () => 20, exact: true },
  ),
})
export type SupportConfig = typeof SupportConfig.Type
