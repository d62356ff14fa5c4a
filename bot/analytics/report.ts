// The report from a store: read the sessions a filter asks for, then summarize or drill down at "now". Shared by
// `npm run report`, the dashboard's API and the benchmark, so they all give the same numbers.
import { drill, type DrillResult } from './drill';
import { toQuery, type ReportFilter } from './filters';
import { RETURN_HOURS } from './recorder';
import { summarize } from './summarize';
import type { Summary } from './summary-types';
import type { AnalyticsStore } from './types';

export interface ReportSource {
  readonly analytics: Pick<AnalyticsStore, 'sessions'>;
  /** ANALYTICS_SESSION_MINUTES, as the bot records with. */
  readonly sessionMinutes: number;
  /** Flows in knowledge order (steps listed as the flow runs). */
  readonly flows?: readonly { readonly id: string; readonly steps: readonly { readonly id: string }[] }[];
  readonly now?: () => number;
}

const clockOf = (source: ReportSource) => ({ now: (source.now ?? Date.now)(), idleMs: source.sessionMinutes * 60_000, returnMs: RETURN_HOURS * 3_600_000 });

export async function buildSummary(source: ReportSource, filter: ReportFilter): Promise<Summary> {
  const sessions = await source.analytics.sessions(toQuery(filter));
  return summarize(sessions, { ...clockOf(source), filter, ...(source.flows ? { flowOrder: source.flows } : {}) });
}

export async function drillDown(source: ReportSource, metric: string, filter: ReportFilter, limit?: number): Promise<DrillResult> {
  const sessions = await source.analytics.sessions(toQuery(filter));
  return drill(sessions, metric, filter, clockOf(source), limit);
}
