import { Context, type Effect } from "effect"
import type { DbError } from "./Errors.js"

/** A person as the access rules know them. */
export interface DirectoryEntry {
  readonly personId: string
  readonly email: string
  readonly active: boolean
}

/**
 * Who people are and whom they manage, as of now: what the access rules need from the
 * organisation. The plugin that keeps the org chart provides it; without it, only tokens'
 * scopes grant anything.
 */
export class Directory extends Context.Tag("teamops/Directory")<
  Directory,
  {
    readonly byEmail: (email: string) => Effect.Effect<DirectoryEntry | undefined, DbError>
    readonly byId: (personId: string) => Effect.Effect<DirectoryEntry | undefined, DbError>
    /** Everyone below `personId` in the reporting lines, at any depth. */
    readonly reportsOf: (personId: string) => Effect.Effect<ReadonlySet<string>, DbError>
    /** The teams of `personIds`. */
    readonly teamsOf: (personIds: ReadonlyArray<string>) => Effect.Effect<ReadonlySet<string>, DbError>
  }
>() {}
