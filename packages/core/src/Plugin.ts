import type { Effect, Layer, Schema } from "effect"
import type { AccessRule } from "./AccessRule.js"
import type { Builder } from "./Builder.js"
import type { DomainEvent, Subscription } from "./DomainEvent.js"
import type { Contribution, ExtensionPoint } from "./ExtensionPoint.js"
import type { Migrations } from "./Migrations.js"
import type { PluginCommand } from "./PluginCommand.js"
import { callerFile } from "./PluginOrigin.js"
import type { PluginRoute } from "./PluginRoute.js"
import type { Run, RunQuery } from "./Resolver.js"

/** What a plugin's `schema` function gets besides the builder. */
export interface SchemaKit {
  readonly pluginId: string
  /**
   * Runs an Effect on the host runtime, attributed to this plugin (logs and spans). A typed
   * failure reaches the field's declared error payloads; anything else is masked and logged once.
   */
  readonly run: Run
  /** Like `run`, for query fields: input and not-found failures reach the caller as field errors. */
  readonly runQuery: RunQuery
  /** Fails the field with a broken invariant (a stored row referring to nothing), attributed to this plugin. */
  readonly invariant: (message: string) => never
}

/** Demo data a plugin can add; `seed` must add nothing that is already there. */
export interface Demo {
  /** True when the plugin holds no data of its own yet. */
  readonly isEmpty: Effect.Effect<boolean, unknown, any>
  readonly seed: Effect.Effect<void, unknown, any>
}

/**
 * What a plugin keeps about a person, for the person's right to see it and to be forgotten.
 * Both run on the host runtime with the plugin's services; `erase` runs inside the one
 * transaction of an erasure, with every other plugin's.
 */
export interface PersonalData {
  /** Everything the plugin stores about the person, as plain JSON. */
  readonly export: (personId: string) => Effect.Effect<unknown, unknown, any>
  /**
   * Removes what identifies the person (names, emails, text written about them) and puts
   * `pseudonym` in place of their identity, so that figures and histories stay whole.
   */
  readonly erase: (personId: string, pseudonym: Pseudonym) => Effect.Effect<void, unknown, any>
}

/** The stable stand-in for an erased person: the same for a person whenever asked. */
export interface Pseudonym {
  /** `Erased person 1a2b3c4d`. */
  readonly name: string
  /** `erased-1a2b3c4d@erased.invalid`. */
  readonly email: string
}

/** A dependency on the versions of a plugin that this one works with. */
export interface Dependency {
  readonly id: string
  /** A semantic version range in npm's syntax, such as `"^0.1.0"`. */
  readonly version: string
}

/** Everything a plugin declares; the host reads nothing else from it. */
export interface PluginManifest<Config = unknown> {
  /** Lower-kebab id; prefixes the plugin's tables, keys and migration history. */
  readonly id: string
  /** Semantic version, shown by `/readyz`. */
  readonly version: string
  /** Plugins that must boot before this one: an id for any version, or an id with a version range. */
  readonly dependsOn?: ReadonlyArray<string | Dependency>
  /** Decodes this plugin's section of the host configuration (`plugins.<id>`). */
  readonly config?: Schema.Schema<Config, any, never>
  /** Run in name order, recorded in `<id>_migrations`. */
  readonly migrations?: Migrations
  /** Services for the plugin's resolvers and its dependants, built from its decoded config. */
  readonly layer?: Layer.Layer<any, unknown, any> | ((config: Config) => Layer.Layer<any, unknown, any>)
  /** Extension points this plugin owns. */
  readonly extensionPoints?: ReadonlyArray<ExtensionPoint<any, any>>
  /** The domain events this plugin publishes through the `Outbox`. */
  readonly events?: ReadonlyArray<DomainEvent<any, any>>
  /** HTTP endpoints served under `/plugins/<id>/`, made with `route`. */
  readonly routes?: ReadonlyArray<PluginRoute>
  /** Questions of this plugin's own for `authScopes` (made with `accessRule`), answered by the host. */
  readonly access?: ReadonlyArray<AccessRule>
  /** Commands added to the `teamops` command line, made with `commandGroup`. */
  readonly commands?: ReadonlyArray<PluginCommand>
  /** Handlers of other plugins' events (their publishers must be in `dependsOn`), made with `subscribe`. */
  readonly subscribes?: ReadonlyArray<Subscription>
  /**
   * Values offered to other plugins' extension points (owners must be in `dependsOn`), or a
   * function making them from the plugin's decoded config (a metric with a configured threshold).
   */
  readonly contributes?: ReadonlyArray<Contribution> | ((config: Config) => ReadonlyArray<Contribution>)
  /**
   * Runs once every plugin booted and the schema built, with the plugin's services: the place
   * to write to the database what others contributed (publishing their ladders), as only the
   * contributions of plugins that booted are seen by then. A failure stops the boot.
   */
  readonly start?: Effect.Effect<void, unknown, any>
  /** Adds this plugin's types and fields to the shared builder. */
  readonly schema?: (builder: Builder, kit: SchemaKit) => void
  readonly demo?: Demo
  readonly personalData?: PersonalData
  /** The file that declared the plugin, as a `file:` URL; `definePlugin` fills it in. */
  readonly origin?: string
}

export interface Plugin<Config = unknown> extends PluginManifest<Config> {
  /** The ids of the dependencies, in the manifest's order. */
  readonly dependsOn: ReadonlyArray<string>
  /** The version range of each dependency that gives one, by dependency id. */
  readonly dependencyRanges: Readonly<Record<string, string>>
  readonly migrations: Migrations
  readonly extensionPoints: ReadonlyArray<ExtensionPoint<any, any>>
  readonly contributes: ReadonlyArray<Contribution> | ((config: Config) => ReadonlyArray<Contribution>)
}

const dependencyId = (dependency: string | Dependency) => (typeof dependency === "string" ? dependency : dependency.id)

/** Kept apart from the ids so that code ordering plugins by id needs no change; checked at boot. */
const dependencyRanges = (dependsOn: ReadonlyArray<string | Dependency>): Record<string, string> =>
  Object.fromEntries(dependsOn.flatMap((dep) => (typeof dep === "string" ? [] : [[dep.id, dep.version]])))

/** Declares a plugin. A plain value: no registry, no side effect until a host boots it. */
export const definePlugin = <Config = unknown>(manifest: PluginManifest<Config>): Plugin<Config> => {
  // Two frames up, past callerFile and definePlugin: the module that declares the plugin.
  const origin = manifest.origin ?? callerFile(2)
  return {
    ...(origin === undefined ? {} : { origin }),
    ...manifest,
    dependsOn: (manifest.dependsOn ?? []).map(dependencyId),
    // Recomputed, never spread: a manifest made by spreading a plugin must not keep its old ranges.
    dependencyRanges: dependencyRanges(manifest.dependsOn ?? []),
    migrations: manifest.migrations ?? {},
    extensionPoints: manifest.extensionPoints ?? [],
    contributes: manifest.contributes ?? [],
  }
}
