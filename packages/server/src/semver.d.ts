// The two functions of `semver` the host uses, typed here as the package ships no types of its own.
declare module "semver" {
  /** The range normalized, or null when it is not a range in npm's syntax. */
  export function validRange(range: string): string | null
  /** Whether the version is in the range (prereleases only when the range names one). */
  export function satisfies(version: string, range: string): boolean
}
