/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How hard a conversation is; an untagged one counts as standard. */
export type Complexity =
  | 'complex'
  | 'simple'
  | 'standard';

/** How much one conversation weighs in weighted concurrency (defaults 0.5, 1 and 2). */
export type ComplexityWeightsInput = {
  complex?: number | null | undefined;
  simple?: number | null | undefined;
  standard?: number | null | undefined;
};

export type IngestEventsInput = {
  /** The events of one batch. */
  events: Array<unknown>;
};

/** What report rows are grouped by. */
export type MetricGroup =
  | 'period'
  | 'person'
  | 'team';

/** A question to the metrics; the same fields as `teamops metric --query`. */
export type MetricQueryInput = {
  /** RFC 3339 instant; events after it are ignored. Default now. */
  asOf?: string | null | undefined;
  complexity?: Complexity | null | undefined;
  complexityWeights?: ComplexityWeightsInput | null | undefined;
  /** RFC 3339 instant; basis instants from here (inclusive). */
  from?: string | null | undefined;
  groupBy?: Array<MetricGroup> | null | undefined;
  metric: string;
  /** The review score that passes (default 0.8). */
  passThreshold?: number | null | undefined;
  /** Required when grouping by period. */
  period?: ReportPeriod | null | undefined;
  /** IANA zone of the periods; default UTC, or the team's calendar zone when grouped by team. */
  timeZone?: string | null | undefined;
  /** RFC 3339 instant; basis instants before this (exclusive). */
  to?: string | null | undefined;
};

/** Whether a person is still in the organisation. */
export type PersonStatus =
  | 'ACTIVE'
  | 'LEFT';

/** A local day, a week starting Monday, or a calendar month. */
export type ReportPeriod =
  | 'day'
  | 'month'
  | 'week';

/** Who a target is for, from the most specific. */
export type TargetScopeKind =
  | 'level'
  | 'organisation'
  | 'person'
  | 'team';

/** How a figure stands against its target: within good, within acceptable, outside both, or not enough data to judge. */
export type TargetStatus =
  | 'no_data'
  | 'off_track'
  | 'on_track'
  | 'watch';

/** How long a person has been here, in days; a year is 365 days. */
export type TenureBand =
  /** 365 to 729 days. */
  | 'FROM_1_TO_2_YEARS'
  /** 730 to 1824 days. */
  | 'FROM_2_TO_5_YEARS'
  /** 1825 days and more. */
  | 'FROM_5_YEARS'
  /** 90 to 364 days. */
  | 'FROM_90_DAYS_TO_1_YEAR'
  /** Fewer than 90 days. */
  | 'UNDER_90_DAYS';

export type PersonCareerQueryVariables = Exact<{
  email: string;
}>;


export type PersonCareerQuery = { person: { name: string, email: string, timeInLevel: number | null, currentLevel: { key: string, title: string } | null, nextLevel: { key: string, title: string } | null, readiness: { ready: boolean, met: number, total: number, explanation: string, gaps: Array<{ expected: string, assessed: string | null, competency: { key: string } }> } | null, levelHistory: Array<{ ladderKey: string, version: number, effectiveOn: string, rationale: string, from: { key: string } | null, to: { key: string } }> } | null };

export type IngestLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type IngestLimitsQuery = { limits: { ingestBatchSize: number } };

export type IngestEventsMutationVariables = Exact<{
  input: IngestEventsInput;
}>;


export type IngestEventsMutation = { ingestEvents:
    | { __typename: 'EventBatchRefused', message: string, problems: Array<string> }
    | { __typename: 'IngestEventsSuccess', summary: { accepted: number, duplicates: number } }
    | { __typename: 'InputError', message: string, path: Array<string> }
   };

export type MetricSeriesQueryVariables = Exact<{
  query: MetricQueryInput;
}>;


export type MetricSeriesQuery = { metric: Array<
    | { metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { count: number, metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { unanswered: number | null, open: number | null, metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null }
    | { metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { count: number, value: number, metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
    | { numerator: number, denominator: number, rate: number | null, metric: string, team: string | null, person: string | null, period: string | null, status: TargetStatus | null, attainment: number | null }
  > };

export type PeopleQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PeopleQuery = { people: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, email: string, status: PersonStatus, team: { key: string } } }> } };

export type TeamPageQueryVariables = Exact<{
  team: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  asOf?: string | null | undefined;
  since: string;
  until: string;
  weekOf: string;
}>;


export type TeamPageQuery = { team: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null };

export type TeamPagesQueryVariables = Exact<{
  a: string;
  b: string;
  c: string;
  d: string;
  e: string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  asOf?: string | null | undefined;
  since: string;
  until: string;
  weekOf: string;
}>;


export type TeamPagesQuery = { a: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null, b: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null, c: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null, d: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null, e: { key: string, kpis: Array<
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
      | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null } | null };

export type TeamPageFragment = { key: string, kpis: Array<
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, calendar: { count: number, median: number, p90: number } | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
    | { rate: number | null, denominator: number, metric: string, status: TargetStatus | null, attainment: number | null, target: { statistic: string, good: { min: number | null, max: number | null } | null, acceptable: { min: number | null, max: number | null } | null, scope: { kind: TargetScopeKind, key: string | null } } | null, facts: { totalCount: number, edges: Array<{ node: { conversationId: string | null, person: string | null, team: string | null, at: string, value: number | null, reason: string | null } }> } }
  >, workforce: { headcountAtStart: number, headcountAtEnd: number, averageHeadcount: number, turnoverRate: number | null, turnoverCost: number | null, uncostedDepartures: number | null, replacementCostRate: number, tenure: { bands: Array<{ band: TenureBand, count: number }> }, departures: Array<{ leftOn: string, tenureDays: number, person: { name: string } }> } | null, coverage: { timeZone: string, start: string, end: string, gaps: Array<{ start: string, staffed: number, demand: number }>, tracks: Array<{ track: string, gaps: Array<{ start: string, staffed: number, demand: number }> }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TeamPageFragmentDoc = new TypedDocumentString(`
    fragment TeamPage on Team {
  key
  kpis(from: $from, to: $to, asOf: $asOf) {
    metric
    status
    attainment
    target {
      statistic
      good {
        min
        max
      }
      acceptable {
        min
        max
      }
      scope {
        kind
        key
      }
    }
    ... on DurationMetricRow {
      calendar {
        count
        median
        p90
      }
    }
    ... on RateMetricRow {
      rate
      denominator
    }
    facts(first: 5) {
      totalCount
      edges {
        node {
          conversationId
          person
          team
          at
          value
          reason
        }
      }
    }
  }
  workforce(from: $since, to: $until) {
    headcountAtStart
    headcountAtEnd
    averageHeadcount
    tenure {
      bands {
        band
        count
      }
    }
    departures {
      person {
        name
      }
      leftOn
      tenureDays
    }
    turnoverRate
    turnoverCost
    uncostedDepartures
    replacementCostRate
  }
  coverage(weekOf: $weekOf) {
    timeZone
    start
    end
    gaps {
      start
      staffed
      demand
    }
    tracks {
      track
      gaps {
        start
        staffed
        demand
      }
    }
  }
}
    `, {"fragmentName":"TeamPage"}) as unknown as TypedDocumentString<TeamPageFragment, unknown>;
export const PersonCareerDocument = new TypedDocumentString(`
    query PersonCareer($email: String!) {
  person(email: $email) {
    name
    email
    currentLevel {
      key
      title
    }
    timeInLevel
    nextLevel {
      key
      title
    }
    readiness {
      ready
      met
      total
      explanation
      gaps {
        competency {
          key
        }
        expected
        assessed
      }
    }
    levelHistory {
      ladderKey
      version
      effectiveOn
      rationale
      from {
        key
      }
      to {
        key
      }
    }
  }
}
    `, {"hash":"sha256:188e8b84f74a419c801100b46464e46da53e4f67330176984e55c1a93c4f8695"}) as unknown as TypedDocumentString<PersonCareerQuery, PersonCareerQueryVariables>;
export const IngestLimitsDocument = new TypedDocumentString(`
    query IngestLimits {
  limits {
    ingestBatchSize
  }
}
    `, {"hash":"sha256:f3a514eb5b756a53b026b4d1a3cca261ca412fa802ea522da1f7abaa57e32634"}) as unknown as TypedDocumentString<IngestLimitsQuery, IngestLimitsQueryVariables>;
export const IngestEventsDocument = new TypedDocumentString(`
    mutation IngestEvents($input: IngestEventsInput!) {
  ingestEvents(input: $input) {
    __typename
    ... on IngestEventsSuccess {
      summary {
        accepted
        duplicates
      }
    }
    ... on EventBatchRefused {
      message
      problems
    }
    ... on InputError {
      message
      path
    }
  }
}
    `, {"hash":"sha256:bba2ce97509ae3690b6c8ec271191498082ecb5b23b6c7ef04024839f366acb2"}) as unknown as TypedDocumentString<IngestEventsMutation, IngestEventsMutationVariables>;
export const MetricSeriesDocument = new TypedDocumentString(`
    query MetricSeries($query: MetricQueryInput!) {
  metric(query: $query) {
    metric
    team
    person
    period
    status
    attainment
    ... on CountMetricRow {
      count
    }
    ... on DurationMetricRow {
      calendar {
        count
        median
        p90
      }
      unanswered
      open
    }
    ... on RateMetricRow {
      numerator
      denominator
      rate
    }
    ... on ObservedMetricRow {
      count
      value
    }
  }
}
    `, {"hash":"sha256:61553f8814abbbc1164440d9a0adc00c921cfd129c44936d73a67ce9debea085"}) as unknown as TypedDocumentString<MetricSeriesQuery, MetricSeriesQueryVariables>;
export const PeopleDocument = new TypedDocumentString(`
    query People($first: Int, $after: String) {
  people(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        email
        status
        team {
          key
        }
      }
    }
  }
}
    `, {"hash":"sha256:6c9bea4774ec1d86d8ca1c2bfe84d26c05614a22f44212490493c13250771347"}) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
export const TeamPageDocument = new TypedDocumentString(`
    query TeamPage($team: String!, $from: String, $to: String, $asOf: String, $since: String!, $until: String!, $weekOf: String!) {
  team(key: $team) {
    ...TeamPage
  }
}
    fragment TeamPage on Team {
  key
  kpis(from: $from, to: $to, asOf: $asOf) {
    metric
    status
    attainment
    target {
      statistic
      good {
        min
        max
      }
      acceptable {
        min
        max
      }
      scope {
        kind
        key
      }
    }
    ... on DurationMetricRow {
      calendar {
        count
        median
        p90
      }
    }
    ... on RateMetricRow {
      rate
      denominator
    }
    facts(first: 5) {
      totalCount
      edges {
        node {
          conversationId
          person
          team
          at
          value
          reason
        }
      }
    }
  }
  workforce(from: $since, to: $until) {
    headcountAtStart
    headcountAtEnd
    averageHeadcount
    tenure {
      bands {
        band
        count
      }
    }
    departures {
      person {
        name
      }
      leftOn
      tenureDays
    }
    turnoverRate
    turnoverCost
    uncostedDepartures
    replacementCostRate
  }
  coverage(weekOf: $weekOf) {
    timeZone
    start
    end
    gaps {
      start
      staffed
      demand
    }
    tracks {
      track
      gaps {
        start
        staffed
        demand
      }
    }
  }
}`, {"hash":"sha256:f9d926d864f927b56179b954175ebb2de4a6512036fe019fefff36111ef9b07c"}) as unknown as TypedDocumentString<TeamPageQuery, TeamPageQueryVariables>;
export const TeamPagesDocument = new TypedDocumentString(`
    query TeamPages($a: String!, $b: String!, $c: String!, $d: String!, $e: String!, $from: String, $to: String, $asOf: String, $since: String!, $until: String!, $weekOf: String!) {
  a: team(key: $a) {
    ...TeamPage
  }
  b: team(key: $b) {
    ...TeamPage
  }
  c: team(key: $c) {
    ...TeamPage
  }
  d: team(key: $d) {
    ...TeamPage
  }
  e: team(key: $e) {
    ...TeamPage
  }
}
    fragment TeamPage on Team {
  key
  kpis(from: $from, to: $to, asOf: $asOf) {
    metric
    status
    attainment
    target {
      statistic
      good {
        min
        max
      }
      acceptable {
        min
        max
      }
      scope {
        kind
        key
      }
    }
    ... on DurationMetricRow {
      calendar {
        count
        median
        p90
      }
    }
    ... on RateMetricRow {
      rate
      denominator
    }
    facts(first: 5) {
      totalCount
      edges {
        node {
          conversationId
          person
          team
          at
          value
          reason
        }
      }
    }
  }
  workforce(from: $since, to: $until) {
    headcountAtStart
    headcountAtEnd
    averageHeadcount
    tenure {
      bands {
        band
        count
      }
    }
    departures {
      person {
        name
      }
      leftOn
      tenureDays
    }
    turnoverRate
    turnoverCost
    uncostedDepartures
    replacementCostRate
  }
  coverage(weekOf: $weekOf) {
    timeZone
    start
    end
    gaps {
      start
      staffed
      demand
    }
    tracks {
      track
      gaps {
        start
        staffed
        demand
      }
    }
  }
}`, {"hash":"sha256:a8a8b70aa8f2d1e216d5044c18edab843e760121fc452c3050755f5dee7dced9"}) as unknown as TypedDocumentString<TeamPagesQuery, TeamPagesQueryVariables>;