// Report filters (dates, channel, locale, knowledge version, test traffic), parsed once from CLI flags or a query
// string, and the test each session must pass. Dates are UTC days; `to` is inclusive.
import type { SessionFacts, SessionQuery } from './types';

export interface ReportFilter {
  /** YYYY-MM-DD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly includeTest: boolean;
  readonly channel?: string;
  readonly locale?: string;
  /** A knowledge hash, or a prefix of one (the dashboard shows the first 12 characters). */
  readonly knowledge?: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FilterError extends Error {
  readonly code = 'invalid_filter';
}

function day(name: string, value: unknown): string | undefined {
  if (value === undefined || value === '' || value === null) return undefined;
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new FilterError(`${name}: expected a date as YYYY-MM-DD, got "${String(value)}"`);
  }
  return value;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);
const yes = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 'yes' || value === '';

/** From `{ from, to, channel, locale, knowledge, include_test }` (a query string or parsed CLI flags). */
export function parseFilter(raw: Readonly<Record<string, unknown>>): ReportFilter {
  const from = day('from', raw.from);
  const to = day('to', raw.to);
  if (from && to && from > to) throw new FilterError(`from (${from}) is after to (${to})`);
  const includeTest = raw.include_test !== undefined && yes(raw.include_test);
  const channel = text(raw.channel);
  const locale = text(raw.locale);
  const knowledge = text(raw.knowledge);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), includeTest, ...(channel ? { channel } : {}), ...(locale ? { locale } : {}), ...(knowledge ? { knowledge } : {}) };
}

/** The store query for a filter: sessions started from `from` 00:00 UTC to the end of `to`. */
export function toQuery(filter: ReportFilter): SessionQuery {
  return {
    ...(filter.from ? { from: Date.parse(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { to: Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS } : {}),
    includeTest: filter.includeTest,
  };
}

/** The session passes every filter (the store already applied dates and test traffic; checked again, cheaply). */
export function matcher(filter: ReportFilter): (s: SessionFacts) => boolean {
  const q = toQuery(filter);
  const locale = filter.locale?.toLowerCase();
  return (s) =>
    (q.from === undefined || s.startedAt >= q.from) &&
    (q.to === undefined || s.startedAt < q.to) &&
    (filter.includeTest || !s.test) &&
    (filter.channel === undefined || s.channel === filter.channel) &&
    (locale === undefined || (s.locale ?? '').toLowerCase() === locale || (s.locale ?? '').toLowerCase().startsWith(`${locale}-`)) &&
    (filter.knowledge === undefined || s.knowledge.startsWith(filter.knowledge));
}

export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
