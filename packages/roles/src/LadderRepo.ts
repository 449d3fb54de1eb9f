import { Db, type DbError, type DbService, NotFoundError } from "@teamops/core"
import { Context, DateTime, Effect, Layer } from "effect"
import type { Kysely } from "kysely"
import { DecodedCache } from "./DecodedCache.js"
import { effectiveLadder } from "./EffectiveLadder.js"
import type { LadderDocument } from "./Ladder.js"
import { LadderFileError } from "./LadderFile.js"
import {
  decodeDocument,
  documentText,
  type LadderSummary,
  type LadderVersion,
  type LadderVersionRef,
} from "./LadderVersion.js"
import { guardPublication, type PublishGuards } from "./PublishGuards.js"
import type { RolesDatabase } from "./RolesDatabase.js"

/** Where ladders and their versions are kept. */
export interface LadderRepoService {
  /**
   * Stores `document` as the draft of ladder `document.key` (creating the ladder when the
   * key is new), replacing any earlier draft. The document must already be checked.
   */
  readonly saveDraft: (document: LadderDocument) => Effect.Effect<LadderVersion, DbError | NotFoundError>
  /**
   * Publishes the draft as the next version number, once every rule of {@link PublishGuards}
   * lets it: a rule broken refuses it with a LadderFileError listing the problems.
   */
  readonly publish: (
    ladderKey: string,
  ) => Effect.Effect<LadderVersion, DbError | NotFoundError | LadderFileError, PublishGuards>
  readonly list: Effect.Effect<ReadonlyArray<LadderSummary>, DbError>
  readonly summary: (ladderKey: string) => Effect.Effect<LadderSummary | undefined, DbError>
  /** A published version, or the latest published when `version` is undefined. */
  readonly published: (ladderKey: string, version?: number) => Effect.Effect<LadderVersion | undefined, DbError>
  readonly draft: (ladderKey: string) => Effect.Effect<LadderVersion | undefined, DbError>
  /** Every published version of a ladder, oldest first (for mapping assessments forward). */
  readonly history: (ladderKey: string) => Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
  /** Every published version of each ladder of `ladderKeys`, by ladder and oldest first, in one statement. */
  readonly histories: (ladderKeys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
  /** The latest published version of every ladder that has one, ordered by key, in one statement. */
  readonly latest: Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
  /** The versions asked for (`version` null: the draft), in one statement; those missing are left out. */
  readonly versions: (refs: ReadonlyArray<LadderVersionRef>) => Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
}

export class LadderRepo extends Context.Tag("@teamops/roles/LadderRepo")<LadderRepo, LadderRepoService>() {
  static readonly layer = Layer.effect(
    LadderRepo,
    Effect.map(Db, (db) => makeLadderRepo(db)),
  )
}

type VersionRow = RolesDatabase["roles_ladder_versions"]

/**
 * Decoded documents by version row. A row's documents never change once written (a new draft
 * is a new row; publishing only numbers it), so a row id always decodes to the same ladder,
 * and decoding a large ladder again on every read would dominate the readers that need it.
 */
const decoded = new DecodedCache<{ document: LadderDocument; effective: LadderDocument }>(256)

const toVersion = (row: VersionRow): LadderVersion => {
  const documents = decoded.get(row.id, () => ({
    document: decodeDocument(row.document),
    effective: decodeDocument(row.effective),
  }))
  return { ladderKey: row.ladder_key, version: row.version, publishedAt: row.published_at, ...documents }
}

const noLadder = (key: string) => new NotFoundError({ entity: "Ladder", key, message: `no ladder with key "${key}"` })

// The ladder store over the host database; every write runs in one transaction.
const makeLadderRepo = (db: DbService): LadderRepoService => {
  const query = <A>(work: (k: Kysely<RolesDatabase>) => Promise<A>) => db.query(work)
  const now = Effect.map(DateTime.now, DateTime.formatIso)

  const published = (ladderKey: string, version?: number) =>
    query((k) =>
      k
        .selectFrom("roles_ladder_versions")
        .selectAll()
        .where("ladder_key", "=", ladderKey)
        .$if(version === undefined, (q) => q.where("version", "is not", null).orderBy("version", "desc").limit(1))
        .$if(version !== undefined, (q) => q.where("version", "=", version as number))
        .executeTakeFirst(),
    ).pipe(Effect.map((row) => (row ? toVersion(row) : undefined)))

  const draft = (ladderKey: string) =>
    query((k) =>
      k
        .selectFrom("roles_ladder_versions")
        .selectAll()
        .where("ladder_key", "=", ladderKey)
        .where("version", "is", null)
        .executeTakeFirst(),
    ).pipe(Effect.map((row) => (row ? toVersion(row) : undefined)))

  const summaries = (ladderKey?: string) =>
    query((k) =>
      k
        .selectFrom("roles_ladders as l")
        .select((eb) => [
          "l.key",
          "l.name",
          "l.description",
          "l.team_key",
          eb
            .selectFrom("roles_ladder_versions as v")
            .select((v) => v.fn.max("v.version").as("latest"))
            .whereRef("v.ladder_key", "=", "l.key")
            .as("latest_version"),
          eb
            .selectFrom("roles_ladder_versions as d")
            .select((d) => d.fn.countAll<number>().as("drafts"))
            .whereRef("d.ladder_key", "=", "l.key")
            .where("d.version", "is", null)
            .as("drafts"),
        ])
        .$if(ladderKey !== undefined, (q) => q.where("l.key", "=", ladderKey as string))
        .orderBy("l.key")
        .execute(),
    ).pipe(
      Effect.map((rows) =>
        rows.map(
          (row): LadderSummary => ({
            key: row.key,
            name: row.name,
            description: row.description,
            teamKey: row.team_key,
            latestVersion: row.latest_version === null ? null : Number(row.latest_version),
            hasDraft: Number(row.drafts) > 0,
          }),
        ),
      ),
    )

  // On PostgreSQL, holds the ladder's row until the transaction ends, so that two
  // publications of one ladder take turns; SQLite runs one write transaction at a time.
  const lockLadder = (key: string) =>
    query((k) =>
      k
        .selectFrom("roles_ladders")
        .select("key")
        .where("key", "=", key)
        .$if(db.dialect === "postgres", (q) => q.forUpdate())
        .executeTakeFirst(),
    )

  const saveDraft = (document: LadderDocument) =>
    db.transaction(
      Effect.gen(function* () {
        const base = document.extends === undefined ? undefined : yield* published(document.extends)
        if (document.extends !== undefined && base === undefined) {
          return yield* new NotFoundError({
            entity: "Ladder",
            key: document.extends,
            message: `no published ladder "${document.extends}" to extend`,
          })
        }
        yield* query((k) =>
          k
            .insertInto("roles_ladders")
            .values({
              key: document.key,
              name: document.name,
              description: document.description ?? null,
              team_key: document.team ?? null,
            })
            .onConflict((oc) => oc.column("key").doNothing())
            .execute(),
        )
        yield* lockLadder(document.key)
        yield* query((k) =>
          k
            .deleteFrom("roles_ladder_versions")
            .where("ladder_key", "=", document.key)
            .where("version", "is", null)
            .execute(),
        )
        const row: VersionRow = {
          id: crypto.randomUUID(),
          ladder_key: document.key,
          version: null,
          document: documentText(document),
          effective: documentText(effectiveLadder(document, base?.effective)),
          base_version: base?.version ?? null,
          saved_at: yield* now,
          published_at: null,
        }
        yield* query((k) => k.insertInto("roles_ladder_versions").values(row).execute())
        return toVersion(row)
      }),
    )

  const publish = (ladderKey: string) =>
    db.transaction(
      Effect.gen(function* () {
        if ((yield* lockLadder(ladderKey)) === undefined) return yield* noLadder(ladderKey)
        const pending = yield* draft(ladderKey)
        if (pending === undefined) {
          return yield* new NotFoundError({
            entity: "LadderDraft",
            key: ladderKey,
            message: `ladder "${ladderKey}" has no draft to publish`,
          })
        }
        const latest = yield* published(ladderKey)
        const problems = yield* guardPublication(latest, pending)
        if (problems.length > 0) return yield* LadderFileError.of(problems)
        const version = (latest?.version ?? 0) + 1
        const publishedAt = yield* now
        yield* query((k) =>
          k
            .updateTable("roles_ladder_versions")
            .set({ version, published_at: publishedAt })
            .where("ladder_key", "=", ladderKey)
            .where("version", "is", null)
            .execute(),
        )
        const { document } = pending
        yield* query((k) =>
          k
            .updateTable("roles_ladders")
            .set({ name: document.name, description: document.description ?? null, team_key: document.team ?? null })
            .where("key", "=", ladderKey)
            .execute(),
        )
        return { ...pending, version, publishedAt }
      }),
    )

  const latest = query((k) =>
    k
      .selectFrom("roles_ladder_versions as v")
      .selectAll("v")
      .where((eb) =>
        eb(
          "v.version",
          "=",
          eb
            .selectFrom("roles_ladder_versions as w")
            .select((w) => w.fn.max("w.version").as("latest"))
            .whereRef("w.ladder_key", "=", "v.ladder_key"),
        ),
      )
      .orderBy("v.ladder_key")
      .execute(),
  ).pipe(Effect.map((rows) => rows.map(toVersion)))

  const versions = (refs: ReadonlyArray<LadderVersionRef>): Effect.Effect<ReadonlyArray<LadderVersion>, DbError> =>
    refs.length === 0
      ? Effect.succeed([])
      : query((k) =>
          k
            .selectFrom("roles_ladder_versions")
            .selectAll()
            .where((eb) =>
              eb.or(
                refs.map((ref) =>
                  eb.and([
                    eb("ladder_key", "=", ref.ladderKey),
                    ref.version === null ? eb("version", "is", null) : eb("version", "=", ref.version),
                  ]),
                ),
              ),
            )
            .execute(),
        ).pipe(Effect.map((rows) => rows.map(toVersion)))

  const histories = (ladderKeys: ReadonlyArray<string>) =>
    ladderKeys.length === 0
      ? Effect.succeed([])
      : query((k) =>
          k
            .selectFrom("roles_ladder_versions")
            .selectAll()
            .where("ladder_key", "in", ladderKeys)
            .where("version", "is not", null)
            .orderBy("ladder_key")
            .orderBy("version")
            .execute(),
        ).pipe(Effect.map((rows) => rows.map(toVersion)))

  return {
    saveDraft,
    publish,
    list: summaries(),
    summary: (ladderKey) => Effect.map(summaries(ladderKey), (rows) => rows[0]),
    published,
    draft,
    history: (ladderKey) => histories([ladderKey]),
    histories,
    latest,
    versions,
  }
}
