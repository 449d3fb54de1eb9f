import { domainEvent } from "@teamops/core"
import { Schema } from "effect"

/**
 * A person moved to a level (a promotion, a lateral move or a first level), published by
 * `competencies` in the transaction that records it; `subject` is the person's id.
 * `fromLevel` is null for a first level.
 */
export const PersonPromoted = domainEvent(
  "competencies",
  "person.promoted",
  Schema.Struct({
    personId: Schema.String,
    ladderKey: Schema.String,
    fromLadderKey: Schema.NullOr(Schema.String),
    fromLevel: Schema.NullOr(Schema.String),
    toLevel: Schema.String,
    effectiveOn: Schema.String,
  }),
)
