import { objectRef } from "@teamops/core"
import type { LadderLevel, LadderVersion } from "../LadderVersion.js"

/** The GraphQL `Ladder` type: one version of a ladder (published, or the draft). */
export const LadderRef = objectRef<LadderVersion>("Ladder")
/** The GraphQL `Level` type; other plugins return levels (`LadderLevel`) through it. */
export const LevelRef = objectRef<LadderLevel>("Level")
