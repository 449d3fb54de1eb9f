import type { RuleQuestion } from "./AccessRule.js"
import type { Principal, TokenScope } from "./Principal.js"

/**
 * The questions every field and mutation may ask about the caller, with
 * `@pothos/plugin-scope-auth`'s `authScopes`. Each takes what it is about (a person's id, a
 * team's id, an email) and is answered by the rules below, in this one place.
 */
export interface AuthScopes {
  /** Anyone who showed a valid credential. */
  readonly signedIn: boolean
  /** May read the org chart and ladders: every person, and services allowed to read or sync it. */
  readonly directory: boolean
  readonly admin: boolean
  /** People partners (HR) and admins. */
  readonly people: boolean
  /** A person, not a service account. */
  readonly person: boolean
  /** The token carries this scope (admins carry all). */
  readonly scope: TokenScope
  /** May see this person's career data: themselves, anyone above them in the reporting lines, admins. */
  readonly careerOf: string
  /** Manages this person, at any depth (or is an admin): may promote them. */
  readonly manages: string
  /** May see this team's figures: its members and their managers, `metrics:read`, admins. */
  readonly teamOf: string
  /**
   * Is above someone of this team in the reporting lines (or is an admin): a manager of the
   * team, who may see its workforce figures. Unlike `teamOf`, being a member is not enough.
   */
  readonly managesTeam: string
  /** The caller is the person with this email. */
  readonly is: string
  /** A plugin's own rule holds, asked with its `ask(param)` (see `accessRule`). */
  readonly rule: RuleQuestion
}

/** What the rules need to know about the caller's place in the organisation, loaded once per request. */
export interface Relations {
  /** Everyone below the caller in the reporting lines. */
  readonly reports: () => Promise<ReadonlySet<string>>
  /** The teams of the caller and of everyone below them. */
  readonly teams: () => Promise<ReadonlySet<string>>
  /** The teams of everyone below the caller (the caller's own only when someone of it reports to them). */
  readonly managedTeams: () => Promise<ReadonlySet<string>>
  /** The caller's email, when the caller is a person. */
  readonly email: () => Promise<string | undefined>
}

/** Answers the plugins' rules for one caller; a rule no booted plugin declared is refused. */
export type RuleAnswers = (question: RuleQuestion, caller: Access) => Promise<boolean>

type Loaders = { [K in keyof AuthScopes]: boolean | ((param: AuthScopes[K]) => boolean | Promise<boolean>) }
export type AuthScopeMap = { readonly [K in keyof AuthScopes]?: AuthScopes[K] }

/** The caller of one request and the answers to the rules' questions about them. */
export interface Access {
  readonly viewer: Principal
  /** The scope loaders of `@pothos/plugin-scope-auth`. */
  readonly scopes: Loaders
  /** True when any entry of `map` holds, as `authScopes` would decide. */
  readonly allows: (map: AuthScopeMap) => Promise<boolean>
  /** Whether anyone reports to the caller. */
  readonly managesAnyone: () => Promise<boolean>
  /** Whether the caller is above `personId` in the reporting lines (being an admin does not count). */
  readonly isAbove: (personId: string) => Promise<boolean>
  /** The caller's email, when the caller is a person. */
  readonly email: () => Promise<string | undefined>
}

const noRelations: Relations = {
  reports: async () => new Set(),
  teams: async () => new Set(),
  managedTeams: async () => new Set(),
  email: async () => undefined,
}

const noRules: RuleAnswers = async () => false

/** The rules, for one caller. */
export const makeAccess = (
  viewer: Principal,
  relations: Relations = noRelations,
  rules: RuleAnswers = noRules,
): Access => {
  const scopes = viewer.kind === "person" || viewer.kind === "service" ? viewer.scopes : []
  const admin = viewer.kind === "operator" || scopes.includes("admin")
  const people = admin || scopes.includes("people")
  const has = (scope: TokenScope) => admin || scopes.includes(scope) || (scope === "org:write" && people)
  const self = viewer.kind === "person" ? viewer.personId : undefined
  const isAbove = async (personId: string) => self !== undefined && (await relations.reports()).has(personId)
  const loaders: Loaders = {
    signedIn: viewer.kind !== "anonymous",
    directory: viewer.kind === "person" || people || has("org:write") || has("metrics:read") || has("ladders:write"),
    admin,
    people,
    person: self !== undefined,
    scope: has,
    careerOf: async (personId) => admin || personId === self || (await isAbove(personId)),
    manages: async (personId) => admin || (await isAbove(personId)),
    teamOf: async (teamId) => has("metrics:read") || (self !== undefined && (await relations.teams()).has(teamId)),
    managesTeam: async (teamId) => admin || (self !== undefined && (await relations.managedTeams()).has(teamId)),
    is: async (email) => self !== undefined && (await relations.email()) === email,
    rule: (question) => rules(question, access),
  }
  const allows = async (map: AuthScopeMap) => {
    for (const [name, param] of Object.entries(map)) {
      const loader = loaders[name as keyof AuthScopes] as boolean | ((param: unknown) => boolean | Promise<boolean>)
      if (typeof loader === "boolean" ? loader && param === true : await loader(param)) return true
    }
    return false
  }
  const managesAnyone = async () => self !== undefined && (await relations.reports()).size > 0
  const access: Access = { viewer, scopes: loaders, allows, managesAnyone, isAbove, email: relations.email }
  return access
}
