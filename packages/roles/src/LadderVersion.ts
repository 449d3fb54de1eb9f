import { Schema } from "effect"
import { LadderDocument, type Level } from "./Ladder.js"

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

/** Names one version of a ladder; `version` null names the draft. */
export interface LadderVersionRef {
  readonly ladderKey: string
  readonly version: number | null
}

const documentJson = Schema.parseJson(LadderDocument)

/** Reads a stored document. */
export const decodeDocument = Schema.decodeSync(documentJson)

/** The stored JSON of a document: equal documents have equal texts. */
export const documentText = Schema.encodeSync(documentJson)
