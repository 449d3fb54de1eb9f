import { Db, type DbError, type NotFoundError } from "@teamops/core"
import { Context, Effect, Layer } from "effect"
import type { LadderDocument, Level } from "./Ladder.js"
import { makeLadderRepo } from "./LadderRepoLive.js"

/** A ladder: its identity. Its content lives in its versions. */
export interface LadderSummary {
  readonly key: string
  readonly name: string
  readonly description: string | null
  readonly teamKey: string | null
  /** The highest published version, null while only a draft exists. */
  readonly latestVersion: number | null
  readonly hasDraft: boolean
}

/** One version of a ladder: the draft (`version` null), or a published, immutable one. */
export interface LadderVersion {
  readonly ladderKey: string
  /** 1, 2, … once published; null for the draft. */
  readonly version: number | null
  readonly publishedAt: string | null
  /** The document as imported. */
  readonly document: LadderDocument
  /** The document with its base ladder (`extends`) merged in: what readers and checks use. */
  readonly effective: LadderDocument
}

/** A level of one ladder version, as other plugins refer to it. */
export interface LadderLevel {
  readonly ladderKey: string
  readonly version: number | null
  readonly level: Level
}

/** Where ladders and their versions are kept. */
export interface LadderRepoService {
  /**
   * Stores `document` as the draft of ladder `document.key` (creating the ladder when the
   * key is new), replacing any earlier draft. The document must already be checked.
   */
  readonly saveDraft: (document: LadderDocument) => Effect.Effect<LadderVersion, DbError | NotFoundError>
  /** Publishes the draft as the next version number. */
  readonly publish: (ladderKey: string) => Effect.Effect<LadderVersion, DbError | NotFoundError>
  readonly list: Effect.Effect<ReadonlyArray<LadderSummary>, DbError>
  readonly summary: (ladderKey: string) => Effect.Effect<LadderSummary | undefined, DbError>
  /** A published version, or the latest published when `version` is undefined. */
  readonly published: (ladderKey: string, version?: number) => Effect.Effect<LadderVersion | undefined, DbError>
  readonly draft: (ladderKey: string) => Effect.Effect<LadderVersion | undefined, DbError>
  /** Every published version of a ladder, oldest first (for mapping assessments forward). */
  readonly history: (ladderKey: string) => Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
  /** The latest published version of every ladder that has one, ordered by key, in one statement. */
  readonly latest: Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
  /** The versions asked for (`version` null: the draft), in one statement; those missing are left out. */
  readonly versions: (refs: ReadonlyArray<LadderVersionRef>) => Effect.Effect<ReadonlyArray<LadderVersion>, DbError>
}

/** Names one version of a ladder; `version` null names the draft. */
export interface LadderVersionRef {
  readonly ladderKey: string
  readonly version: number | null
}

export class LadderRepo extends Context.Tag("@teamops/roles/LadderRepo")<LadderRepo, LadderRepoService>() {
  static readonly layer = Layer.effect(
    LadderRepo,
    Effect.map(Db, (db) => makeLadderRepo(db)),
  )
}
