// The benchmark's stdout: one short table per measurement, from the same object that goes to bench/results.json.
import type { BrainSpeed } from './brain-speed';
import type { LayerCost } from './layers';
import type { MemoryResult } from './memory';
import type { ProfileSummary } from './profile';
import type { StartupResult } from './startup';
import type { TurnsRow } from './turns';

export interface BenchResults {
  readonly machine: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly targets: Readonly<Record<string, string>>;
  readonly turns: readonly TurnsRow[];
  readonly startup?: StartupResult;
  readonly nlu?: BrainSpeed;
  readonly memory?: MemoryResult;
  readonly layers?: readonly LayerCost[];
  readonly profile?: ProfileSummary;
  readonly notes: readonly string[];
}

const pad = (value: unknown, width: number): string => String(value).padStart(width);

export function formatReport(results: BenchResults): string {
  const lines: string[] = [];
  lines.push('', 'Turns through POST /api/messages → reply at the serviceUrl sink (medians over rounds; latency in ms;');
  lines.push('×echo = median of per-round throughput ratios [interquartile range]; p99× = p99 ÷ echo\'s p99 in the same round;');
  lines.push('cpu = the server process\'s CPU ms per turn; gc = main-thread GC time ÷ that CPU; KB = heap allocated per turn)');
  lines.push(`${'system'.padEnd(14)}${pad('conc', 5)}${pad('turns/s', 9)}${pad('p50', 8)}${pad('p99', 8)}${pad('p99×', 6)}${pad('×echo', 7)}${pad('[IQR]', 12)}${pad('cpu', 7)}${pad('gc', 6)}${pad('KB', 6)}`);
  for (const row of results.turns) {
    const cpu = row.cpuMsPerTurn === undefined ? '-' : row.cpuMsPerTurn.toFixed(2);
    const gc = row.gcShare === undefined ? '-' : `${Math.round(row.gcShare * 100)}%`;
    const kb = row.allocKbPerTurn === undefined ? '-' : Math.round(row.allocKbPerTurn);
    const iqr = `[${row.ratioIqr[0].toFixed(2)}–${row.ratioIqr[1].toFixed(2)}]`;
    const flag = row.errors > 0 ? '  !' : '';
    lines.push(`${row.system.padEnd(14)}${pad(row.concurrency, 5)}${pad(row.turnsPerSecond, 9)}${pad(row.p50.toFixed(1), 8)}${pad(row.p99.toFixed(1), 8)}${pad(row.p99Ratio.toFixed(1), 6)}${pad(row.ratio.toFixed(2), 7)}${pad(iqr, 12)}${pad(cpu, 7)}${pad(gc, 6)}${pad(kb, 6)}${flag}`);
  }
  const aa = results.turns.filter((r) => r.system.endsWith('-aa'));
  if (aa.length > 0) {
    lines.push(`A/A control (a second copy of ${aa[0].system.replace(/-aa$/, '')}, measured alternately; throughput ÷ its twin's): ${aa.map((r) => `@${r.concurrency} ${r.ratio.toFixed(2)} [${r.ratioIqr[0].toFixed(2)}–${r.ratioIqr[1].toFixed(2)}]`).join(', ')}`);
    lines.push('  differences between systems smaller than the A/A spread are noise on this machine.');
  }
  const errors = results.turns.filter((r) => r.errors > 0);
  for (const row of errors) lines.push(`  ! ${row.system} @${row.concurrency}: ${row.errors} failed turns, e.g. ${row.firstError}`);
  if (results.layers) {
    const echo = results.turns.find((r) => r.system === 'echo' && r.concurrency === 32)?.cpuMsPerTurn;
    lines.push('', `Inside the bot, no HTTP (CPU ms per turn, journey above, 32 conversations at a time)${echo ? `; echo's whole turn at 32: ${echo.toFixed(2)} ms` : ''}:`);
    for (const layer of results.layers) {
      const share = echo ? `${pad((layer.cpuMsPerTurn / echo).toFixed(2), 6)} × echo` : '';
      lines.push(`  ${layer.layer.padEnd(28)}${pad(layer.cpuMsPerTurn.toFixed(3), 7)}  ${share}`);
    }
  }
  if (results.startup) {
    const s = results.startup;
    const cpu = s.coldCpuMs !== undefined ? ` (process CPU until ready: cold ${s.coldCpuMs} ms, warm ${s.warmCpuMs} ms)` : '';
    lines.push('', `Start-up to /healthz 200: cold ${s.coldMs} ms, warm ${s.warmMs} ms${cpu} (median of ${s.runs}; warm carried: ${s.carriedFiles.join(', ') || 'nothing — no model cache on disk'})`);
  }
  if (results.nlu) {
    const n = results.nlu;
    lines.push(`NLU: knowledge load ${n.loadMs} ms, training ${n.trainMs} ms, classify mean ${n.classify.mean} ms, p99 ${n.classify.p99} ms (${n.classify.count} calls over ${n.classify.texts} texts)`);
  }
  if (results.memory) {
    const m = results.memory;
    lines.push(
      `Memory (SQLite bot, after GC): idle RSS ${m.idle.rssMb} MB; after ${m.warmupConversations} warm-up conversations ${m.afterWarmup.rssMb} MB;`,
      `  after ${m.conversations} more ${m.afterConversations.rssMb} MB → growth ${m.rssGrowthPer10kMb} MB RSS, ${m.heapGrowthPer10kMb} MB heap per 10,000 conversations${m.errors ? ` (${m.errors} failed turns)` : ''}`,
    );
  }
  if (results.profile) {
    lines.push('', `CPU profile of the SQLite bot at 32 concurrent (${results.profile.busyMs} ms busy), self time by owner:`);
    for (const g of results.profile.groups) lines.push(`  ${pad(g.percent.toFixed(1), 5)}%  ${g.group}`);
    lines.push('  by package / file:');
    for (const share of results.profile.shares) lines.push(`  ${pad(share.percent.toFixed(1), 5)}%  ${share.owner.padEnd(34)} ${share.topFunctions.join(', ')}`);
  }
  for (const note of results.notes) lines.push(`note: ${note}`);
  lines.push('', `Targets: ${Object.entries(results.targets).map(([k, v]) => `${k} ${v}`).join('; ')}`);
  return lines.join('\n');
}
