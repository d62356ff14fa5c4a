// The simulated customers' results in numbers: the share fixed before escalation, the mean turns to the fix, per cause.
import type { CustomerResult } from './simulate';

export interface FlowsReport {
  readonly customers: number;
  readonly fixed: number;
  readonly fixedShare: number;
  /** Over the customers fixed: messages sent until the fix was shown (the opening counts). */
  readonly meanTurnsToFix: number;
  readonly byCause: readonly { readonly cause: string; readonly customers: number; readonly fixed: number; readonly meanTurns: number }[];
  readonly misses: readonly CustomerResult[];
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function summarize(results: readonly CustomerResult[]): FlowsReport {
  const fixed = results.filter((r) => r.fixed);
  const causes = [...new Set(results.map((r) => r.cause))].sort();
  return {
    customers: results.length,
    fixed: fixed.length,
    fixedShare: results.length === 0 ? 0 : fixed.length / results.length,
    meanTurnsToFix: mean(fixed.map((r) => r.turns)),
    byCause: causes.map((cause) => {
      const of = results.filter((r) => r.cause === cause);
      const ok = of.filter((r) => r.fixed);
      return { cause, customers: of.length, fixed: ok.length, meanTurns: mean(ok.map((r) => r.turns)) };
    }),
    misses: results.filter((r) => !r.fixed),
  };
}

export function formatFlowsReport(report: FlowsReport, file: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `Simulated customers (${file}): ${report.customers}`,
    `fixed before escalation: ${report.fixed} (${pct(report.fixedShare)})   mean turns to the fix: ${report.meanTurnsToFix.toFixed(2)}`,
    '',
    'cause                      customers  fixed  mean turns',
    ...report.byCause.map((c) => `${c.cause.padEnd(26)} ${String(c.customers).padStart(9)}  ${String(c.fixed).padStart(5)}  ${c.meanTurns.toFixed(2).padStart(10)}`),
  ];
  if (report.misses.length > 0) {
    lines.push('', 'Not fixed:');
    for (const m of report.misses) lines.push(`  ${m.id} ${m.cause}: ${m.ending} after ${m.turns} turns; shown ${m.shown.join(' → ') || '(nothing)'}`);
  }
  return lines.join('\n');
}
