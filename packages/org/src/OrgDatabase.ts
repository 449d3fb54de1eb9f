/** The tables of the `org` plugin, as Kysely sees them. */
export interface OrgDatabase {
  org_teams: {
    id: string
    key: string
    name: string
    description: string | null
    parent_id: string | null
    /** The annual salary of the team's people who have none of their own. */
    default_annual_salary: number | null
  }
  org_people: {
    id: string
    name: string
    email: string
    time_zone: string
    /** {@link WeeklyHours} as JSON. */
    working_hours: string
    hire_date: string
    team_id: string
    manager_id: string | null
    status: "active" | "left"
    left_on: string | null
    annual_salary: number | null
  }
}
