// Shared fixtures of the roles tests: a test host with org and roles, and the sample ladder.
import { readFileSync } from "node:fs"
import type { Plugin } from "@teamops/core"
import { orgPlugin } from "@teamops/org"
import {
  type Dialect,
  failureOf,
  type GraphQLResult,
  graphql,
  graphqlData,
  openTestHost,
  type TestHost,
} from "@teamops/testing"
import { Effect } from "effect"
import type { LadderDocument } from "../src/Ladder.js"
import { parseLadderFile } from "../src/LadderFile.js"
import { rolesPlugin } from "../src/plugin.js"

/** The sample ladder file: four levels on three tracks, a role, five transitions. */
export const supportYaml = readFileSync(new URL("./fixtures/support-ladder.yaml", import.meta.url), "utf8")

/** The sample ladder, decoded. */
export const supportLadder: LadderDocument = Effect.runSync(parseLadderFile("yaml", supportYaml))

export type TestRoles = TestHost

/** A server with org, roles and `plugins`, on a fresh database of `dialect`. */
export const openRoles = (dialect: Dialect, plugins: ReadonlyArray<Plugin<any>> = []) =>
  openTestHost(dialect, [orgPlugin, rolesPlugin, ...plugins])

/** The sample ladder changed by `change`, as a YAML-free document (tests of the rules). */
export const withLadder = (change: (doc: any) => void): LadderDocument => {
  const doc = structuredClone(supportLadder) as any
  change(doc)
  return doc as LadderDocument
}

export { type Dialect, failureOf, type GraphQLResult, graphql, graphqlData }
