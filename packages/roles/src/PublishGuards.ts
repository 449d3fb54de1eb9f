import type { DbError } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import type { LadderProblem } from "./LadderCheck.js"
import type { LadderVersion } from "./LadderVersion.js"

/**
 * A rule a draft must keep to be published, owned by a plugin that keeps data about
 * ladders: it answers the problems of publishing the draft `next` after `latest`, the latest
 * published version (none: it may go).
 */
export type PublishGuard = (version: {
  readonly latest: LadderVersion | undefined
  readonly next: LadderVersion
}) => Effect.Effect<ReadonlyArray<LadderProblem>, DbError>

/**
 * The rules every publication keeps. `roles` starts with none; a plugin that depends on
 * `roles` adds its own by providing this service again, built from the one it finds:
 *
 * ```ts
 * Layer.effect(PublishGuards, Effect.map(PublishGuards, (guards) => guards.with(myGuard)))
 * ```
 *
 * Publications made while the plugins boot (contributed ladders) keep the rules of the
 * plugins booted before them.
 */
export interface PublishGuardsService {
  readonly guards: ReadonlyArray<PublishGuard>
  /** These rules and `guard`. */
  readonly with: (guard: PublishGuard) => PublishGuardsService
}

const guardsOf = (guards: ReadonlyArray<PublishGuard>): PublishGuardsService => ({
  guards,
  with: (guard) => guardsOf([...guards, guard]),
})

export class PublishGuards extends Context.Tag("@teamops/roles/PublishGuards")<PublishGuards, PublishGuardsService>() {
  /** No rule: what `roles` starts with. */
  static readonly none = Layer.succeed(PublishGuards, guardsOf([]))
}

/** Every problem the rules find in publishing `next` after `latest`. */
export const guardPublication = (latest: LadderVersion | undefined, next: LadderVersion) =>
  Effect.flatMap(PublishGuards, ({ guards }) =>
    Effect.map(
      Effect.forEach(guards, (guard) => guard({ latest, next })),
      (found) => found.flat(),
    ),
  )
