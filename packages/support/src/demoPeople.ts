/**
 * Where the demo organisation of `org` stands on the Customer Support ladder: each person's
 * levels, oldest first, and the ratings of three specialists working towards css2.
 */

/** The demo people's e-mail addresses, from the user part. */
export const demoEmail = (user: string) => `${user}@teamops.example`

export interface DemoLevel {
  readonly level: string
  readonly rationale: string
}

export const demoLevels: ReadonlyArray<readonly [user: string, levels: ReadonlyArray<DemoLevel>]> = [
  ["eleni", [{ level: "support-manager", rationale: "Leads the leads of every support team." }]],
  ["nikos", [{ level: "support-lead", rationale: "Leads Support EMEA." }]],
  ["maria", [{ level: "support-lead", rationale: "Leads Support Americas." }]],
  ["olivia", [{ level: "support-lead", rationale: "Leads Support APAC." }]],
  [
    "james",
    [{ level: "senior-support-engineer", rationale: "Owns the hardest integration escalations of the Americas." }],
  ],
  [
    "aoife",
    [
      { level: "css2", rationale: "Handles every product area on her own." },
      { level: "customer-support-engineer", rationale: "Completed the technical development programme." },
    ],
  ],
  [
    "dimitra",
    [
      { level: "css1", rationale: "Joined Support EMEA." },
      { level: "css2", rationale: "Resolves most cases on the first reply and escalates with evidence." },
    ],
  ],
  ["kostas", [{ level: "css1", rationale: "Joined Support EMEA." }]],
  ["siobhan", [{ level: "css1", rationale: "Joined Support EMEA." }]],
  ["priya", [{ level: "css2", rationale: "Works every channel and keeps the queue healthy on her shifts." }]],
  ["lucas", [{ level: "css1", rationale: "Joined Support Americas." }]],
  ["hannah", [{ level: "css1", rationale: "Joined Support Americas." }]],
  ["jack", [{ level: "css2", rationale: "Dependable across all product areas." }]],
  ["mei", [{ level: "css2", rationale: "Handles the whole range of everyday conversations alone." }]],
  ["arjun", [{ level: "css1", rationale: "Joined Support APAC." }]],
  ["chloe", [{ level: "css1", rationale: "Joined Support APAC." }]],
  [
    "sofia",
    [{ level: "senior-support-operations-specialist", rationale: "Owns the tool stack and capacity planning." }],
  ],
  ["tom", [{ level: "support-operations-specialist", rationale: "Runs routing, macros and dashboards." }]],
  ["ana", [{ level: "support-operations-specialist", rationale: "Runs the knowledge base workflow." }]],
  ["ben", [{ level: "support-operations-specialist", rationale: "Maintains the help desk integrations." }]],
]

export interface DemoEvidence {
  readonly kind: "link" | "note"
  readonly url?: string
  readonly text: string
  readonly date: string
}

export interface DemoRating {
  readonly competency: string
  readonly manager?: string
  readonly self?: string
  readonly note?: string
  readonly evidence?: ReadonlyArray<DemoEvidence>
}

/**
 * Ratings against the latest support ladder, by each person's manager and some by the
 * person. Kostas is ready for css2; Lucas and Arjun meet some of it and not the rest.
 */
export const demoRatings: ReadonlyArray<readonly [user: string, manager: string, ratings: ReadonlyArray<DemoRating>]> =
  [
    [
      "kostas",
      "nikos",
      [
        {
          competency: "product-knowledge",
          manager: "practising",
          self: "practising",
          evidence: [
            {
              kind: "note",
              text: "Answered billing, telephony and integrations alone in October.",
              date: "2026-10-30",
            },
          ],
        },
        { competency: "customer-communication", manager: "proficient", self: "practising" },
        { competency: "troubleshooting", manager: "practising" },
        { competency: "ownership", manager: "proficient" },
        { competency: "mentoring-and-leadership", manager: "practising" },
        { competency: "process-and-tooling", manager: "practising" },
        {
          competency: "collaboration-with-product",
          manager: "practising",
          evidence: [
            {
              kind: "link",
              url: "https://tracker.teamops.example/bugs/4711",
              text: "A bug report engineering fixed without a follow-up question.",
              date: "2026-09-14",
            },
          ],
        },
      ],
    ],
    [
      "lucas",
      "maria",
      [
        { competency: "product-knowledge", manager: "practising", self: "proficient" },
        {
          competency: "customer-communication",
          manager: "practising",
          self: "proficient",
          note: "Clear and kind; long threads with upset customers still need a lead.",
        },
        { competency: "troubleshooting", manager: "practising" },
        {
          competency: "ownership",
          manager: "practising",
          evidence: [{ kind: "note", text: "Followed a refund through finance over two weeks.", date: "2026-10-12" }],
        },
        { competency: "mentoring-and-leadership", manager: "learning", self: "practising" },
        { competency: "process-and-tooling", manager: "practising" },
      ],
    ],
    [
      "arjun",
      "olivia",
      [
        { competency: "product-knowledge", manager: "practising", self: "practising" },
        { competency: "customer-communication", manager: "proficient" },
        { competency: "troubleshooting", manager: "learning", self: "practising" },
        { competency: "ownership", manager: "practising" },
        { competency: "mentoring-and-leadership", manager: "learning" },
        { competency: "process-and-tooling", manager: "learning" },
        { competency: "collaboration-with-product", manager: "learning" },
      ],
    ],
  ]
