import { type Builder, fieldError, NotFoundError, type SchemaKit } from "@teamops/core"
import { Effect, Either } from "effect"
import { LadderRepo, type LadderRepoService } from "../LadderRepo.js"
import { levelDiff } from "../LevelDiff.js"
import type { diffTypes } from "./diffTypes.js"
import { LadderRef } from "./refs.js"

/** `ladders`, `ladder`, `ladderDraft` and `levelDiff`. */
export const rolesQueries = (builder: Builder, { run }: SchemaKit, { LevelDiffType }: ReturnType<typeof diffTypes>) => {
  const ladders = <A, E>(f: (repo: LadderRepoService) => Effect.Effect<A, E>) => run(Effect.flatMap(LadderRepo, f))

  builder.queryFields((t) => ({
    ladders: t.field({
      authScopes: { directory: true },
      type: [LadderRef],
      description: "The latest published version of every ladder, ordered by key.",
      resolve: () => ladders((r) => r.latest),
    }),
    ladder: t.field({
      authScopes: { directory: true },
      type: LadderRef,
      nullable: true,
      description: "A published version of a ladder; without `version`, the latest. Null when there is none.",
      args: { key: t.arg.string({ required: true }), version: t.arg.int({ required: false }) },
      resolve: (_, args) =>
        ladders((r) => r.published(args.key, args.version ?? undefined)).then((found) => found ?? null),
    }),
    ladderDraft: t.field({
      authScopes: { scope: "ladders:write" },
      type: LadderRef,
      nullable: true,
      description: "The draft of a ladder, not yet published; null when there is none.",
      args: { key: t.arg.string({ required: true }) },
      resolve: (_, args) => ladders((r) => r.draft(args.key)).then((found) => found ?? null),
    }),
    levelDiff: t.field({
      authScopes: { directory: true },
      type: LevelDiffType,
      description: "What it takes to go from one level to another of a published ladder (the latest, or `version`).",
      args: {
        ladderKey: t.arg.string({ required: true }),
        from: t.arg.string({ required: true }),
        to: t.arg.string({ required: true }),
        version: t.arg.int({ required: false }),
      },
      resolve: async (_, args) => {
        const ladder = await ladders((r) => r.published(args.ladderKey, args.version ?? undefined))
        if (ladder === undefined) {
          const message = `no published ladder "${args.ladderKey}"`
          throw fieldError(new NotFoundError({ entity: "Ladder", key: args.ladderKey, message }), "ladderKey")
        }
        const diff = levelDiff(ladder.effective, args.from, args.to)
        if (Either.isLeft(diff)) throw fieldError(diff.left, diff.left.key === args.from ? "from" : "to")
        return { ladder, diff: diff.right }
      },
    }),
  }))
}
