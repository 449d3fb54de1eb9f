import type { Selectable } from "kysely"
import type { AorDatabase } from "./AorDatabase.js"
import type { Area, AreaWork, Contribution, Ownership } from "./Area.js"

// Stored rows turned into the domain's values. Lists were decoded before they were written,
// so reading them back needs no second check.

export const toArea = (row: Selectable<AorDatabase["aor_areas"]>): Area => ({
  id: String(row.id),
  key: row.key,
  name: row.name,
  purpose: row.purpose,
  teamId: row.team_id,
  category: row.category,
  weeklyHours: Number(row.weekly_hours),
  decisions: JSON.parse(row.decisions) as Array<string>,
  competencies: JSON.parse(row.competencies) as Array<string>,
  reviewEveryDays: Number(row.review_every_days),
  status: row.status,
  createdAt: row.created_at,
  retiredAt: row.retired_at,
})

export const toOwnership = (row: Selectable<AorDatabase["aor_ownerships"]>): Ownership => ({
  id: String(row.id),
  areaId: String(row.area_id),
  personId: row.person_id,
  teamId: row.team_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  note: row.note,
})

export const toContribution = (row: Selectable<AorDatabase["aor_contributions"]>): Contribution => ({
  id: String(row.id),
  areaId: String(row.area_id),
  personId: row.person_id,
  weeklyHours: Number(row.weekly_hours),
  startedAt: row.started_at,
  endedAt: row.ended_at,
})

export const toWork = (row: Selectable<AorDatabase["aor_work"]>): AreaWork => ({
  id: String(row.id),
  areaId: String(row.area_id),
  personId: row.person_id,
  date: row.date,
  text: row.text,
  url: row.url,
  recordedAt: row.recorded_at,
})

/** Area ids as stored: a global id that decodes to anything but a number names no area. */
export const storedIds = (ids: ReadonlyArray<string>) => ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number)
