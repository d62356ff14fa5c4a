// The report as CSV (`npm run report -- --csv`): one long table, `section,key,metric,value`, so one file holds the
// outcomes, flows, steps, days and CSAT and any spreadsheet can pivot it.
import type { Summary } from './summary-types';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function formatCsv(r: Summary): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'metric', 'value']];
  const add = (section: string, key: string, metrics: Readonly<Record<string, number | null>>): void => {
    for (const [metric, value] of Object.entries(metrics)) rows.push([section, key, metric, value]);
  };
  add('outcomes', '', {
    sessions: r.sessions, engaged: r.engaged, unengaged: r.unengaged, resolved_confirmed: r.resolved_confirmed, resolved_assumed: r.resolved_assumed,
    escalated: r.escalated, abandoned: r.abandoned, awaiting_return: r.awaiting_return, in_progress: r.in_progress,
    user_messages: r.user_messages, unrecognized_messages: r.unrecognized_messages, out_of_scope_messages: r.out_of_scope_messages,
  });
  add('rates', '', r.rates);
  add('csat', '', { asked: r.csat.asked, responses: r.csat.responses, mean: r.csat.mean, response_rate: r.csat.response_rate, ...r.csat.scores });
  for (const f of r.flows) add('flow', f.flow, { sessions: f.sessions, resolved_confirmed: f.resolved_confirmed, resolved_assumed: f.resolved_assumed, escalated: f.escalated, abandoned: f.abandoned, awaiting_return: f.awaiting_return, in_progress: f.in_progress });
  for (const s of r.steps) {
    const { flow, step, moved_on: moved, ...counts } = s;
    add('step', `${flow}/${step}`, counts);
    for (const [to, n] of Object.entries(moved)) rows.push(['moved_on', `${flow}/${step}`, to, n]);
  }
  for (const d of r.days) {
    const { date, ...counts } = d;
    add('day', date, counts);
  }
  add('escalation_reason', '', r.escalations.reasons);
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
