import { type GraphQLSchema, parse, validate } from "graphql"
import type { GraphiQLOptions, Plugin as YogaPlugin } from "graphql-yoga"

/** A tab GraphiQL opens with: an operation of this API, and its variables as JSON text. */
export interface ExampleOperation {
  readonly query: string
  readonly variables?: string
}

/**
 * The operations GraphiQL opens with, on the demo organisation: a team page, readiness for
 * the next level, a metric by team, and a batch of events.
 */
export const exampleOperations: ReadonlyArray<ExampleOperation> = [
  {
    query: `# The members of a team, with their level and how long they have held it.
query TeamMembers {
  team(key: "support-emea") {
    name
    members(first: 10) {
      edges {
        node {
          name
          email
          currentLevel { key title }
          timeInLevel
          nextLevel { key }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# How ready each person of a team is for their next level, and what is missing.
query Readiness {
  people(teamKey: "support-emea", first: 10) {
    edges {
      node {
        name
        readiness {
          level { key title }
          ready
          met
          total
          explanation
          gaps { competency { key name } expected assessed }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# First response time of every team, in seconds, on the calendar and in open hours.
query FirstResponseTime {
  metric(query: { metric: "first_response_time", groupBy: [team] }) {
    team
    basis
    ... on DurationMetricRow {
      unanswered
      calendar { count median p90 }
      business { count median p90 }
    }
  }
}
`,
  },
  {
    query: `# Stores a batch of events, all or nothing; sending the same events again changes nothing.
mutation IngestEvents($events: [JSON!]!) {
  ingestEvents(input: { events: $events }) {
    __typename
    ... on IngestEventsSuccess { summary { accepted duplicates } }
    ... on EventBatchRefused { message problems }
    ... on InputError { message path }
  }
}
`,
    variables: `{
  "events": [
    { "id": "example-1", "type": "conversation.created", "at": "2026-03-02T09:00:00Z", "conversationId": "example", "actor": { "kind": "customer" }, "channel": "chat", "customerId": "customer-example" },
    { "id": "example-2", "type": "message.customer", "at": "2026-03-02T09:00:00Z", "conversationId": "example", "actor": { "kind": "customer" } },
    { "id": "example-3", "type": "conversation.assigned", "at": "2026-03-02T09:01:00Z", "conversationId": "example", "actor": { "kind": "automation" }, "assignee": { "email": "kostas@teamops.example" }, "teamKey": "support-emea" },
    { "id": "example-4", "type": "message.human", "at": "2026-03-02T09:05:00Z", "conversationId": "example", "actor": { "kind": "human", "email": "kostas@teamops.example" } },
    { "id": "example-5", "type": "conversation.resolved", "at": "2026-03-02T09:20:00Z", "conversationId": "example", "actor": { "kind": "human", "email": "kostas@teamops.example" } }
  ]
}
`,
  },
]

/** The examples whose every field exists in `schema`: a host of other plugins shows only those. */
export const examplesFor = (schema: GraphQLSchema): ReadonlyArray<ExampleOperation> =>
  exampleOperations.filter((example) => validate(schema, parse(example.query)).length === 0)

/**
 * GraphiQL's settings for a host of `schema`: the examples it can answer, one tab each, and
 * the request headers its tabs start with, when given.
 */
export const graphiqlOptions = (schema: GraphQLSchema, headers?: Record<string, string>): GraphiQLOptions => {
  const examples = examplesFor(schema)
  const shown = headers === undefined ? {} : { headers: JSON.stringify(headers, null, 2) }
  return {
    title: "teamops GraphiQL",
    ...shown,
    ...(examples.length > 0
      ? { defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables ?? null, ...shown })) }
      : {}),
  }
}

/**
 * Renders GraphiQL with its scripts, styles and workers inline, from the installed package:
 * the page loads nothing from another site. The page is made once per set of options. The
 * package, megabytes of inlined assets, is loaded by the first page asked for rather than
 * at boot, which most servers (behind a client, not a browser) never need.
 */
export const renderGraphiQL = (() => {
  let last: { readonly key: string; readonly html: string } | undefined
  return async (options: GraphiQLOptions): Promise<string> => {
    const key = JSON.stringify(options)
    if (last?.key !== key) {
      const { renderGraphiQL: renderInline } = await import("@graphql-yoga/render-graphiql")
      last = { key, html: renderInline(options) }
    }
    return last.html
  }
})()

/** A browser that opens `/` is sent to GraphiQL at `/graphql`. */
export const useRootRedirect = (): YogaPlugin => ({
  onRequest({ request, url, endResponse }) {
    if (url.pathname === "/" && request.method === "GET" && request.headers.get("accept")?.includes("text/html")) {
      endResponse(new Response(null, { status: 302, headers: { location: "/graphql" } }))
    }
  },
})
