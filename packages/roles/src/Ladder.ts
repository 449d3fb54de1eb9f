import { Key, Name } from "@teamops/core"
import { Schema } from "effect"

/**
 * A career ladder as written in a ladder file (YAML or JSON) and as stored per version:
 * tracks, levels, roles and transitions, with the proficiency scale, the competencies and
 * the matrix of expected steps and behaviours per level. A published version is immutable.
 */

const Text = Schema.Trim.pipe(Schema.nonEmptyString({ message: () => "expected a non-empty text" }))

export const TrackKind = Schema.Literal("individual-contributor", "management", "specialist")
export type TrackKind = typeof TrackKind.Type

/** A way up: individual contributors, people managers, or a specialism. */
export const Track = Schema.Struct({
  key: Key,
  name: Name,
  kind: TrackKind,
  description: Schema.optional(Text),
})
export type Track = typeof Track.Type

/** What a level expects, in words rather than numbers. */
export const Expectations = Schema.Struct({ scope: Text, autonomy: Text, impact: Text })
export type Expectations = typeof Expectations.Type

/** A step on a track; `rank` orders the levels of one track from 1 upwards. */
export const Level = Schema.Struct({
  key: Key,
  title: Name,
  track: Key,
  rank: Schema.Int.pipe(Schema.positive({ message: () => "expected a rank of 1 or more" })),
  summary: Text,
  expectations: Expectations,
})
export type Level = typeof Level.Type

/** A role people can grow into: why it exists, what it does, what to look for. */
export const Role = Schema.Struct({
  key: Key,
  name: Name,
  why: Text,
  does: Text,
  lookFor: Text,
  /** The key of the team the role is embedded in (a product team, say), if any. */
  embeddedIn: Schema.optional(Key),
})
export type Role = typeof Role.Type

export const TransitionKind = Schema.Literal("promotion", "lateral", "embedded", "exit")
export type TransitionKind = typeof TransitionKind.Type

/**
 * A move from a level or role: to another level or role (`to`), or out of the ladder to
 * another department (`department`, for an `exit`). `takes` says what it takes.
 */
export const Transition = Schema.Struct({
  from: Key,
  to: Schema.optional(Key),
  department: Schema.optional(Name),
  kind: TransitionKind,
  takes: Text,
  /** A programme that leads there, such as a technical development programme. */
  via: Schema.optional(Text),
})
export type Transition = typeof Transition.Type

/** One step of the proficiency scale, in order from the first to the most proficient. */
export const ScaleStep = Schema.Struct({ key: Key, label: Name, meaning: Text })
export type ScaleStep = typeof ScaleStep.Type

export const Competency = Schema.Struct({ key: Key, name: Name, category: Name, description: Text })
export type Competency = typeof Competency.Type

/** An observable sentence of what someone at the level does, with examples. */
export const Behaviour = Schema.Struct({
  text: Text,
  examples: Schema.optionalWith(Schema.Array(Text), { default: () => [] }),
})
export type Behaviour = typeof Behaviour.Type

/** What a level expects of one competency: a step of the scale and the behaviours that show it. */
export const MatrixEntry = Schema.Struct({
  expected: Key,
  behaviours: Schema.optionalWith(Schema.Array(Behaviour), { default: () => [] }),
})
export type MatrixEntry = typeof MatrixEntry.Type

/** Level key -> competency key -> entry. */
export const Matrix = Schema.Record({
  key: Schema.String,
  value: Schema.Record({ key: Schema.String, value: MatrixEntry }),
})
export type Matrix = typeof Matrix.Type

/**
 * How competencies changed since the previous version, so that assessments made against
 * an earlier version map forward: renamed, split into several, or merged into one.
 */
export const CompetencyChange = Schema.Union(
  Schema.Struct({ rename: Schema.Struct({ from: Key, to: Key }) }),
  Schema.Struct({ split: Schema.Struct({ from: Key, into: Schema.Array(Key).pipe(Schema.minItems(2)) }) }),
  Schema.Struct({ merge: Schema.Struct({ from: Schema.Array(Key).pipe(Schema.minItems(2)), into: Key }) }),
  Schema.Struct({ remove: Key }),
)
export type CompetencyChange = typeof CompetencyChange.Type

/** A ladder file, and the content of one ladder version. */
export const LadderDocument = Schema.Struct({
  key: Key,
  name: Name,
  description: Schema.optional(Text),
  /** The key of the owning team. */
  team: Schema.optional(Key),
  /** What changed in this version, for the people who read the ladder. */
  changelog: Schema.optional(Text),
  /** The key of a base ladder whose scale, competencies and matrix this one inherits and overrides. */
  extends: Schema.optional(Key),
  scale: Schema.optionalWith(Schema.Array(ScaleStep), { default: () => [] }),
  tracks: Schema.Array(Track),
  levels: Schema.Array(Level),
  roles: Schema.optionalWith(Schema.Array(Role), { default: () => [] }),
  transitions: Schema.optionalWith(Schema.Array(Transition), { default: () => [] }),
  competencies: Schema.optionalWith(Schema.Array(Competency), { default: () => [] }),
  matrix: Schema.optionalWith(Matrix, { default: () => ({}) }),
  changes: Schema.optionalWith(Schema.Array(CompetencyChange), { default: () => [] }),
})
export type LadderDocument = typeof LadderDocument.Type
