import { type CalendarVersion, versionAt } from "@teamops/kpi"

/**
 * The zone a team's week is read in: that of its calendar version in force at noon UTC of the
 * date asked (its first version when none is yet), UTC for a team without a calendar.
 */
export const teamZoneOf = (versions: ReadonlyArray<CalendarVersion>, date: string): string =>
  (versionAt(versions, Date.parse(`${date}T12:00:00Z`)) ?? versions[0])?.timeZone ?? "UTC"
