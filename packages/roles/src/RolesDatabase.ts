/** The tables of the `roles` plugin, as Kysely sees them. */
export interface RolesDatabase {
  roles_ladders: {
    key: string
    name: string
    description: string | null
    team_key: string | null
  }
  roles_ladder_versions: {
    id: string
    ladder_key: string
    /** 1, 2, … once published; null for the one draft of a ladder. */
    version: number | null
    /** The {@link LadderDocument} as imported, encoded as JSON. */
    document: string
    /** The document with its base merged in, encoded as JSON; fixed when the draft is saved. */
    effective: string
    /** The published version of the base ladder merged into `effective`. */
    base_version: number | null
    saved_at: string
    published_at: string | null
  }
  /** The contributed file each ladder was last published from, so that a boot reads it only when it changed. */
  roles_contributed_ladders: {
    ladder_key: string
    /** The SHA-256 of the file as contributed, with its format and the reading rules' version. */
    source_digest: string
    /** The published version that says what the file says. */
    version: number
  }
}
