import { createHash } from "node:crypto"
import { Contributions, Db, type DbService, PluginError } from "@teamops/core"
import { Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { ladderPoint } from "./LadderContribution.js"
import { type LadderFileFormat, type LadderSource, readLadderFile } from "./LadderFile.js"
import { saveDraftOf } from "./LadderImport.js"
import { LadderRepo } from "./LadderRepo.js"
import { documentText } from "./LadderVersion.js"
import { PublishGuards } from "./PublishGuards.js"
import type { RolesDatabase } from "./RolesDatabase.js"
import { rolesVersion } from "./Version.js"

/** A ladder file as a plugin contributed it. */
interface Contributed {
  readonly where: string
  readonly format: LadderFileFormat
  readonly content: string
  readonly digest: string
}

/** A contributed file that had to be read: new, changed, or no longer behind the latest version. */
interface Pending extends Contributed {
  readonly source: LadderSource
}

const failure = (message: string) => new PluginError({ pluginId: "roles", message })

// The same text in the same format, read by the same release, says the same ladder: its
// digest stands for the file, so that an unchanged file is not parsed, decoded or compared.
const digestOf = (format: LadderFileFormat, content: string) =>
  createHash("sha256").update(`${rolesVersion}\u0000${format}\u0000`).update(content).digest("hex")

/**
 * The ladder of each digest whose file was published and whose latest version is still the
 * one it published (a version imported since, by hand, makes the file count as new), in one
 * statement.
 */
const alreadyPublished = (db: DbService, digests: ReadonlyArray<string>) =>
  digests.length === 0
    ? Effect.succeed(new Map<string, string>())
    : db
        .query((k: Kysely<RolesDatabase>) =>
          k
            .selectFrom("roles_contributed_ladders as c")
            .select(["c.ladder_key", "c.source_digest"])
            .where("c.source_digest", "in", digests)
            .where((eb) =>
              eb(
                "c.version",
                "=",
                eb
                  .selectFrom("roles_ladder_versions as v")
                  .select((v) => v.fn.max("v.version").as("latest"))
                  .whereRef("v.ladder_key", "=", "c.ladder_key"),
              ),
            )
            .execute(),
        )
        .pipe(Effect.map((rows) => new Map(rows.map((row) => [row.source_digest, row.ladder_key]))))

/** Records that `version` of a ladder says what the file of `digest` says. */
const remember = (db: DbService, ladderKey: string, digest: string, version: number) =>
  db.query((k: Kysely<RolesDatabase>) =>
    k
      .insertInto("roles_contributed_ladders")
      .values({ ladder_key: ladderKey, source_digest: digest, version })
      .onConflict((oc) => oc.column("ladder_key").doUpdateSet({ source_digest: digest, version }))
      .execute(),
  )

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

// Publishes a file read at boot unless the latest version already says what it says, and
// remembers its digest either way, so that the next boot need not read it.
const publishContributed = ({ where, digest, source }: Pending) =>
  Effect.gen(function* () {
    const repo = yield* LadderRepo
    const db = yield* Db
    yield* db
      .transaction(
        Effect.gen(function* () {
          const latest = yield* repo.published(source.document.key)
          const current =
            latest !== undefined && documentText(latest.document) === documentText(source.document)
              ? latest
              : yield* Effect.flatMap(saveDraftOf(source), (draft) => repo.publish(draft.ladderKey))
          // A published version always has its number.
          yield* remember(db, current.ladderKey, digest, current.version as number)
        }),
      )
      .pipe(
        Effect.catchTags({
          LadderFileError: (e) => failure(`${where} has problems:\n${e.message}`),
          NotFoundError: (e) => failure(`${where}: ${e.message}`),
        }),
      )
  })

/**
 * Imports every ladder contributed through `ladder(…)` and publishes it when its content
 * differs from the latest published version, so that a restart adds nothing. A file
 * published from before, unchanged, is not read at all. A file with problems fails the
 * boot; the message names the contributing plugin.
 */
export const importContributedLadders = Effect.gen(function* () {
  const contributions = yield* Contributions
  const db = yield* Db
  const contributed: ReadonlyArray<Contributed> = contributions.of(ladderPoint).map(({ pluginId, value }, index) => ({
    where: `ladder[${index}] contributed by plugin "${pluginId}"`,
    format: value.format,
    content: value.content,
    digest: digestOf(value.format, value.content),
  }))
  const published = yield* alreadyPublished(
    db,
    contributed.map((c) => c.digest),
  )
  const pending: Array<Pending> = []
  const seen = new Map<string, string>()
  for (const file of contributed) {
    const knownKey = published.get(file.digest)
    const source =
      knownKey === undefined
        ? yield* readLadderFile(file.format, file.content).pipe(
            Effect.mapError((e) => failure(`${file.where} has problems:\n${e.message}`)),
          )
        : undefined
    const key = knownKey ?? (source as LadderSource).document.key
    const earlier = seen.get(key)
    if (earlier !== undefined)
      return yield* failure(`ladder "${key}" is contributed twice: by ${earlier} and by ${file.where}`)
    seen.set(key, file.where)
    if (source !== undefined) pending.push({ ...file, source })
  }
  for (const file of inBaseOrder(pending)) yield* publishContributed(file)
})

/** The roles services; the contributed ladders are imported when the plugin starts. */
export const rolesLayer = Layer.merge(LadderRepo.layer, PublishGuards.none)
