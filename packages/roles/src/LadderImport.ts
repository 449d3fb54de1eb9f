import { Db } from "@teamops/core"
import { Effect } from "effect"
import type { LadderDocument } from "./Ladder.js"
import type { LadderProblem } from "./LadderCheck.js"
import { checkLadderSource, type LadderFileFormat, type LadderSource, readLadderFile } from "./LadderFile.js"
import { LadderRepo } from "./LadderRepo.js"
import { documentText, type LadderVersion } from "./LadderVersion.js"

/**
 * Checks a ladder file already read against the latest published version of the ladder it
 * extends, and stores it as the draft of its ladder.
 */
export const saveDraftOf = (source: LadderSource) =>
  Effect.gen(function* () {
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

/**
 * Reads a ladder file, checks it against the latest published version of the ladder it
 * extends, and stores it as the draft of its ladder (a new key creates the ladder). Every
 * problem of the file comes back at once, with its line and column.
 */
export const importLadder = (format: LadderFileFormat, content: string) =>
  Effect.flatMap(readLadderFile(format, content), saveDraftOf)

/** What importing a ladder file published: its version, or the latest when nothing changed. */
export interface LadderPublication {
  readonly version: LadderVersion
  /** False when the file says what the latest published version says: nothing was published. */
  readonly published: boolean
}

/**
 * Imports a ladder file and publishes it as the next version, in one transaction. A file that
 * says what the latest published version says (its changes and changelog aside, which only
 * describe a version) publishes nothing.
 */
export const importAndPublishLadder = (format: LadderFileFormat, content: string) =>
  Effect.gen(function* () {
    const db = yield* Db
    const repo = yield* LadderRepo
    return yield* db.transaction(
      Effect.gen(function* () {
        const source = yield* readLadderFile(format, content)
        const latest = yield* repo.published(source.document.key)
        if (latest !== undefined && sameContent(latest.document, source.document)) {
          return { version: latest, published: false } satisfies LadderPublication
        }
        const draft = yield* saveDraftOf(source)
        return { version: yield* repo.publish(draft.ladderKey), published: true } satisfies LadderPublication
      }),
    )
  })

const withoutHistory = (document: LadderDocument) => documentText({ ...document, changes: [], changelog: undefined })

/** Whether two versions of a ladder say the same, their changes and changelog aside. */
export const sameContent = (a: LadderDocument, b: LadderDocument) => withoutHistory(a) === withoutHistory(b)
