// The report for a terminal (`npm run report`): outcome numbers with their rates, per flow, per step, CSAT, escalation
// reasons and where abandoned sessions stopped. Plain aligned text, no colours.
import type { Summary } from './summary-types';

const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const pad = (cells: readonly (string | number)[], widths: readonly number[]): string =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join('  ');

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  return [pad(head, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths))];
}

export function formatText(r: Summary): string {
  const period = `${r.period.from ?? 'the start'} to ${r.period.to ?? 'today'} (UTC)${r.filters.include_test ? ', test traffic included' : ''}`;
  const lines = [`Analytics, ${period}; generated ${r.period.generated_at}`, ''];
  lines.push(...table(['outcome', 'sessions', 'rate'], [
    ['sessions', r.sessions, ''],
    ['engaged', r.engaged, pct(r.rates.engagement)],
    ['resolved, confirmed', r.resolved_confirmed, pct(r.rates.resolved_confirmed)],
    ['resolved, assumed', r.resolved_assumed, pct(r.rates.resolved_assumed)],
    ['escalated', r.escalated, pct(r.rates.escalated)],
    ['abandoned', r.abandoned, pct(r.rates.abandoned)],
    ['awaiting return (< 72 h)', r.awaiting_return, ''],
    ['in progress', r.in_progress, ''],
    ['unengaged', r.unengaged, ''],
  ]), '');
  lines.push(`user messages ${r.user_messages}, not understood ${r.unrecognized_messages} (${pct(r.rates.unrecognized)}), out of scope ${r.out_of_scope_messages}`);
  lines.push(`CSAT: ${r.csat.responses} answer(s) of ${r.csat.asked} asked (${pct(r.csat.response_rate)}), mean ${r.csat.mean ?? '—'}`, '');
  if (r.flows.length > 0) {
    lines.push('Per flow', ...table(['flow', 'sessions', 'confirmed', 'assumed', 'escalated', 'abandoned', 'awaiting', 'in progress'],
      r.flows.map((f) => [f.flow, f.sessions, f.resolved_confirmed, f.resolved_assumed, f.escalated, f.abandoned, f.awaiting_return, f.in_progress])), '');
  }
  if (r.steps.length > 0) {
    lines.push('Per step', ...table(['flow / step', 'shown', 'fixed', 'not fixed', 'tried', 'skipped', 'no answer', 'escalated', 'waiting'],
      r.steps.map((s) => [`${s.flow} / ${s.step}`, s.shown, s.fixed, s.not_fixed, s.already_tried, s.skipped, s.dropped, s.escalated, s.waiting])), '');
  }
  const reasons = Object.entries(r.escalations.reasons);
  if (reasons.length > 0) lines.push(`Escalation reasons: ${reasons.map(([k, v]) => `${k} ${v}`).join(', ')}`, '');
  if (r.abandoned_after.length > 0) {
    lines.push('Abandoned after the bot said', ...r.abandoned_after.map((a) => `  ${String(a.sessions).padStart(5)}  ${a.said}`), '');
  }
  return lines.join('\n');
}
