import { currentLevel, PromotionRepo, type PromotionStep } from "@teamops/competencies"
import type { Person } from "@teamops/org"
import { LadderRepo } from "@teamops/roles"
import { Effect } from "effect"
import type { TeamMember } from "./Coverage.js"

const refKey = (ladderKey: string, version: number | null) => JSON.stringify([ladderKey, version])

/**
 * The people with the track of their current level (the level of their latest promotion, as
 * its ladder version defines it): one read of the promotions and one of the ladder versions
 * they lead to, for any number of people.
 */
export const withTracks = (people: ReadonlyArray<Person>) =>
  Effect.gen(function* () {
    if (people.length === 0) return []
    const steps = yield* Effect.flatMap(PromotionRepo, (r) => r.stepsOfPeople(people.map((p) => p.id)))
    const stepsOf = new Map<string, Array<PromotionStep>>()
    for (const step of steps) stepsOf.set(step.personId, [...(stepsOf.get(step.personId) ?? []), step])
    const levels = new Map(people.map((p) => [p.id, currentLevel(stepsOf.get(p.id) ?? [])]))
    const refs = new Map<string, { ladderKey: string; version: number }>()
    for (const level of levels.values()) {
      if (level !== undefined) refs.set(refKey(level.ladderKey, level.version), level)
    }
    const versions = refs.size === 0 ? [] : yield* Effect.flatMap(LadderRepo, (r) => r.versions([...refs.values()]))
    const trackOf = new Map<string, string>()
    for (const version of versions) {
      for (const level of version.effective.levels) {
        trackOf.set(`${refKey(version.ladderKey, version.version)}/${level.key}`, level.track)
      }
    }
    return people.map((person): TeamMember => {
      const level = levels.get(person.id)
      return {
        person,
        track:
          level === undefined ? undefined : trackOf.get(`${refKey(level.ladderKey, level.version)}/${level.level}`),
      }
    })
  })
