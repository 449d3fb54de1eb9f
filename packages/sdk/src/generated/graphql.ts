/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether a person is still in the organisation. */
export type PersonStatus =
  | 'ACTIVE'
  | 'LEFT';

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
    `) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
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
}`) as unknown as TypedDocumentString<TeamPageQuery, TeamPageQueryVariables>;
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
}`) as unknown as TypedDocumentString<TeamPagesQuery, TeamPagesQueryVariables>;