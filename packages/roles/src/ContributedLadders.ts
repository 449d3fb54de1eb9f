import { Contributions, Db, PluginError } from "@teamops/core"
import { Effect, Layer } from "effect"
import { ladderPoint } from "./LadderContribution.js"
import { type LadderSource, readLadderFile } from "./LadderFile.js"
import { importLadder } from "./LadderImport.js"
import { LadderRepo } from "./LadderRepo.js"
import { documentText } from "./LadderVersion.js"
import { PublishGuards } from "./PublishGuards.js"

interface Pending {
  readonly where: string
  readonly format: "yaml" | "json"
  readonly content: string
  readonly source: LadderSource
}

const failure = (message: string) => new PluginError({ pluginId: "roles", message })

// A ladder that extends another contributed ladder comes after it.
const inBaseOrder = (pending: ReadonlyArray<Pending>) => {
  const ordered: Array<Pending> = []
  let rest = [...pending]
  while (rest.length > 0) {
    const waiting = new Set(rest.map((p) => p.source.document.key))
    const ready = rest.filter((p) => {
      const base = p.source.document.extends
      return base === undefined || base === p.source.document.key || !waiting.has(base)
    })
    // A circle of extends: the checks refuse each of them.
    const next = ready.length > 0 ? ready : rest
    ordered.push(...next)
    rest = rest.filter((p) => !next.includes(p))
  }
  return ordered
}

/**
 * Imports every ladder contributed through `ladder(…)` and publishes it when its content
 * differs from the latest published version, so that a restart adds nothing. A file with
 * problems fails the boot; the message names the contributing plugin.
 */
export const importContributedLadders = Effect.gen(function* () {
  const contributions = yield* Contributions
  const repo = yield* LadderRepo
  const db = yield* Db
  const pending: Array<Pending> = []
  const seen = new Map<string, string>()
  for (const [index, { pluginId, value }] of contributions.of(ladderPoint).entries()) {
    const where = `ladder[${index}] contributed by plugin "${pluginId}"`
    const source = yield* readLadderFile(value.format, value.content).pipe(
      Effect.mapError((e) => failure(`${where} has problems:\n${e.message}`)),
    )
    const key = source.document.key
    const earlier = seen.get(key)
    if (earlier !== undefined)
      return yield* failure(`ladder "${key}" is contributed twice: by ${earlier} and by ${where}`)
    seen.set(key, where)
    pending.push({ where, format: value.format, content: value.content, source })
  }
  for (const { where, format, content, source } of inBaseOrder(pending)) {
    yield* db
      .transaction(
        Effect.gen(function* () {
          const latest = yield* repo.published(source.document.key)
          if (latest !== undefined && documentText(latest.document) === documentText(source.document)) return
          const draft = yield* importLadder(format, content)
          yield* repo.publish(draft.ladderKey)
        }),
      )
      .pipe(
        Effect.catchTags({
          LadderFileError: (e) => failure(`${where} has problems:\n${e.message}`),
          NotFoundError: (e) => failure(`${where}: ${e.message}`),
        }),
      )
  }
})

/** The roles services, with the contributed ladders imported once they are up. */
export const rolesLayer = Layer.provideMerge(
  Layer.effectDiscard(importContributedLadders),
  Layer.merge(LadderRepo.layer, PublishGuards.none),
)
