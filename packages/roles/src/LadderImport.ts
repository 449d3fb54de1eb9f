import { Db } from "@teamops/core"
import { Effect } from "effect"
import type { LadderProblem } from "./LadderCheck.js"
import { checkLadderSource, type LadderFileFormat, readLadderFile } from "./LadderFile.js"
import { LadderRepo } from "./LadderRepo.js"

/**
 * Reads a ladder file, checks it against the latest published version of the ladder it
 * extends, and stores it as the draft of its ladder (a new key creates the ladder). Every
 * problem of the file comes back at once, with its line and column.
 */
export const importLadder = (format: LadderFileFormat, content: string) =>
  Effect.gen(function* () {
    const source = yield* readLadderFile(format, content)
    const repo = yield* LadderRepo
    const { extends: baseKey, key } = source.document
    const base = baseKey === undefined || baseKey === key ? undefined : yield* repo.published(baseKey)
    const more: Array<LadderProblem> =
      baseKey !== undefined && baseKey !== key && base === undefined
        ? [{ path: "extends", message: `no published ladder "${baseKey}" to extend` }]
        : []
    const document = yield* checkLadderSource(source, base?.effective, more)
    return yield* repo.saveDraft(document)
  })

/** Imports a ladder file and publishes it as the next version, in one transaction. */
export const importAndPublishLadder = (format: LadderFileFormat, content: string) =>
  Effect.gen(function* () {
    const db = yield* Db
    const repo = yield* LadderRepo
    return yield* db.transaction(
      Effect.flatMap(importLadder(format, content), (draft) => repo.publish(draft.ladderKey)),
    )
  })
